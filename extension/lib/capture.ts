/** What a clip starts from: the selection (or link), the page it came from. Long selections are trimmed. */
export const MAX_SELECTION = 5000;

export interface ClipDraft {
  text: string;
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
}

export function draftFrom(
  info: { selectionText?: string; linkUrl?: string },
  tab: { title?: string; url?: string },
): ClipDraft {
  const raw = (info.selectionText ?? '').trim();
  return {
    text: raw.slice(0, MAX_SELECTION),
    pageTitle: (tab.title ?? '').slice(0, 200),
    pageUrl: info.linkUrl ?? tab.url ?? '',
    trimmed: raw.length > MAX_SELECTION,
  };
}

/** The clip form's address, carrying the draft in its query string. */
export function clipPageQuery(draft: ClipDraft): string {
  const q = new URLSearchParams({ text: draft.text, title: draft.pageTitle, url: draft.pageUrl });
  if (draft.trimmed) q.set('trimmed', '1');
  return q.toString();
}

export function readDraft(search: string): ClipDraft {
  const q = new URLSearchParams(search);
  return {
    text: q.get('text') ?? '',
    pageTitle: q.get('title') ?? '',
    pageUrl: q.get('url') ?? '',
    trimmed: q.get('trimmed') === '1',
  };
}

/** A first guess at the steps: the selection's lines, without bullets and numbering. */
export function stepsFrom(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((l) => l.length > 0)
    .slice(0, 20)
    .map((l) => l.slice(0, 500));
}
