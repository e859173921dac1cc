import sanitizeHtml from 'sanitize-html';
import { EXCERPT_TAGS } from '../../../shared/excerpt';

/**
 * The allow-list for clipped excerpts: text structure and links, nothing that runs, loads or tracks (no scripts,
 * styles, images, iframes, forms, event handlers). Images are left out on purpose: a classroom page can show
 * students. Links open safely in a new tab.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: EXCERPT_TAGS,
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    // A link keeps its text; only http(s) and mailto links stay links.
    a: (_tag, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      return /^(https?:|mailto:)/i.test(href)
        ? { tagName: 'a', attribs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' } }
        : { tagName: 'span', attribs: {} as sanitizeHtml.Attributes };
    },
  },
};

export function sanitizeExcerpt(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
