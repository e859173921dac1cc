import { describe, expect, it } from 'vitest';
import { StrategyInputSchema, strategyFromForm } from '../../../shared/strategy';

describe('strategyFromForm', () => {
  it('when a form is filled in, then steps come one per line and tags split on commas, blanks dropped', () => {
    const input = strategyFromForm({
      title: 'T',
      purpose: 'P',
      steps: ' Think \n\n Pair\nShare ',
      minutes: '8',
      subject: 'Math',
      gradeBand: '6-8',
      tags: 'discussion, , Math Talk',
    });
    expect(input).toEqual({
      title: 'T',
      purpose: 'P',
      steps: ['Think', 'Pair', 'Share'],
      minutes: 8,
      subject: 'Math',
      gradeBand: '6-8',
      tags: ['discussion', 'Math Talk'],
    });
    expect(StrategyInputSchema.parse(input).tags).toEqual(['discussion', 'math talk']);
  });

  it('when minutes are not a number, then validation names the field', () => {
    const result = StrategyInputSchema.safeParse(
      strategyFromForm({
        title: 'T',
        purpose: 'P',
        steps: 'a',
        minutes: 'ten',
        subject: 'S',
        gradeBand: 'Any',
        tags: '',
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['minutes']);
  });
});
