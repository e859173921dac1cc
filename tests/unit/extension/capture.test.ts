import { describe, expect, it } from 'vitest';
import {
  clipPageQuery,
  draftFrom,
  MAX_SELECTION,
  readDraft,
  sourceTitleOf,
  stepsFrom,
  suggestClip,
  titleFrom,
} from '../../../extension/lib/capture';
import { lmsSourceTitle } from '../../../extension/lib/lms';

const canvas = { kind: 'canvas' as const, course: 'Biology 9 (Period 3)', pageTitle: 'Think–Pair–Share' };

describe('capturing a clip', () => {
  it('when a selection is clipped, then the draft carries it with the page and survives the trip through the URL', () => {
    const draft = draftFrom(
      { selectionText: '  Think\n1. Pair\n2) Share  ' },
      { title: 'Course page', url: 'https://lms/x' },
    );
    expect(readDraft(`?${clipPageQuery(draft)}`)).toEqual(draft);
    expect(stepsFrom(draft.text)).toEqual(['Pair', 'Share']);
    expect(suggestClip(draft)).toEqual({ title: 'Think', steps: ['Pair', 'Share'] });
  });

  it('when a link is clipped, then the link is the source', () => {
    expect(draftFrom({ linkUrl: 'https://blog/post' }, { url: 'https://lms/x' }).pageUrl).toBe(
      'https://blog/post',
    );
  });

  it('when the page is a Canvas page, then the source title is "Page title — Course name" and survives the URL trip', () => {
    const draft = draftFrom(
      {},
      {
        title: 'Think–Pair–Share: Biology 9 (Period 3)',
        url: 'https://canvas.school.org/courses/1/pages/tps',
      },
      { text: 'Think alone', heading: 'How it works', lms: canvas },
    );
    expect(draft.pageTitle).toBe('Think–Pair–Share — Biology 9 (Period 3)');
    expect(draft.lms).toEqual(canvas);
    expect(readDraft(`?${clipPageQuery(draft)}`)).toEqual(draft);
    expect(sourceTitleOf(draft)).toBe('Think–Pair–Share — Biology 9 (Period 3)');
  });

  it('when a link on an LMS page is clipped, then the LMS page does not name the link', () => {
    const draft = draftFrom(
      { linkUrl: 'https://blog.example.org/post' },
      { title: 'Think–Pair–Share: Biology 9 (Period 3)' },
      { text: '', heading: '', lms: canvas },
    );
    expect(draft.lms).toBeUndefined();
    expect(draft.pageTitle).toBe('Think–Pair–Share: Biology 9 (Period 3)');
  });

  it('when the page reading carries a malformed lms, then it is ignored', () => {
    const page = { text: 'x', heading: '', lms: { kind: 'moodle', course: 'A', pageTitle: 'B' } };
    const draft = draftFrom({}, { title: 'Tab' }, page as unknown as Parameters<typeof draftFrom>[2]);
    expect(draft.lms).toBeUndefined();
    expect(draft.pageTitle).toBe('Tab');
  });

  it('when the page title and the course are the same (a course home page), then the source title says it once', () => {
    expect(
      lmsSourceTitle({
        kind: 'schoology',
        course: 'English 10: Period 2',
        pageTitle: 'English 10: Period 2',
      }),
    ).toBe('English 10: Period 2');
    expect(lmsSourceTitle({ kind: 'canvas', course: '', pageTitle: 'Syllabus' })).toBe('Syllabus');
  });

  it('when the selection is very long, then it is trimmed and says so', () => {
    const draft = draftFrom({ selectionText: 'x'.repeat(MAX_SELECTION + 10) }, {});
    expect(draft.text).toHaveLength(MAX_SELECTION);
    expect(draft.trimmed).toBe(true);
  });
});

describe('guessing the title', () => {
  const draft = (text: string, heading = '', pageTitle = 'Course page') => ({
    text,
    heading,
    pageTitle,
    pageUrl: '',
    trimmed: false,
  });

  it('when the selection starts with a short line above more text, then that line is the title', () => {
    expect(
      titleFrom(draft('Cold call with wait time\nAsk, wait five seconds, then call a name.', 'Steps')),
    ).toBe('Cold call with wait time');
  });

  it('when the selection is one paragraph, then the heading above it is the title unless it is generic', () => {
    expect(titleFrom(draft('Ask, wait five seconds, then call a name.', 'Cold call'))).toBe('Cold call');
    expect(titleFrom(draft('x'.repeat(200), 'Steps'))).toBe('Course page');
  });

  it('when the heading is generic on an LMS page, then the LMS page title is the title, not the tab title', () => {
    const onCanvas = {
      ...draft('x'.repeat(200), 'Steps', 'Think–Pair–Share — Biology 9 (Period 3)'),
      lms: canvas,
    };
    expect(titleFrom(onCanvas)).toBe('Think–Pair–Share');
    // A heading that names the strategy still wins.
    expect(titleFrom({ ...onCanvas, heading: 'Cold call' })).toBe('Cold call');
  });
});
