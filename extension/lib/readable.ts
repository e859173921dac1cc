import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { EXCERPT_TAGS } from '../../shared/excerpt';
import type { CapturedPage } from '../../shared/messages';

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
 * on a copy of the HTML: nothing is injected into the teacher's page). Returns sanitized HTML and plain text.
 */
export function readablePage(
  html: string,
  url: string,
): { title: string; text: string; html: string } | undefined {
  const doc = new DOMParser().parseFromString(html, 'text/html');
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

/** A captured page as the clip form takes it: with nothing selected, Readability's main text and sanitized excerpt. */
export function formDraft(captured: CapturedPage): {
  text: string;
  heading: string;
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
  excerptHtml?: string;
} {
  const { html, ...draft } = captured;
  if (!html) return draft;
  const page = readablePage(html, draft.pageUrl);
  return page
    ? { ...draft, text: page.text.slice(0, 5000), trimmed: page.text.length > 5000, excerptHtml: page.html }
    : draft;
}
