/**
 * The allow-list for clipped excerpts, used by the extension (DOMPurify, before a clip is stored) and the server
 * (sanitize-html, before it is saved): text structure and links; nothing that runs, loads or tracks. No images on
 * purpose: a classroom page can show students.
 */
export const EXCERPT_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'code',
  'pre',
  'a',
  'span',
];
