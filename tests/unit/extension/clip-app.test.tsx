import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipApp } from '../../../extension/entrypoints/clip/clip-app';
import { draftFrom } from '../../../extension/lib/capture';
import { readSelection } from '../../../extension/lib/read-selection';
import { formDraft } from '../../../extension/lib/readable';
import type { Clip } from '../../../shared/messages';
import { openPage, selectContents } from './fixtures/load-page';

/** What the background does with a tab: read it, then build the draft from the reading and the tab. */
function capture() {
  const reading = readSelection();
  const draft = draftFrom({}, { title: document.title, url: location.href }, reading);
  return formDraft({ ...draft, ...(draft.text === '' ? { html: reading.html } : {}) });
}

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
