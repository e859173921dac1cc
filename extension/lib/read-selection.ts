import type { LmsPage } from './lms';

export interface PageReading {
  text: string;
  heading: string;
  /** The page's HTML when nothing is selected (for Readability); empty otherwise. */
  html: string;
  /** The selection's own HTML (its headings, lists and paragraphs), unsanitized; empty when nothing is selected. */
  selectionHtml: string;
  /** Canvas or Schoology recognised: the course and the page's own title; null on any other page. */
  lms: LmsPage | null;
}

/**
 * Runs inside the page (injected with scripting.executeScript on the tab the teacher acted on): the selected text and
 * the nearest heading above it, which usually names the strategy, and on Canvas and Schoology the course and the
 * page's title. Self-contained on purpose: it is serialised into the page, so it may not use anything from this
 * module's scope (the type import above is erased).
 */
export function readSelection(): PageReading {
  const selection = window.getSelection();
  const text = selection?.toString() ?? '';
  // Without a selection the extension reads the whole page (Readability runs in the extension, not here).
  const html = text.trim() === '' ? document.documentElement.outerHTML.slice(0, 2_000_000) : '';
  // The selection as HTML keeps what toString() loses: which lines are list items, headings, paragraphs. A range
  // inside one list gives its items without the list: put it back so they still read as a (numbered) list.
  let selectionHtml = '';
  if (selection && text.trim() !== '') {
    const box = document.createElement('div');
    for (let i = 0; i < selection.rangeCount; i++) {
      const range = selection.getRangeAt(i);
      const common = range.commonAncestorContainer;
      const list = common.nodeType === 1 ? (common as Element) : null;
      const holder =
        list && (list.tagName === 'OL' || list.tagName === 'UL') ? document.createElement(list.tagName) : box;
      holder.appendChild(range.cloneContents());
      if (holder !== box) box.appendChild(holder);
    }
    selectionHtml = box.innerHTML.length <= 2_000_000 ? box.innerHTML : '';
  }

  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const textOf = (selectors: string[]) => {
    for (const s of selectors) {
      const found = squash(document.querySelector(s)?.textContent);
      if (found) return found;
    }
    return '';
  };
  /** The text of the first link in `scopes` whose address (path, no query) matches `path`. */
  const linkText = (scopes: string[], path: RegExp) => {
    for (const s of scopes) {
      for (const a of Array.from(document.querySelectorAll(`${s} a[href]`))) {
        const href = a.getAttribute('href') ?? '';
        const pathname = href.replace(/^https?:\/\/[^/]+/, '');
        if (path.test(pathname) && squash(a.textContent)) return squash(a.textContent);
      }
    }
    return '';
  };
  const cut = (s: string) => s.slice(0, 200);

  /**
   * Canvas and Schoology, from cues in their own markup; each needs two independent cues, so an ordinary page that
   * happens to use one of these ids or class names is not taken for an LMS page. Null when unsure.
   */
  function detectLms(): LmsPage | null {
    const host = location.hostname.toLowerCase();
    const path = location.pathname;
    const tabTitle = squash(document.title);
    const has = (s: string) => document.querySelector(s) !== null;

    // Canvas (instructure/canvas-lms): layouts/application.html.erb gives the body a `context-course_<id>` class,
    // `#application.ic-app`, the course menu `#left-side` > `#section-tabs`, and the breadcrumbs
    // `nav#breadcrumbs[aria-label="breadcrumbs"]` (the course crumb links to /courses/<id>). A wiki page renders
    // `h1.page-title` inside `.show-content`; the tab title is "Page title: Course name" (join_title).
    const canvasCourseCrumb = linkText(
      ['#breadcrumbs', 'nav[aria-label="breadcrumbs"]'],
      /^\/courses\/[^/?#]+\/?$/,
    );
    const canvasCues = [
      /(^|\s)context-course_\d+(\s|$)/.test(document.body?.className ?? ''),
      canvasCourseCrumb !== '',
      has('#section-tabs'),
      has('#application.ic-app, .ic-app-header'),
      /(^|\.)instructure\.com$/.test(host),
      /^\/courses\/[^/]+/.test(path),
    ].filter(Boolean).length;
    if (canvasCues >= 2) {
      let pageTitle = textOf(['#content h1.page-title', '.show-content h1.page-title', 'h1.page-title']);
      let course = '';
      if (pageTitle && tabTitle.startsWith(`${pageTitle}: `)) course = tabTitle.slice(pageTitle.length + 2);
      course ||= canvasCourseCrumb || textOf(['h1.course-title', 'h2.course-title']);
      if (!pageTitle) {
        // The last crumb is the current page (a span, not a link); else the tab title before the course name.
        const crumbs = document.querySelectorAll('#breadcrumbs li');
        const last = crumbs.length > 2 ? crumbs[crumbs.length - 1] : null;
        pageTitle = last && !last.querySelector('a') ? squash(last.textContent) : '';
        if (!pageTitle && course && tabTitle.endsWith(`: ${course}`)) {
          pageTitle = tabTitle.slice(0, -(course.length + 2));
        }
        pageTitle ||= course;
      }
      return pageTitle || course ? { kind: 'canvas', course: cut(course), pageTitle: cut(pageTitle) } : null;
    }

    // Schoology: pages live on <school>.schoology.com; the centre column `#center-top` carries the title
    // (`.page-title`, `h2.page-title`; `.s-page-title` on pages) and a link back to the course (/course/<id>, or its
    // materials) in the title bar or the breadcrumb; the course menu is `#sidebar-left`. The tab title is "Page |
    // Schoology". On a course's own pages the title is the course ("Course: Section").
    const schoologyCues = [
      /(^|\.)schoology\.com$/.test(host),
      has('#center-top'),
      has('#sidebar-left, #left-nav'),
      has('#main-content-wrapper, #main-inner'),
      /^\/(course|page|assignment|discussion|assessment|event|album|group)\/\d+/.test(path),
    ];
    if (schoologyCues.filter(Boolean).length >= 2 && (schoologyCues[0] || schoologyCues[1])) {
      const pageTitle = (
        textOf(['#center-top .page-title', '#center-top h2', 'h2.page-title', '.s-page-title']) ||
        squash(tabTitle.split(' | ')[0])
      ).replace(/\s*\d+\s+lesson plans?$/i, '');
      let course = linkText(
        ['.breadcrumb', '.breadcrumbs', 'nav[aria-label*="readcrumb"]', '#center-top'],
        /^\/course\/\d+(\/(materials|updates|profile|info)?)?\/?$/,
      );
      course ||= textOf(['#sidebar-left .course-title', '#center-top .course-title', '.course-title']);
      if (!course && /^\/course\/\d+/.test(path)) course = pageTitle;
      return pageTitle || course
        ? { kind: 'schoology', course: cut(course), pageTitle: cut(pageTitle) }
        : null;
    }
    return null;
  }

  let lms: LmsPage | null = null;
  try {
    lms = detectLms();
  } catch {
    // An unusual page must never stop the clip: it is read as an ordinary page.
  }

  // The nearest heading above the selection, leaving out the LMS's own navigation and sidebars.
  const chrome = 'nav, [role="navigation"], #header, #left-side, #section-tabs, #sidebar-left, #right-column';
  const isHeading = (e: Element) => /^H[1-4]$/.test(e.tagName) && !e.closest(chrome);
  const anchor = selection?.anchorNode ?? null;
  let el: Element | null = anchor
    ? anchor.nodeType === 1
      ? (anchor as Element)
      : anchor.parentElement
    : null;
  let heading = '';
  search: while (el) {
    if (isHeading(el)) {
      heading = el.textContent?.trim() ?? '';
      break;
    }
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHeading(prev)) {
        heading = prev.textContent?.trim() ?? '';
        break search;
      }
      const inner = Array.from(prev.querySelectorAll('h1, h2, h3, h4')).filter(isHeading);
      const last = inner[inner.length - 1];
      if (last) {
        heading = last.textContent?.trim() ?? '';
        break search;
      }
    }
    el = el.parentElement;
  }
  return { text, heading, html, selectionHtml, lms };
}
