/**
 * Runs inside the page (injected with scripting.executeScript on the tab the teacher acted on): the selected text and
 * the nearest heading above it, which usually names the strategy. Self-contained on purpose: it is serialised into
 * the page, so it may not use anything from this module's scope.
 */
export function readSelection(): { text: string; heading: string; html: string } {
  const selection = window.getSelection();
  const text = selection?.toString() ?? '';
  // Without a selection the extension reads the whole page (Readability runs in the extension, not here).
  const html = text.trim() === '' ? document.documentElement.outerHTML.slice(0, 2_000_000) : '';
  const anchor = selection?.anchorNode ?? null;
  let el: Element | null = anchor
    ? anchor.nodeType === 1
      ? (anchor as Element)
      : anchor.parentElement
    : null;
  const isHeading = (e: Element) => /^H[1-4]$/.test(e.tagName);
  while (el) {
    if (isHeading(el)) return { text, heading: el.textContent?.trim() ?? '', html };
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHeading(prev)) return { text, heading: prev.textContent?.trim() ?? '', html };
      const inner = prev.querySelectorAll('h1, h2, h3, h4');
      const last = inner[inner.length - 1];
      if (last) return { text, heading: last.textContent?.trim() ?? '', html };
    }
    el = el.parentElement;
  }
  return { text, heading: '', html };
}
