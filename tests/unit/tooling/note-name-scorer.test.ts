import { describe, expect, it } from 'vitest';
import { train } from '../../../scripts/train-name-scorer';
import { NAME_SCORER } from '../../../shared/note-name-scorer-weights';

describe('the note linter name scorer', () => {
  // Training is deterministic: a hand edit to the weights, or a change to the features, the name rules or the corpus
  // without retraining (`npx tsx scripts/train-name-scorer.ts`), fails here.
  it('when the training script is run again, then it produces the scorer the linter ships', () => {
    expect(train()).toEqual(NAME_SCORER);
  }, 60_000);
});
