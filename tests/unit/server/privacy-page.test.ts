import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { privacyPage } from '../../../lti-server/src/http/privacy-routes';

/**
 * The /privacy page is written in the catalogs (both languages); docs/privacy.md is its US English copy for the
 * repository and the stores. Both are compared block by block (headings, paragraphs, list items, table cells), as text.
 */
function blocks(html: string): string[] {
  return [...html.matchAll(/<(h[1-3]|p|li|th|td)\b[^>]*>(.*?)<\/\1>/gs)].map((m) =>
    m[2]!
      .replace(/<[^>]+>/g, '')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The page's own blocks, without its language links. */
function pageBlocks(html: string): string[] {
  return blocks(html.replace(/<nav\b.*?<\/nav>/s, ''));
}

const DOC = marked.parse(readFileSync('docs/privacy.md', 'utf8'), { async: false });

describe('the privacy page and docs/privacy.md', () => {
  it('when both are read, then docs/privacy.md says exactly what the English page says, in the same order', () => {
    expect(blocks(DOC)).toEqual(pageBlocks(privacyPage('en')));
  });

  it('when the Spanish page is read, then it has the same blocks as the English one, all of them translated', () => {
    const en = pageBlocks(privacyPage('en'));
    const es = pageBlocks(privacyPage('es'));
    expect(es).toHaveLength(en.length);
    // Only the page's address and code names may read the same in both languages.
    expect(es.filter((block, i) => block === en[i])).toEqual([]);
  });

  it('when the doc changes a sentence, then the comparison finds it (the check can fail)', () => {
    const changed = readFileSync('docs/privacy.md', 'utf8').replace('8 hours', '12 hours');
    expect(blocks(marked.parse(changed, { async: false }))).not.toEqual(pageBlocks(privacyPage('en')));
  });
});
