import { describe, expect, it } from 'vitest';
import { someoneWhoLeft } from '../../../lti-server/src/domain/actor';
import { translator } from '../../../shared/i18n';

describe('the name said for someone who left', () => {
  it('when asked in each language, in any order and again, then each gets its own catalogue’s words', () => {
    const english = translator('en')('rounds.someone-who-left');
    const spanish = translator('es')('rounds.someone-who-left');
    expect(spanish).not.toBe(english);
    for (const language of ['es', 'en', 'es', undefined, 'en'] as const)
      expect(someoneWhoLeft({ language })).toBe(language === 'es' ? spanish : english);
  });
});
