import { z } from 'zod';

/**
 * What the page reader recognised on a Canvas or Schoology page: the course and the page's own title (the browser
 * tab's title on these pages is "Page: Course" on Canvas and "Page | Schoology" on Schoology). Detection runs in the
 * page (`read-selection.ts`); this module holds the shape, its validation and what the extension does with it.
 */
export const LmsPageSchema = z.object({
  kind: z.enum(['canvas', 'schoology']),
  course: z.string().max(200),
  pageTitle: z.string().max(200),
});
export type LmsPage = z.infer<typeof LmsPageSchema>;
export type LmsKind = LmsPage['kind'];

/** `lms` as it arrives from another context (a stored draft, the background's answer): valid, or nothing. */
export function parseLms(value: unknown): LmsPage | null {
  const parsed = LmsPageSchema.safeParse(value);
  return parsed.success && (parsed.data.pageTitle || parsed.data.course) ? parsed.data : null;
}

/** The clip's source title on an LMS page: "Page title — Course name" (either alone when the other is unknown). */
export function lmsSourceTitle(lms: LmsPage): string {
  const parts = [lms.pageTitle, lms.course].filter(Boolean);
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.join(' — ').slice(0, 200);
}

/**
 * Where each LMS keeps the teacher's own content, most specific first. Canvas: the wiki page body
 * (`.show-content.user_content` inside `#content`, the layout's `role="main"` column). Schoology: the page or
 * material body inside the centre column (`#main-inner`, under `#center-top`, which only holds the title,
 * breadcrumb and buttons).
 */
const CONTENT: Record<LmsKind, string[]> = {
  canvas: [
    '#content .show-content',
    '#wiki_page_show',
    '#content .user_content',
    '#content',
    '#not_right_side',
    '[role="main"]',
  ],
  schoology: [
    '.s-page-content-full',
    '.s-page-summary',
    '#main-inner .info-container',
    '#content-wrapper .info-container',
    '.info-body',
    '.user-generated-content',
    '#main-inner',
    '#center',
    '#main-content-wrapper',
  ],
};

/** LMS chrome that must not reach an excerpt even when it sits inside the content column. */
const CHROME = [
  // Canvas: global and course navigation, breadcrumbs, the page's toolbar, module next/previous footer.
  '#header',
  '.ic-app-header',
  '#left-side',
  '#section-tabs',
  '#breadcrumbs',
  '.ic-app-nav-toggle-and-crumbs',
  '#right-side-wrapper',
  '.header-bar-outer-container',
  '.page-toolbar',
  '#sequence_footer',
  '.module-sequence-footer',
  // The page title is captured on its own; in the excerpt it would only repeat the clip's title.
  'h1.page-title',
  // Schoology: sidebars, breadcrumbs, the title bar's buttons.
  '#sidebar-left',
  '#left-nav',
  '#right-column',
  '.breadcrumb',
  '.breadcrumbs',
  '.content-top-upper',
  '.action-links',
  // Both.
  'nav',
  '[role="navigation"]',
  'footer',
];

/**
 * The main content of an LMS page as a document of its own, for Readability: the first content element found
 * (see CONTENT), without chrome. Undefined when none is found, so the caller reads the whole page as before.
 */
export function lmsContentDocument(doc: Document, kind: LmsKind): Document | undefined {
  const root = CONTENT[kind].map((s) => doc.querySelector(s)).find((e) => e !== null);
  if (!root) return undefined;
  const content = doc.implementation.createHTMLDocument(doc.title);
  const article = content.createElement('article');
  article.append(content.importNode(root, true));
  for (const el of article.querySelectorAll(CHROME.join(', '))) el.remove();
  content.body.append(article);
  return content;
}
