import { useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to a new view's heading (`#view-title`) shortly after the view changes (`key`), so keyboard and
 * screen-reader users land where the content changed — unless someone has already moved focus themselves by then
 * (clicked or tabbed into a field of the new view): their place wins, and what they type goes where they put it.
 * Where focus was when the view changed is read while rendering, before anyone can act on the new view.
 */
export function useViewFocus(key: string, delay = 50): void {
  const change = useRef<{ key: string; focused: Element | null } | null>(null);
  if (change.current?.key !== key) change.current = { key, focused: document.activeElement };
  useEffect(() => {
    const before = change.current?.focused ?? null;
    const timer = setTimeout(() => {
      const now = document.activeElement;
      if (now && now !== document.body && now !== before) return;
      (document.getElementById('view-title') as HTMLElement | null)?.focus();
    }, delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
}
