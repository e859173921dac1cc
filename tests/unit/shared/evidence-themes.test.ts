import { describe, expect, it } from 'vitest';
import { themesOf } from '../../../shared/evidence-themes';
import { shareWord } from '../../../shared/notes';

describe('evidence themes', () => {
  it('when a note describes partner talk about data, then it shows talk, collaboration and evidence themes', () => {
    expect(themesOf('Students turned to a partner and each explained one step using the data card.')).toEqual(
      ['student-talk', 'collaboration', 'evidence-use', 'routines'],
    );
  });

  it('when a note describes wait time, then it shows the thinking-time theme and nothing about talk', () => {
    const themes = themesOf('The teacher waited about five seconds before calling on anyone.');
    expect(themes).toContain('thinking-time');
    expect(themes).not.toContain('student-talk');
  });

  it('when words only contain a theme word inside another word, then they do not count', () => {
    expect(themesOf('A pairing of colours on the wall; the standard.')).toEqual([]);
  });
});

describe('shares in words', () => {
  it('when shares cross 25, 50 and 75 percent, then the words move from few to most', () => {
    expect(shareWord(0, 4)).toBe('few');
    expect(shareWord(1, 5)).toBe('few');
    expect(shareWord(1, 4)).toBe('some');
    expect(shareWord(2, 4)).toBe('many');
    expect(shareWord(3, 4)).toBe('most');
    expect(shareWord(4, 4)).toBe('most');
    expect(shareWord(0, 0)).toBe('few');
  });
});
