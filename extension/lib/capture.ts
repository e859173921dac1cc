import { type LmsPage, lmsSourceTitle, parseLms } from './lms';

/** What a clip starts from: the selection (or link), the heading above it, the page it came from. */
export const MAX_SELECTION = 5000;

export interface ClipDraft {
  text: string;
  /** The nearest heading above the selection, when the page could be read. */
  heading: string;
  /** The source's title: on Canvas and Schoology "Page title — Course name", elsewhere the tab's title. */
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
  /** Canvas or Schoology recognised by the page reader (absent or null elsewhere). */
  lms?: LmsPage | null;
}

export function draftFrom(
  info: { selectionText?: string; linkUrl?: string },
  tab: { title?: string; url?: string },
  page?: { text: string; heading: string; lms?: LmsPage | null },
): ClipDraft {
  // The page's own reading keeps line breaks; the context menu's selectionText flattens them.
  const raw = (page?.text || info.selectionText || '').trim();
  // A clipped link is a source of its own: the LMS page it sits on does not name it.
  const lms = info.linkUrl ? null : parseLms(page?.lms);
  return {
    text: raw.slice(0, MAX_SELECTION),
    heading: (page?.heading ?? '').slice(0, 120),
    pageTitle: lms ? lmsSourceTitle(lms) : (tab.title ?? '').slice(0, 200),
    pageUrl: info.linkUrl ?? tab.url ?? '',
    trimmed: raw.length > MAX_SELECTION,
    ...(lms ? { lms } : {}),
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
  if (draft.lms) {
    q.set('lms', draft.lms.kind);
    q.set('course', draft.lms.course);
    q.set('lmsTitle', draft.lms.pageTitle);
  }
  return q.toString();
}

export function readDraft(search: string): ClipDraft {
  const q = new URLSearchParams(search);
  const lms = parseLms({ kind: q.get('lms'), course: q.get('course'), pageTitle: q.get('lmsTitle') });
  return {
    text: q.get('text') ?? '',
    heading: q.get('heading') ?? '',
    pageTitle: q.get('title') ?? '',
    pageUrl: q.get('url') ?? '',
    trimmed: q.get('trimmed') === '1',
    ...(lms ? { lms } : {}),
  };
}

/** The clip's source title: the LMS's "Page title — Course name" when the page was recognised, else the tab's. */
export function sourceTitleOf(draft: ClipDraft): string {
  return draft.lms ? lmsSourceTitle(draft.lms) : draft.pageTitle;
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
 * heading above the selection unless it is a generic one ("Steps"); otherwise the page title (on Canvas and
 * Schoology the LMS page's own title, not the tab's "Page: Course"). With nothing selected on an LMS page (the text is
 * Readability's reading of the page, `excerptHtml` set) the LMS page title comes first: the page's first line is not
 * its name.
 */
export function titleFrom(draft: ClipDraft & { excerptHtml?: string }): string {
  const lmsTitle = draft.lms?.pageTitle ?? '';
  if (lmsTitle && draft.excerptHtml) return lmsTitle.slice(0, 120);
  const lines = draft.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  if (lines.length > 1 && first.length <= 80) return first;
  if (draft.heading && !GENERIC_HEADINGS.test(draft.heading)) return draft.heading.slice(0, 120);
  return (first.length > 0 && first.length <= 120 ? first : lmsTitle || draft.pageTitle).slice(0, 120);
}
