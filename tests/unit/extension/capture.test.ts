import { describe, expect, it } from 'vitest';
import {
  clipPageQuery,
  draftFrom,
  MAX_SELECTION,
  readDraft,
  stepsFrom,
  titleFrom,
} from '../../../extension/lib/capture';

describe('capturing a clip', () => {
  it('when a selection is clipped, then the draft carries it with the page and survives the trip through the URL', () => {
    const draft = draftFrom(
      { selectionText: '  Think\n1. Pair\n- Share  ' },
      { title: 'Course page', url: 'https://lms/x' },
    );
    expect(readDraft(`?${clipPageQuery(draft)}`)).toEqual(draft);
    expect(stepsFrom(draft.text)).toEqual(['Think', 'Pair', 'Share']);
  });

  it('when a link is clipped, then the link is the source', () => {
    expect(draftFrom({ linkUrl: 'https://blog/post' }, { url: 'https://lms/x' }).pageUrl).toBe(
      'https://blog/post',
    );
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
});
