// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify sanitizes for real there, and its Range clones a selection's first element whole.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipApp } from '../../../extension/entrypoints/clip/clip-app';
import type { FormDraft } from '../../../extension/lib/capture';
import type { Clip } from '../../../shared/messages';
import { MAX_STEP } from '../../../shared/strategy';
import { captureTab, fixture, openPage, selectAcross, selectContents } from './fixtures/load-page';

/**
 * Five pages a teacher clips from, each written as the site serves it (tests/unit/extension/fixtures/clip-*.html):
 * the form's title and steps follow the source's headings, lists and sentences, nothing is cut, and the excerpt
 * keeps the full text clipped, sanitized, without the page's ads, menus and comments.
 */

/** Renders the clip form for a captured draft, fills in what a page cannot know, saves; returns form and clip. */
async function clipWith(draft: FormDraft) {
  document.body.innerHTML = '';
  const save = vi.fn(async (_clip: Clip) => ({ clientId: 'c1', sync: { sent: 0, failed: 0, pending: 1 } }));
  render(<ClipApp draft={draft} save={save} />);
  const title = (screen.getByLabelText('Title') as HTMLInputElement).value;
  const steps = (screen.getByLabelText('Steps') as HTMLTextAreaElement).value.split('\n');
  fireEvent.input(screen.getByLabelText('What it is for'), { target: { value: 'Everyone retrieves.' } });
  fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Any' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save clip' }));
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
  return { title, steps, clip: save.mock.calls[0]![0] };
}

/** The page's text as a reader sees it (white space collapsed), to compare with the excerpt's. */
const textOf = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return (box.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.title = '';
  document.body.className = '';
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
});

describe('clipping from a teacher blog with ads, a menu and comments', () => {
  const url = 'https://alvarez-science.example.org/2026/01/whiteboard-retrieval/';

  it('when nothing is selected, then the post title is the title, its numbered list the steps, and the excerpt the post without ads or comments', async () => {
    openPage('clip-teacher-blog.html', url);
    const paragraph = squash(document.getElementById('silent-count-text')!.textContent!);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Whiteboard Retrieval Warm-Up');
    // The "How to run it" list, not the "What you need" list, the share buttons or the comment list.
    expect(steps).toEqual([
      'As students come in, they pick up a board and answer the five questions on their own, in silence.',
      'After four minutes, say “Boards up” and everyone holds up their answer to question one at the same time.',
      'Scan the room, name what you see (“most of you have osmosis, a few have diffusion”) and reveal the answer.',
      'Repeat for the other four questions, then note the one most students missed; it comes back next week.',
    ]);
    expect(clip.sourceUrl).toBe(url);
    const excerpt = textOf(clip.excerptHtml!);
    expect(excerpt).toContain('A mini whiteboard, a marker and an eraser');
    expect(excerpt).toContain(paragraph);
    for (const noise of [
      'Advertisement',
      'Classroom timers',
      'Trying this tomorrow',
      'Leave a Reply',
      'Recent Posts',
    ])
      expect(excerpt).not.toContain(noise);
    expect(clip.excerptHtml).not.toMatch(/<script|class=|data-ad/);
  });

  it('when a heading and its 593-character paragraph are selected, then the heading is the title and the paragraph becomes whole sentences, none cut', async () => {
    openPage('clip-teacher-blog.html', url);
    const paragraph = document.getElementById('silent-count-text')!;
    expect(paragraph.textContent).toHaveLength(593);
    const text = paragraph.textContent!;
    const html = paragraph.innerHTML;
    selectAcross(document.getElementById('silent-count')!, paragraph);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('The silent-count reveal');
    expect(steps).toEqual([
      'The part of the routine that changed my classroom most is how the answers are revealed, because a reveal that rewards the quickest hand quietly tells everyone else that they can wait for the answer.',
      'I count down from three without speaking, holding up fingers, and every board goes up on zero, so nobody can copy a neighbour and nobody is first.',
      "When the boards are up I read them aloud as a group, never naming anyone, and I ask which idea changed someone's mind since last week.",
      'Students who got it wrong see that they are not alone, and I see at a glance which idea to teach again tomorrow.',
    ]);
    expect(steps.join(' ')).toBe(text);
    for (const step of steps) expect(step.length).toBeLessThanOrEqual(MAX_STEP);
    // The excerpt is the selection itself, sanitized: the heading and the whole paragraph.
    expect(clip.excerptHtml).toBe(`<h2>The silent-count reveal</h2>\n          <p>${html}</p>`);
  });
});

describe('clipping from a Canvas page written in the Rich Content Editor', () => {
  const url = 'https://canvas.lincoln-high.org/courses/5530/pages/jigsaw-reading-groups';

  it('when the "How it works" heading and its list are selected, then the page title is the title and the list items the steps', async () => {
    openPage('clip-canvas-page.html', url);
    selectContents('jigsaw-steps');
    const { title, steps, clip } = await clipWith(captureTab());

    // "How it works" is generic: the Canvas page's own title, not the tab's "Page: Course".
    expect(title).toBe('Jigsaw Reading Groups');
    expect(steps).toEqual([
      'Expert groups (12 minutes): students with the same color read their section together and agree on three points a classmate must know.',
      'Home groups (15 minutes): one student of each color sits together, and each teaches their three points in turn while the others take notes.',
      'Check (5 minutes): every home group answers one question that needs all four sections.',
    ]);
    expect(clip.sourceTitle).toBe('Jigsaw Reading Groups — English 9 Honors');
    expect(clip.excerptHtml).toMatch(
      /^<h3><span>How it works<\/span><\/h3>\s*<ol>\s*<li><span>Expert groups/,
    );
    expect(clip.excerptHtml).not.toContain('style=');
  });

  it('when nothing is selected, then the excerpt is the page body without Canvas navigation, and the steps are still the list', async () => {
    openPage('clip-canvas-page.html', url);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Jigsaw Reading Groups');
    expect(steps).toHaveLength(3);
    const excerpt = textOf(clip.excerptHtml!);
    expect(excerpt).toContain('Split the chapter into four sections');
    expect(excerpt).toContain('give the weakest readers the shortest section');
    for (const chrome of ['ENG9H', 'Announcements', 'View All Pages', 'Previous', 'Inbox'])
      expect(excerpt).not.toContain(chrome);
  });
});

describe('clipping from a Schoology page', () => {
  it('when nothing is selected, then the page title is the title, the bullets under the bold "Steps" line are the steps, and the sidebars stay out', async () => {
    openPage('clip-schoology-page.html', 'https://lincoln.schoology.com/page/41220987');
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Four-Minute Peer Feedback');
    expect(steps).toEqual([
      'Partners swap sketchbooks and look at the work in silence for one minute.',
      'Each partner names one thing they notice, starting with “I see…”.',
      'Each partner asks one question, starting with “I wonder…”.',
      'The artist writes down one change to try before the end of the period.',
    ]);
    expect(clip.sourceTitle).toBe('Four-Minute Peer Feedback — Art 2: Period 5');
    const excerpt = textOf(clip.excerptHtml!);
    expect(excerpt).toContain('Halfway through a studio period');
    expect(excerpt).toContain('Students who finish early can repeat it with a second partner.');
    for (const chrome of ['Materials', 'Badges', 'Studio routines', 'Upcoming', 'Portfolio review'])
      expect(excerpt).not.toContain(chrome);
  });
});

describe('clipping from a Google Doc published to the web', () => {
  const url = 'https://docs.google.com/document/d/e/2PACX-1vQ/pub';

  it('when the document body is selected, then its title line is the title and its numbered list, split in two by Google Docs, gives all the steps', async () => {
    openPage('clip-google-doc.html', url);
    const body = document.querySelector('.doc-content')!;
    selectAcross(body.firstElementChild!, body.lastElementChild!);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Four Corners Debate');
    // Both <ol>s of the "Steps" list (the second starts at 3), not the "Variations" bullets; bold spans read as text.
    expect(steps).toEqual([
      'Label the corners Strongly agree, Agree, Disagree and Strongly disagree.',
      'Read the statement aloud and give everyone one minute to decide in silence.',
      'Students walk to their corner and agree on their two best reasons, each backed by a line from the text.',
      'Each corner shares; anyone who is persuaded may move, and says what moved them.',
    ]);
    expect(textOf(clip.excerptHtml!)).toBe(textOf(body.innerHTML));
    expect(clip.excerptHtml).not.toMatch(/class=|style=|id=|start=/);
  });

  it('when nothing is selected, then the document is read without the "Published using Google Docs" banner', async () => {
    openPage('clip-google-doc.html', url);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Four Corners Debate');
    expect(steps).toHaveLength(4);
    const excerpt = textOf(clip.excerptHtml!);
    expect(excerpt).toContain('Have students write their reason on a sticky note');
    for (const chrome of ['Published using Google Docs', 'Report abuse', 'Updated automatically'])
      expect(excerpt).not.toContain(chrome);
  });
});

describe('clipping from a PDF shown as text', () => {
  it('when the page is selected, then hard line breaks and hyphenation are undone in the steps, and the excerpt keeps every line', async () => {
    openPage('clip-pdf-text.html', 'https://district.example.org/guides/brain-dump-retrieval.html');
    // From the first line of page 1 to the last line before its footer.
    const start = document.querySelector('a[name="1"]')!.nextSibling!;
    const footer = document.getElementById('page-1-end')!;
    selectAcross(start, footer.previousSibling!);
    const { title, steps, clip } = await clipWith(captureTab());

    expect(title).toBe('Brain Dump Retrieval');
    expect(steps).toEqual([
      'Name the topic and set a timer for three minutes. Students write everything they remember, in words, lists or sketches.',
      'Partners compare their pages for two minutes and add, in a different color, anything they had forgotten.',
      'Students open their notes and add what both of them missed in a third color.',
      'Collect a show of hands for each color; the third color tells you what to review on Friday.',
    ]);
    // The excerpt is the source as it was: its line breaks and its hyphens.
    const lines = fixture('clip-pdf-text.html')
      .split('\n')
      .filter((l) => l.endsWith('<br/>') && !l.includes('Page 1 of 1'))
      .map((l) =>
        l
          .replace(/<[^>]+>/g, '')
          .replaceAll('&#160;', ' ')
          .replaceAll('&amp;', '&')
          .trim(),
      )
      .filter(Boolean);
    expect(lines).toHaveLength(15);
    const excerpt = clip.excerptHtml!.replaceAll('&nbsp;', ' ').replaceAll('&amp;', '&');
    for (const line of lines) expect(excerpt).toContain(line);
    expect(excerpt).toMatch(/before the teacher re-<br>\s*views it\./);
    expect(excerpt).not.toContain('Page 1 of 1');
  });
});
