import { afterEach, describe, expect, it } from 'vitest';
import { readSelection } from '../../../extension/lib/read-selection';
import { openPage, selectContents } from './fixtures/load-page';

describe('reading the selection in the page', () => {
  it('when steps under a heading are selected, then the text and the nearest heading above come back', () => {
    document.body.innerHTML = `<h2>Think–Pair–Share</h2><p>Intro</p><h3>Steps</h3><ol><li id="a">Think alone</li><li>Pair up</li></ol>`;
    selectContents('a');
    expect(readSelection()).toEqual({
      text: 'Think alone',
      heading: 'Steps',
      html: '',
      selectionHtml: 'Think alone',
      lms: null,
    });
  });

  it('when nothing is selected, then the page itself comes back for Readability', () => {
    window.getSelection()!.removeAllRanges();
    const reading = readSelection();
    expect(reading).toMatchObject({ text: '', heading: '' });
    expect(reading.html).toContain('<li id="a">Think alone</li>');
  });

  it('when items of a numbered list are selected, then the selection HTML keeps them a numbered list', () => {
    document.body.innerHTML = `<h3>Steps</h3><ol id="steps"><li>Think alone</li><li>Pair up</li><li>Share</li></ol>`;
    selectContents('steps');
    expect(readSelection().selectionHtml).toBe('<ol><li>Think alone</li><li>Pair up</li><li>Share</li></ol>');
  });
});

describe('recognising Canvas and Schoology pages', () => {
  afterEach(() => {
    document.title = '';
    document.body.className = '';
    document.body.innerHTML = '';
  });

  it('when the page is a Canvas wiki page, then the course name and the page title are read', () => {
    openPage('canvas-wiki-page.html', 'https://canvas.lincoln-high.org/courses/4821/pages/think-pair-share');
    expect(readSelection().lms).toEqual({
      kind: 'canvas',
      // The course's full name from the tab title ("Page: Course"), not the breadcrumb's short code.
      course: 'Biology 9 (Period 3)',
      pageTitle: 'Think–Pair–Share',
    });
  });

  it('when a Canvas tab title does not follow "Page: Course", then the breadcrumb names the course', () => {
    openPage('canvas-wiki-page.html', 'https://lincoln.instructure.com/courses/4821/pages/think-pair-share');
    document.title = 'Think–Pair–Share';
    expect(readSelection().lms).toEqual({ kind: 'canvas', course: 'BIO9-P3', pageTitle: 'Think–Pair–Share' });
  });

  it('when a step inside a Canvas page is selected, then it still gets its nearest heading, not the course menu', () => {
    openPage('canvas-wiki-page.html', 'https://canvas.lincoln-high.org/courses/4821/pages/think-pair-share');
    selectContents('step-think');
    const reading = readSelection();
    expect(reading.text).toBe(
      'Think: pose the question and give everyone one silent minute to write an answer.',
    );
    expect(reading.heading).toBe('How it works');
    expect(reading.html).toBe('');
    expect(reading.lms).toMatchObject({ kind: 'canvas', pageTitle: 'Think–Pair–Share' });
  });

  it('when the page is a Schoology page in a course, then the course name and the page title are read', () => {
    openPage('schoology-page.html', 'https://lincoln.schoology.com/page/98765432');
    expect(readSelection().lms).toEqual({
      kind: 'schoology',
      course: 'English 10: Period 2',
      pageTitle: "Exit Tickets That Drive Tomorrow's Lesson",
    });
  });

  it('when a Schoology page has no breadcrumb, then the sidebar names the course', () => {
    openPage('schoology-page.html', 'https://lincoln.schoology.com/page/98765432');
    document.querySelector('.breadcrumb')!.remove();
    expect(readSelection().lms).toMatchObject({ kind: 'schoology', course: 'English 10: Period 2' });
  });

  it('when the page is an ordinary blog post, then no LMS is recognised', () => {
    openPage('blog-post.html', 'https://teaching.example.org/2026/cold-call');
    expect(readSelection().lms).toBeNull();
  });

  it('when a page borrows one Canvas-like id but nothing else, then it is not taken for Canvas', () => {
    openPage('blog-post.html', 'https://teaching.example.org/notes');
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<nav id="breadcrumbs"><a href="/courses/12">My courses</a></nav>',
    );
    expect(readSelection().lms).toBeNull();
  });
});

describe('the reader as the browser injects it', () => {
  it('when the function is serialised and run on its own, then it still recognises the page', () => {
    // scripting.executeScript sends the function's source text into the page: nothing from this module's scope
    // goes with it.
    openPage('schoology-page.html', 'https://lincoln.schoology.com/page/98765432');
    const injected = new Function(`return (${readSelection.toString()})();`) as () => ReturnType<
      typeof readSelection
    >;
    expect(injected().lms).toMatchObject({ kind: 'schoology', course: 'English 10: Period 2' });
  });
});
