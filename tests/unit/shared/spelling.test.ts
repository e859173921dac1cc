import { describe, expect, it } from 'vitest';
import {
  correctionCandidates,
  editDistance,
  nearestEntry,
  nearestWord,
  wordsOf,
} from '../../../shared/spelling';

describe('edit distance', () => {
  it('when words differ by an insert, a delete, a substitution or two swapped neighbours, then each counts one', () => {
    expect(editDistance('think', 'think')).toBe(0);
    expect(editDistance('thnk', 'think')).toBe(1);
    expect(editDistance('thinks', 'think')).toBe(1);
    expect(editDistance('thunk', 'think')).toBe(1);
    expect(editDistance('tihnk', 'think')).toBe(1);
    expect(editDistance('sentnece', 'sentence')).toBe(1);
    expect(editDistance('frmes', 'frame')).toBe(2);
  });

  it('when words are further apart than the limit, then the answer is the limit plus one', () => {
    expect(editDistance('pair', 'gallery')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('discussion', 'dscsn', 2)).toBe(3);
  });
});

describe('nearest word', () => {
  it('when several candidates are close, then the nearest wins, and the earlier one on a tie', () => {
    expect(nearestWord('thnk', ['thank', 'think', 'thin'])).toBe('thank');
    expect(nearestWord('pairr', ['share', 'pair', 'pairs'])).toBe('pair');
    expect(nearestWord('xylophone', ['think', 'pair'])).toBeUndefined();
  });

  it('when words are cut from a text, then they are lower case letters and digits', () => {
    expect(wordsOf('Think–Pair–Share, 3 times!')).toEqual(['think', 'pair', 'share', '3', 'times']);
  });
});

describe("a school's list entry for free text", () => {
  const subjects = ['Science', 'Social studies', 'Math', 'English', 'PE'];

  it('when the text is an entry in any case, the start of one entry, or near one, then it is that entry', () => {
    expect(nearestEntry('math', subjects)).toBe('Math');
    expect(nearestEntry(' Sci ', subjects)).toBe('Science');
    expect(nearestEntry('Soc', subjects)).toBe('Social studies');
    expect(nearestEntry('Sceince', subjects)).toBe('Science');
    expect(nearestEntry('englsh', subjects)).toBe('English');
  });

  it('when the text starts several entries, is short and unknown, or is far from all, then there is none', () => {
    expect(nearestEntry('S', subjects)).toBeUndefined();
    expect(nearestEntry('Art', subjects)).toBeUndefined();
    expect(nearestEntry('Drama', subjects)).toBeUndefined();
    expect(nearestEntry('', subjects)).toBeUndefined();
  });
});

describe('correction candidates', () => {
  it('when a misspelt word is as near a function word as a content word, then the content word is suggested', () => {
    const common = ['the', 'time', 'then', 'think'];
    expect(nearestWord('tme', common)).toBe('the');
    expect(nearestWord('tme', correctionCandidates(common))).toBe('time');
    expect(correctionCandidates(['and', 'answer', 'with', 'wait'])).toEqual(['answer', 'wait']);
  });
});
