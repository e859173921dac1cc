import { afterEach, describe, expect, it } from 'vitest';
import {
  acceptLanguages,
  firstLanguage,
  resolveLanguage,
  setLanguage,
  t,
  translator,
} from '../../../shared/i18n';

afterEach(() => {
  setLanguage(['en-US']);
});

describe('choosing the interface language', () => {
  it('when the LTI locale is a Spanish variant, then the language is Spanish and its formats keep the region', () => {
    for (const tag of ['es', 'es-419', 'es-MX', 'ES_es'])
      expect(resolveLanguage([undefined, tag, 'en-US']).language).toBe('es');
    expect(resolveLanguage([null, 'es-419', 'en-US']).locale).toBe('es-419');
  });

  it('when the first tags name languages the app does not have, then the next one that it has wins, else US English', () => {
    expect(resolveLanguage(['fr-FR', 'de', 'es-AR']).language).toBe('es');
    expect(resolveLanguage(['fr-FR', 'de'])).toEqual({ language: 'en', locale: 'en-US' });
    expect(resolveLanguage([])).toEqual({ language: 'en', locale: 'en-US' });
  });

  it('when only the language is needed (every API request), then firstLanguage picks what resolveLanguage picks', () => {
    const cases: Array<Array<string | null | undefined>> = [
      [],
      [undefined, null, ''],
      ['fr-FR', 'de', 'es-AR'],
      ['fr-FR', 'de'],
      [undefined, 'ES_es', 'en-US'],
      ['en', 'es-MX'],
      ['es', 'en-US'],
      ['not a tag', 'es-419'],
      ['zz-ZZ', 'EN-gb'],
    ];
    for (const tags of cases)
      expect(firstLanguage(tags), tags.join(',')).toBe(resolveLanguage(tags).language);
    expect(firstLanguage(['fr', 'es-419', 'en'])).toBe('es');
    expect(firstLanguage(['fr'])).toBe('en');
  });

  it("when a person chose a bare language, then a later tag of that language lends its region (the person's choice still wins)", () => {
    expect(resolveLanguage(['en', 'es-MX', 'en-GB'])).toEqual({ language: 'en', locale: 'en-GB' });
    expect(resolveLanguage(['es', 'en-US', 'es-CO'])).toEqual({ language: 'es', locale: 'es-CO' });
  });

  it('when an Accept-Language header is read, then its tags come by weight, without q=0 and the wildcard', () => {
    expect(acceptLanguages('en;q=0.5, es-419, es;q=0.9, fr;q=0, *;q=0.1')).toEqual(['es-419', 'es', 'en']);
    expect(acceptLanguages(undefined)).toEqual([]);
  });

  it('when a count is given, then the plural form follows Intl.PluralRules for the language', () => {
    const es = translator('es');
    expect(es('door.soon', { count: 1 })).toBe('Empieza en 1 minuto');
    expect(es('door.soon', { count: 5 })).toBe('Empieza en 5 minutos');
    expect(translator('en')('door.soon', { count: 1 })).toBe('Starts in 1 minute');
    setLanguage(['es-419']);
    expect(t('menu.search.minutes', { count: 1_000_000 })).toBe('1000000 minutos');
  });
});
