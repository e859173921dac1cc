import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipApp } from '../../../extension/entrypoints/clip/clip-app';
import type { Clip } from '../../../shared/messages';
import { captureTab as capture, openPage, selectContents } from './fixtures/load-page';

/** Fills in what the page cannot know and saves; returns the clip the form handed to the outbox. */
async function saveClip() {
  const save = vi.fn(async (_clip: Clip) => ({ clientId: 'c1', sync: { sent: 0, failed: 0, pending: 1 } }));
  return {
    save,
    submit: async () => {
      fireEvent.input(screen.getByLabelText('What it is for'), {
        target: { value: 'Every student rehearses.' },
      });
      fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Science' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save clip' }));
      await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
      return save.mock.calls[0]![0];
    },
  };
}

describe('clipping from Canvas and Schoology pages', () => {
  afterEach(() => {
    document.title = '';
    document.body.className = '';
    document.body.innerHTML = '';
  });

  it('when a paragraph under a generic heading on a Canvas page is clipped, then the source and the title come from the LMS page, not the tab', async () => {
    openPage('canvas-wiki-page.html', 'https://canvas.lincoln-high.org/courses/4821/pages/think-pair-share');
    selectContents('rehearsal');
    const draft = capture();
    document.body.innerHTML = '';
    const { save, submit } = await saveClip();
    render(<ClipApp draft={draft} save={save} />);

    // "How it works" is generic and the paragraph too long for a title: the LMS page title, not "Page: Course".
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Think–Pair–Share');
    expect(screen.getByText('From: Think–Pair–Share — Biology 9 (Period 3)')).toBeTruthy();
    const clip = await submit();
    expect(clip).toMatchObject({
      title: 'Think–Pair–Share',
      sourceUrl: 'https://canvas.lincoln-high.org/courses/4821/pages/think-pair-share',
      sourceTitle: 'Think–Pair–Share — Biology 9 (Period 3)',
    });
    expect(clip.excerptHtml).toContain('Students who rarely speak');
  });

  it('when nothing is selected on a Schoology page, then the clip has the page title, the course and an excerpt without the sidebars', async () => {
    openPage('schoology-page.html', 'https://lincoln.schoology.com/page/98765432');
    const draft = capture();
    document.body.innerHTML = '';
    const { save, submit } = await saveClip();
    render(<ClipApp draft={draft} save={save} />);

    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(
      "Exit Tickets That Drive Tomorrow's Lesson",
    );
    const clip = await submit();
    expect(clip.sourceTitle).toBe("Exit Tickets That Drive Tomorrow's Lesson — English 10: Period 2");
    expect(clip.excerptHtml).toContain('Sort the answers into got it, almost, and not yet.');
    expect(clip.excerptHtml).not.toMatch(/Vocabulary quiz|Upcoming|Badges|Unit 1/);
  });

  it('when the page is an ordinary blog post, then the tab title stays the source title', async () => {
    openPage('blog-post.html', 'https://teaching.example.org/2026/cold-call');
    const draft = capture();
    document.body.innerHTML = '';
    render(<ClipApp draft={draft} save={vi.fn()} />);
    expect(draft.lms).toBeUndefined();
    expect(draft.pageTitle).toBe('Cold Call With Wait Time – A Teaching Blog');
    expect(screen.getByText('From: Cold Call With Wait Time – A Teaching Blog')).toBeTruthy();
  });
});

describe('limits in the clip form', () => {
  const long = `${'Students write one sentence about what they noticed, '.repeat(11).trim()}.`;
  const draft = {
    text: `Noticing walk\n${long}`,
    heading: '',
    pageTitle: 'Blog',
    pageUrl: 'https://blog.example.org/noticing',
    trimmed: false,
  };

  it('when a step is longer than a step can be, then it is kept whole, the counter shows the limit and the form says what to do', async () => {
    const save = vi.fn();
    render(<ClipApp draft={draft} save={save} />);
    const steps = screen.getByLabelText('Steps') as HTMLTextAreaElement;

    // Nothing cut: the sentence is in the field as it was selected, and the excerpt will keep it too.
    expect(steps.value).toBe(long);
    expect(long.length).toBeGreaterThan(500);
    expect(screen.getByText(`1 step of at most 20; longest ${long.length} of 500 characters`)).toBeTruthy();
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(/^Step 1 has \d+ characters; a step can have at most 500\. Split it/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save clip' }));
    await screen.findByText('Please fix the fields marked below; nothing you typed was lost.');
    expect(save).not.toHaveBeenCalled();

    // Split over two lines: the error goes as the teacher types.
    const half = long.indexOf(', ', 250) + 1;
    fireEvent.input(steps, { target: { value: `${long.slice(0, half)}\n${long.slice(half + 1)}` } });
    expect(steps.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/^Step 1 has/)).toBeNull();
  });

  it('when the title is over its limit, then the counter and the error say so while typing, and nothing is cut', () => {
    render(<ClipApp draft={draft} save={vi.fn()} />);
    const title = screen.getByLabelText('Title') as HTMLInputElement;
    expect(title.value).toBe('Noticing walk');
    expect(screen.getByText('13 of 120 characters')).toBeTruthy();
    const typed = 'A'.repeat(131);
    fireEvent.input(title, { target: { value: typed } });
    expect(title.value).toBe(typed);
    expect(title.maxLength).toBe(-1);
    expect(screen.getByText('131 of 120 characters')).toBeTruthy();
    expect(screen.getByText('The title has 131 characters; it can have at most 120.')).toBeTruthy();
  });
});
