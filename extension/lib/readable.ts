import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { EXCERPT_TAGS } from '../../shared/excerpt';
import type { CapturedPage } from '../../shared/messages';
import { MAX_EXCERPT } from '../../shared/strategy';
import type { ClipDraft, FormDraft } from './capture';
import { blocksFromHtml, blocksFromText, blocksToHtml } from './clip-structure';
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
 * An excerpt within the schema's limit without cutting anything silently: the sanitized HTML as it is when it fits;
 * else the same blocks without links and inline markup; else whole blocks from the start, with `trimmed` set so the
 * form says so. Never cut inside a tag or a word.
 */
export function fitExcerpt(html: string): { html: string; trimmed: boolean } {
  if (html.length <= MAX_EXCERPT) return { html, trimmed: false };
  const parts = blocksToHtml(blocksFromHtml(html));
  const plain = parts.join('');
  if (plain.length <= MAX_EXCERPT) return { html: plain, trimmed: false };
  let kept = '';
  for (const part of parts) {
    if (kept.length + part.length > MAX_EXCERPT) break;
    kept += part;
  }
  return { html: kept, trimmed: true };
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Plain text (no HTML came with it) as an excerpt, line for line as the teacher selected it: a blank line starts a
 * new paragraph, other line breaks stay `<br>`s.
 */
export function excerptFromText(text: string): { html: string; trimmed: boolean } {
  const html = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
  if (html.length <= MAX_EXCERPT) return { html, trimmed: false };
  return fitExcerpt(blocksToHtml(blocksFromText(text)).join(''));
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
): { title: string; text: string; html: string; trimmed: boolean } | undefined {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const doc = (lms && lmsContentDocument(page, lms)) || page;
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  const article = new Readability(doc).parse();
  if (!article?.content) return undefined;
  const excerpt = fitExcerpt(sanitizeHtml(article.content).trim());
  const text = (article.textContent ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return { title: (article.title ?? '').trim(), text, html: excerpt.html, trimmed: excerpt.trimmed };
}

/**
 * A captured page as the clip form takes it, with its excerpt: a selection's own HTML, sanitized (its lists, headings
 * and paragraphs are what the title and steps are guessed from); with nothing selected, Readability's main text;
 * plain text (a link, a page that refused scripts) as paragraphs. `lms` crosses a context boundary (the background's
 * answer, a stored draft) and is validated here.
 */
export function formDraft(captured: CapturedPage & { lms?: unknown }): FormDraft {
  const { html, selectionHtml, lms: rawLms, ...rest } = captured;
  const lms = parseLms(rawLms);
  const draft: ClipDraft = {
    text: rest.text,
    heading: rest.heading,
    pageTitle: rest.pageTitle,
    pageUrl: rest.pageUrl,
    trimmed: rest.trimmed,
    ...(lms ? { lms } : {}),
  };
  if (selectionHtml) {
    const excerpt = fitExcerpt(sanitizeHtml(selectionHtml).trim());
    if (excerpt.html.trim()) {
      return { ...draft, excerptHtml: excerpt.html, trimmed: draft.trimmed || excerpt.trimmed };
    }
  }
  if (html) {
    const page = readablePage(html, draft.pageUrl, lms?.kind);
    if (page) {
      return {
        ...draft,
        text: page.text,
        heading: page.title,
        trimmed: page.trimmed,
        excerptHtml: page.html,
        wholePage: true,
      };
    }
  }
  if (!draft.text) return draft;
  const excerpt = excerptFromText(draft.text);
  return { ...draft, excerptHtml: excerpt.html, trimmed: draft.trimmed || excerpt.trimmed };
}
