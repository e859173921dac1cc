import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { EXCERPT_TAGS } from '../../shared/excerpt';
import type { CapturedPage } from '../../shared/messages';
import type { ClipDraft } from './capture';
import { type LmsKind, lmsContentDocument, parseLms } from './lms';

/** The same allow-list as the server: text structure and links; nothing that runs, loads or tracks. */
const ALLOWED = {
  ALLOWED_TAGS: EXCERPT_TAGS,
  ALLOWED_ATTR: ['href'],
};

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, ALLOWED);
}

/**
 * When nothing was selected: Mozilla Readability finds the page's main text (run here, in the extension's own page,
 * on a copy of the HTML: nothing is injected into the teacher's page). On a Canvas or Schoology page it reads only
 * the LMS's content column, without course navigation, breadcrumbs and sidebars. Returns sanitized HTML and plain
 * text.
 */
export function readablePage(
  html: string,
  url: string,
  lms?: LmsKind | null,
): { title: string; text: string; html: string } | undefined {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const doc = (lms && lmsContentDocument(page, lms)) || page;
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  const article = new Readability(doc).parse();
  if (!article?.content) return undefined;
  const clean = sanitizeHtml(article.content).slice(0, 20_000);
  const text = (article.textContent ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return { title: article.title ?? '', text, html: clean };
}

/**
 * A captured page as the clip form takes it: with nothing selected, Readability's main text and sanitized excerpt.
 * `lms` crosses a context boundary (the background's answer, a stored draft) and is validated here.
 */
export function formDraft(captured: CapturedPage & { lms?: unknown }): ClipDraft & { excerptHtml?: string } {
  const { html, lms: rawLms, ...rest } = captured;
  const lms = parseLms(rawLms);
  const draft: ClipDraft = { ...rest, ...(lms ? { lms } : {}) };
  if (!html) return draft;
  const page = readablePage(html, draft.pageUrl, lms?.kind);
  return page
    ? { ...draft, text: page.text.slice(0, 5000), trimmed: page.text.length > 5000, excerptHtml: page.html }
    : draft;
}
