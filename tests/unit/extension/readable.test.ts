// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { titleFrom } from '../../../extension/lib/capture';
import { fitExcerpt, formDraft, readablePage, sanitizeHtml } from '../../../extension/lib/readable';
import { MAX_EXCERPT } from '../../../shared/strategy';
import { fixture } from './fixtures/load-page';

describe('reading a page without a selection', () => {
  it('when a page has a main article among navigation, then Readability keeps the article, sanitized', () => {
    const paragraph =
      'Students turn to a partner and each explains one step of the solution in their own words. '.repeat(6);
    const html = `<html><head><title>Blog</title></head><body>
      <nav><a href="/">Home</a> <a href="/about">About</a></nav>
      <article><h1>Explain-a-step partner talk</h1><p>${paragraph}</p><p onclick="steal()">${paragraph}<img src="x" onerror="steal()"></p>
      <script>steal()</script></article><footer>© Blog</footer></body></html>`;
    const page = readablePage(html, 'https://blog.example.org/post');
    expect(page?.text).toContain('each explains one step');
    expect(page?.text).not.toContain('About');
    expect(page?.html).not.toMatch(/onclick|onerror|<script|<img/);
  });

  it('when HTML carries scripts, handlers and javascript: links, then sanitizing leaves only text structure and safe links', () => {
    expect(
      sanitizeHtml(
        '<p onclick="x()">Hi<script>x()</script> <a href="javascript:x()">a</a> <a href="https://ok">b</a></p>',
      ),
    ).toBe('<p>Hi <a>a</a> <a href="https://ok">b</a></p>');
  });
});

describe('reading a Canvas or Schoology page without a selection', () => {
  const canvasUrl = 'https://canvas.lincoln-high.org/courses/4821/pages/think-pair-share';
  const schoologyUrl = 'https://lincoln.schoology.com/page/98765432';

  it('when the page is a Canvas wiki page, then the excerpt is the page body without course navigation or breadcrumbs', () => {
    const page = readablePage(fixture('canvas-wiki-page.html'), canvasUrl, 'canvas');
    expect(page?.text).toContain('Pair: partners take turns explaining their answers');
    expect(page?.html).toContain('<ol>');
    for (const chrome of [
      'Announcements', // the course menu (#section-tabs)
      'People',
      'BIO9-P3', // the breadcrumbs
      'My Dashboard',
      'Inbox', // the global navigation
      'View All Pages', // the page toolbar
      'Previous', // the module footer
      'Fall Term',
    ]) {
      expect(page?.text).not.toContain(chrome);
      expect(page?.html).not.toContain(chrome);
    }
  });

  it('when a Canvas page is short, then Readability alone would keep the course menu, and reading the content column does not', () => {
    // Only the list of steps: too little text for Readability to tell the article from the menus around it.
    const doc = new DOMParser().parseFromString(fixture('canvas-wiki-page.html'), 'text/html');
    for (const p of doc.querySelectorAll('.show-content p')) p.remove();
    const html = doc.documentElement.outerHTML;
    expect(readablePage(html, canvasUrl)?.text).toContain('Announcements');
    const page = readablePage(html, canvasUrl, 'canvas');
    expect(page?.text).toContain('Share: call on three pairs at random');
    expect(page?.text).not.toMatch(/Announcements|Modules|BIO9-P3|Inbox|View All Pages|Previous/);
  });

  it('when the page is a Schoology page, then the excerpt is the page body without the sidebars or the breadcrumb', () => {
    const page = readablePage(fixture('schoology-page.html'), schoologyUrl, 'schoology');
    expect(page?.text).toContain('Sort the answers into got it, almost, and not yet.');
    for (const chrome of [
      'Materials',
      'Badges',
      'Unit 1 · Routines',
      'Upcoming',
      'Vocabulary quiz',
      'Resources',
    ]) {
      expect(page?.text).not.toContain(chrome);
      expect(page?.html).not.toContain(chrome);
    }
  });

  it('when the LMS page has been read, then the clip form gets the excerpt, the LMS page title and the course', () => {
    const draft = formDraft({
      text: '',
      heading: '',
      pageTitle: 'Think–Pair–Share — Biology 9 (Period 3)',
      pageUrl: canvasUrl,
      trimmed: false,
      html: fixture('canvas-wiki-page.html'),
      lms: { kind: 'canvas', course: 'Biology 9 (Period 3)', pageTitle: 'Think–Pair–Share' },
    });
    expect(draft.lms).toEqual({
      kind: 'canvas',
      course: 'Biology 9 (Period 3)',
      pageTitle: 'Think–Pair–Share',
    });
    expect(draft.excerptHtml).toContain('every student to rehearse an answer');
    expect(draft.excerptHtml).not.toContain('Announcements');
    expect(draft.excerptHtml).not.toMatch(/<script|<img|onclick/);
    // The page's first line is not its name: the LMS page title is.
    expect(titleFrom(draft)).toBe('Think–Pair–Share');
  });

  it('when the lms part of a capture is malformed, then it is dropped and the page is read as an ordinary page', () => {
    const draft = formDraft({
      text: '',
      heading: '',
      pageTitle: 'Think–Pair–Share: Biology 9 (Period 3)',
      pageUrl: canvasUrl,
      trimmed: false,
      html: fixture('canvas-wiki-page.html'),
      lms: { kind: 'moodle', course: 42 },
    });
    expect(draft.lms).toBeUndefined();
    expect(draft.excerptHtml).toContain('every student to rehearse an answer');
  });
});

describe('keeping the excerpt within its limit', () => {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i}: students explain <a href="https://example.org/${i}">one step</a> to a partner. ${'More words. '.repeat(30)}</p>`;

  it('when the HTML fits, then it is kept as it is', () => {
    expect(fitExcerpt(paragraph(1))).toEqual({ html: paragraph(1), trimmed: false });
  });

  it('when only its links and markup make it too long, then the text is kept whole, without them', () => {
    // A word processor's export: every paragraph wrapped in styled spans.
    const html = Array.from({ length: 40 }, (_, i) => paragraph(i))
      .join('')
      .replaceAll('<p>', '<p><span><span><span><span><span>')
      .replaceAll('</p>', '</span></span></span></span></span></p>');
    expect(html.length).toBeGreaterThan(MAX_EXCERPT);
    const fitted = fitExcerpt(html);
    expect(fitted.trimmed).toBe(false);
    expect(fitted.html.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(fitted.html).toContain('Paragraph 39: students explain one step to a partner.');
  });

  it('when the text itself is too long, then whole paragraphs are kept from the start and the draft says it was trimmed', () => {
    const html = Array.from({ length: 120 }, (_, i) => paragraph(i)).join('');
    const fitted = fitExcerpt(html);
    expect(fitted.trimmed).toBe(true);
    expect(fitted.html.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(fitted.html.startsWith('<p>Paragraph 0:')).toBe(true);
    expect(fitted.html.endsWith('</p>')).toBe(true);
    const draft = formDraft({
      text: 'x',
      heading: '',
      pageTitle: 'Long page',
      pageUrl: 'https://example.org/long',
      trimmed: false,
      selectionHtml: html,
    });
    expect(draft.trimmed).toBe(true);
    expect(draft.excerptHtml).toBe(fitted.html);
  });
});
