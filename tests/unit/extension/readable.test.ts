// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readablePage, sanitizeHtml } from '../../../extension/lib/readable';

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
