import { describe, expect, it } from 'vitest';
import { train } from '../../../scripts/train-note-model';
import { NOTE_MODEL } from '../../../shared/note-model';

describe('the note linter model', () => {
  // Training is deterministic: a hand edit to the weights, or a change to the features, the rules or the corpus
  // without retraining (`npx tsx scripts/train-note-model.ts`), fails here.
  it('when the training script is run again, then it produces the model the linter ships', () => {
    expect(train()).toEqual(NOTE_MODEL);
  }, 120_000);
});
