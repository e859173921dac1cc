import { describe, expect, it } from 'vitest';
import {
  clipPageQuery,
  draftFrom,
  MAX_SELECTION,
  readDraft,
  stepsFrom,
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
