/** What a clip starts from: the selection (or link), the heading above it, the page it came from. */
export const MAX_SELECTION = 5000;

export interface ClipDraft {
  text: string;
  /** The nearest heading above the selection, when the page could be read. */
  heading: string;
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
}

export function draftFrom(
  info: { selectionText?: string; linkUrl?: string },
  tab: { title?: string; url?: string },
  page?: { text: string; heading: string },
): ClipDraft {
  // The page's own reading keeps line breaks; the context menu's selectionText flattens them.
  const raw = (page?.text || info.selectionText || '').trim();
  return {
    text: raw.slice(0, MAX_SELECTION),
    heading: (page?.heading ?? '').slice(0, 120),
    pageTitle: (tab.title ?? '').slice(0, 200),
    pageUrl: info.linkUrl ?? tab.url ?? '',
    trimmed: raw.length > MAX_SELECTION,
  };
}

/** The clip form's address, carrying the draft in its query string. */
export function clipPageQuery(draft: ClipDraft): string {
  const q = new URLSearchParams({
    text: draft.text,
    heading: draft.heading,
    title: draft.pageTitle,
    url: draft.pageUrl,
  });
  if (draft.trimmed) q.set('trimmed', '1');
  return q.toString();
}

export function readDraft(search: string): ClipDraft {
  const q = new URLSearchParams(search);
  return {
    text: q.get('text') ?? '',
    heading: q.get('heading') ?? '',
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

const GENERIC_HEADINGS =
  /^(steps?|instructions|procedure|materials|overview|how( it works| to)?|what to do|notes?)$/i;

/**
 * A first guess at the title: the selection's first line when it reads like a title above the rest; otherwise the
 * heading above the selection unless it is a generic one ("Steps"); otherwise the page title.
 */
export function titleFrom(draft: ClipDraft): string {
  const lines = draft.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  if (lines.length > 1 && first.length <= 80) return first;
  if (draft.heading && !GENERIC_HEADINGS.test(draft.heading)) return draft.heading.slice(0, 120);
  return (first.length > 0 && first.length <= 120 ? first : draft.pageTitle).slice(0, 120);
}
