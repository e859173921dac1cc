import { useEffect, useRef } from 'preact/hooks';

/**
 * The focus of a question asked in place of a button: into `target` when it opens, back to the button (`trigger`)
 * when it closes and `returnFocus` was set; `mounted` tells an answer that comes back late whether to update.
 */
export function useAskFocus<T extends HTMLElement>(asking: boolean) {
  const target = useRef<T>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (asking) target.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);
  return { target, trigger, returnFocus, mounted };
}
