import { MAX_EXCERPT } from '../../shared/strategy';
import {
  type Block,
  blocksFromHtml,
  blocksFromText,
  GENERIC_HEADINGS,
  stepsFromBlocks,
} from './clip-structure';
import { type LmsPage, lmsSourceTitle, parseLms } from './lms';

/**
 * What a clip starts from: the selection (or link), the heading above it, the page it came from. The selection's text
 * is kept up to the excerpt's limit (the excerpt is where the full text lives); longer ones are cut and say so.
 */
export const MAX_SELECTION = MAX_EXCERPT;

export interface ClipDraft {
  text: string;
  /**
   * The nearest heading above the selection, when the page could be read; with nothing selected, the page's own
   * title as Readability reads it.
   */
  heading: string;
  /** The source's title: on Canvas and Schoology "Page title — Course name", elsewhere the tab's title. */
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
  /** Canvas or Schoology recognised by the page reader (absent or null elsewhere). */
  lms?: LmsPage | null;
}

/** A draft as the clip form takes it (`formDraft` in readable.ts). */
export interface FormDraft extends ClipDraft {
  /** Sanitized HTML of the selection, or of the page's main text when nothing was selected. */
  excerptHtml?: string;
  /** Nothing was selected: the text and the excerpt are Readability's reading of the whole page. */
  wholePage?: boolean;
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
    heading: (page?.heading ?? '').replace(/\s+/g, ' ').trim(),
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

/** The draft's structure: from its excerpt's HTML when there is one (a selection or a page), else from its text. */
export function blocksOf(draft: FormDraft): Block[] {
  return draft.excerptHtml ? blocksFromHtml(draft.excerptHtml) : blocksFromText(draft.text);
}

/** A first guess at the steps from plain text: its list items, or its sentences grouped into steps. */
export function stepsFrom(text: string): string[] {
  return stepsFromBlocks(blocksFromText(text));
}

/** Readability keeps the site's name in a page title with an en or em dash ("Cold Call – A Teaching Blog"). */
function withoutSiteName(title: string): string {
  const first = title.split(/\s+[|–—·»]\s+|\s+-\s+/)[0]?.trim() ?? '';
  return first.length >= 3 ? first : title.trim();
}

/**
 * A first guess at the title. With nothing selected: on Canvas and Schoology the LMS page's own title (not the tab's
 * "Page: Course"), elsewhere the page's title without the site's name. For a selection: a heading it starts with,
 * unless generic ("Steps"); else its first line when that reads like a title above the rest; else the heading above
 * the selection unless generic; else a short first line; else the LMS page title or the page title. Never shortened:
 * the form shows the limit.
 */
export function titleFrom(draft: FormDraft): string {
  const lmsTitle = draft.lms?.pageTitle ?? '';
  if (draft.wholePage) {
    if (lmsTitle) return lmsTitle;
    if (draft.heading) return withoutSiteName(draft.heading);
  }
  const blocks = blocksOf(draft);
  const first = blocks[0];
  if (first?.kind === 'heading' && !GENERIC_HEADINGS.test(first.text)) return first.text;
  const firstLine = first?.kind === 'paragraph' ? first.text : '';
  if (firstLine && blocks.length > 1 && firstLine.length <= 80 && !/[.!?]$/.test(firstLine)) return firstLine;
  if (draft.heading && !GENERIC_HEADINGS.test(draft.heading)) return draft.heading;
  if (firstLine && firstLine.length <= 120) return firstLine;
  return lmsTitle || draft.pageTitle;
}

/** The form's first guess: a title, and steps that follow the source's lists or sentences (the title is not a step). */
export function suggestClip(draft: FormDraft): { title: string; steps: string[] } {
  const title = titleFrom(draft);
  const steps = stepsFromBlocks(blocksOf(draft), title);
  return { title, steps: steps[0] === title ? steps.slice(1) : steps };
}
