import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areSimilar,
  type Comparable,
  SIMILAR_AT,
  strategySimilarity,
  trigrams,
} from '../../../shared/strategy-similarity';

const s = (title: string, steps: string[] = []): Comparable => ({ title, steps });

const strategyArb = fc.record({
  title: fc.string({ maxLength: 60 }),
  steps: fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
});
/** Titles built from a small vocabulary, so that random pairs often share words. */
const wordyArb = fc.record({
  title: fc
    .array(fc.constantFrom('think', 'pair', 'share', 'exit', 'ticket', 'cold', 'call', 'Thnik', 'wait'), {
      maxLength: 5,
    })
    .map((w) => w.join(' ')),
  steps: fc.array(fc.constantFrom('Pose a question', 'Think alone', 'Share with a partner'), {
    maxLength: 3,
  }),
});

describe('strategy similarity', () => {
  it('when two strategies are compared either way round, then the score is the same', () => {
    fc.assert(
      fc.property(fc.oneof(strategyArb, wordyArb), fc.oneof(strategyArb, wordyArb), (a, b) => {
        expect(strategySimilarity(a, b)).toBe(strategySimilarity(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('when a score is computed, then it lies between 0 and 1 and a strategy with a title is fully like itself', () => {
    fc.assert(
      fc.property(strategyArb, strategyArb, (a, b) => {
        const score = strategySimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        if (trigrams(a.title).size > 0) expect(strategySimilarity(a, a)).toBe(1);
      }),
    );
  });

  it('when a title has a typo, different case or punctuation, then it still matches', () => {
    expect(areSimilar(s('Think-Pair-Share'), s('Thnik pair share'))).toBe(true);
    expect(areSimilar(s('Cold call with wait time'), s('Cold-call, with wait time!'))).toBe(true);
    expect(strategySimilarity(s('Exit Ticket'), s('exit ticket'))).toBe(1);
  });

  it('when strategies are unrelated, then they do not match', () => {
    expect(areSimilar(s('Think-Pair-Share'), s('Exit ticket traffic light'))).toBe(false);
    expect(areSimilar(s('Whiteboard retrieval practice'), s('Two-minute stretch'))).toBe(false);
    expect(strategySimilarity(s('Think-Pair-Share'), s('Exit ticket traffic light'))).toBeLessThan(0.1);
  });

  it('when a strategy is retitled but keeps its steps, then it still matches; other steps do not make a match', () => {
    const steps = ['Project a data card', 'Think for two minutes', 'Pair for four minutes', 'Share'];
    expect(areSimilar(s('Data card talk', steps), s('Evidence warm-up', steps))).toBe(true);
    expect(
      areSimilar(s('Data card talk', steps), s('Evidence warm-up', ['Stand up', 'Stretch your arms'])),
    ).toBe(false);
  });

  it('when one strategy has no steps, then the titles alone decide', () => {
    expect(strategySimilarity(s('Think pair share', ['Think', 'Pair']), s('Think pair share'))).toBe(1);
    expect(SIMILAR_AT).toBeGreaterThan(0);
  });

  it('when a title is empty or only punctuation, then nothing is similar to it by title', () => {
    expect(strategySimilarity(s('—!'), s('—!'))).toBe(0);
  });
});
