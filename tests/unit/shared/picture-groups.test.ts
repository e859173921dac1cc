import { describe, expect, it } from 'vitest';
import { themesOf } from '../../../shared/evidence-themes';
import { addThemesOf, pictureGroupsOf, visitThemes, WHOLE_SCHOOL } from '../../../shared/picture-groups';

describe('what a visit counts for in the picture', () => {
  it('when the visit has a strategy, then it counts for the whole school, the title and each tag once, in one order', () => {
    expect(pictureGroupsOf({ title: 'Turn and talk', tags: ['talk', 'pairs', 'talk'] })).toEqual([
      WHOLE_SCHOOL,
      { kind: 'strategy', label: 'Turn and talk' },
      { kind: 'tag', label: 'pairs' },
      { kind: 'tag', label: 'talk' },
    ]);
  });

  it('when the visit is a round classroom without a strategy, then it counts for the whole school only', () => {
    expect(pictureGroupsOf(null)).toEqual([WHOLE_SCHOOL]);
    expect(pictureGroupsOf({ title: null, tags: ['talk'] })).toEqual([
      WHOLE_SCHOOL,
      { kind: 'tag', label: 'talk' },
    ]);
  });

  it('when the visit was part of a round, then it also counts for that round (the picture over time), first', () => {
    expect(pictureGroupsOf({ title: 'Turn and talk', tags: [] }, 'r1')).toEqual([
      { kind: 'round', label: 'r1' },
      WHOLE_SCHOOL,
      { kind: 'strategy', label: 'Turn and talk' },
    ]);
  });

  it("when notes are added one by one, then the visit's themes are those of all its notes, in the themes' order", () => {
    const texts = [
      'Students wrote one question on a sticky note.',
      'Partners explained their graphs to each other.',
      'The teacher paused before taking answers.',
    ];
    const oneByOne = texts.reduce<string[]>((themes, text) => addThemesOf(themes, text), []);
    expect(oneByOne).toEqual(visitThemes(texts));
    expect(new Set(oneByOne)).toEqual(new Set(texts.flatMap(themesOf)));
    expect(visitThemes([])).toEqual([]);
  });
});
