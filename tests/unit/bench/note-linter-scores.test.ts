import { describe, expect, it } from 'vitest';
import type { NoteFlag } from '../../../shared/note-linter';
import { scoreLinter } from '../../bench/note-linter';

const flag = (kind: NoteFlag['kind']): NoteFlag => ({ kind }) as NoteFlag;

/** A linter that answers from a table, so each sentence's flags are known. */
const answering = (flags: Record<string, NoteFlag[]>) => (text: string) => flags[text] ?? [];

describe('the linter bench, over all flags', () => {
  it('when a name sentence is flagged for a judgment only, then it counts as a false alarm and a miss', () => {
    const scores = scoreLinter(
      [
        { text: 'judged', label: 'evaluative' },
        { text: 'named', label: 'name' },
        { text: 'named, judged only', label: 'name' },
        { text: 'missed', label: 'evaluative' },
        { text: 'plain', label: 'descriptive' },
        { text: 'plain, flagged', label: 'descriptive' },
      ],
      answering({
        judged: [flag('evaluative')],
        named: [flag('name'), flag('inference')],
        'named, judged only': [flag('evaluative')],
        'plain, flagged': [flag('inference')],
      }),
    );
    expect(scores.all).toMatchObject({
      truePositives: 2,
      predicted: 4,
      actual: 4,
      precision: 0.5,
      recall: 0.5,
    });
    // Per kind, the judgment-only flag on a name sentence is not counted at all, and the name sentence is a miss.
    expect(scores.evaluative).toMatchObject({ truePositives: 1, predicted: 2, actual: 2 });
    expect(scores.name).toMatchObject({ truePositives: 1, predicted: 1, actual: 2 });
  });
});
