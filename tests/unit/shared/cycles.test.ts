import { describe, expect, it } from 'vitest';
import { CycleInputSchema, nextRoundFocus, ProblemVoteInputSchema } from '../../../shared/cycles';

describe('the next round of a cycle starts from the last debrief', () => {
  it('when the next level of work has several sentences, then the first is the focus and the whole is the look-for', () => {
    expect(nextRoundFocus('Every student explains one step aloud. Partners ask one question back.')).toEqual({
      focus: 'Every student explains one step aloud.',
      lookFor: 'Every student explains one step aloud. Partners ask one question back.',
    });
  });

  it('when it is one sentence, then it is the focus and there is no separate look-for', () => {
    expect(nextRoundFocus('  Students   ask each other why?  ')).toEqual({
      focus: 'Students ask each other why?',
      lookFor: null,
    });
    expect(nextRoundFocus('No full stop here')).toEqual({ focus: 'No full stop here', lookFor: null });
  });

  it('when it is longer than a focus may be, then both are clipped to 300 characters with an ellipsis', () => {
    const long = `${'Students compare two strategies for the same problem and say which is faster '.repeat(5)}. Then more.`;
    const next = nextRoundFocus(long);
    expect(next.focus).toHaveLength(300);
    expect(next.focus.endsWith('…')).toBe(true);
    expect(next.lookFor).toHaveLength(300);
  });
});

describe('cycle and vote requests', () => {
  it('when a cycle starts with fewer than three volunteers or a person twice, then it is refused', () => {
    expect(CycleInputSchema.safeParse({ problemId: 'p', memberIds: ['a', 'b'] }).success).toBe(false);
    expect(CycleInputSchema.safeParse({ problemId: 'p', memberIds: ['a', 'b', 'b'] }).success).toBe(false);
    expect(CycleInputSchema.parse({ problemId: 'p', memberIds: ['a', 'b', 'c'] })).toEqual({
      problemId: 'p',
      title: null,
      memberIds: ['a', 'b', 'c'],
      strategyIds: [],
    });
  });

  it('when a vote is anything but for or against, then it is refused', () => {
    expect(ProblemVoteInputSchema.safeParse({ choice: 'maybe' }).success).toBe(false);
    expect(ProblemVoteInputSchema.parse({ choice: 'against' })).toEqual({ choice: 'against' });
  });
});
