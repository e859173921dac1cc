import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoteInputSchema } from '../../../shared/notes';
import { StrategyInputSchema } from '../../../shared/strategy';
import { parseAt, toErrorBody, ValidationError } from '../../../shared/errors';
import { problemText } from '../../../shared/problems';
import { normaliseLineEnds, safeText, safeToken, unstorableText } from '../../../shared/text';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Any code point, and often a lone surrogate or a control character (fast-check's 'binary' unit only pairs). */
const anyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
);

const strategy = {
  title: 'Think, pair, share',
  purpose: 'Every student talks.',
  steps: ['Think alone', 'Pair up'],
  minutes: 8,
  subject: 'Any',
  gradeBand: 'Any',
};

describe('storable text', () => {
  it('when text holds a NUL, another C0 or C1 control or DEL, then it is refused naming the code point', () => {
    for (const [char, name] of [
      ['\u0000', 'U+0000'],
      ['\u0007', 'U+0007'],
      ['\u000b', 'U+000B'],
      ['\u001b', 'U+001B'],
      ['\u007f', 'U+007F'],
      ['\u0085', 'U+0085'],
      ['\u009f', 'U+009F'],
    ]) {
      expect(unstorableText(`nul${char}byte`)).toEqual({
        key: 'errors.text.control',
        params: { char: name },
      });
    }
    expect(problemText(unstorableText('nul\u0000byte')!, 'en')).toBe(
      'contains a control character (U+0000) that cannot be stored',
    );
    expect(problemText(unstorableText('nul\u0000byte')!, 'es')).toBe(
      'contiene un carácter de control (U+0000) que no se puede guardar',
    );
  });

  it('when text holds an unpaired surrogate, then it is refused; a paired one (an emoji) is kept', () => {
    const said = (text: string) => problemText(unstorableText(text)!, 'en');
    expect(said('a\uD800b')).toMatch(/unpaired U\+D800/);
    expect(said('a\uDC00')).toMatch(/unpaired U\+DC00/);
    expect(said('\uDC00\uD800')).toMatch(/unpaired U\+DC00/);
    expect(problemText(unstorableText('a\uD800b')!, 'es')).toBe(
      'contiene un carácter dañado (un U+D800 sin pareja) que no se puede guardar',
    );
    expect(unstorableText('Thumbs up 👍 é ü 中文 \u00a0')).toBeUndefined();
  });

  it('when text has tabs, line feeds or carriage returns, then it is kept with one line ending', () => {
    expect(unstorableText('a\tb\nc')).toBeUndefined();
    expect(normaliseLineEnds('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(safeText().parse('Step one\r\nStep two\r')).toBe('Step one\nStep two\n');
  });

  it('when an opaque value (an id, an LMS deep-linking data) is checked, then it is kept as sent or refused, never changed', () => {
    expect(safeToken().parse('eyJhbGciOi.x-y_z')).toBe('eyJhbGciOi.x-y_z');
    expect(safeToken().safeParse('a\r\nb').error?.issues[0]).toMatchObject({
      message: 'errors.text.control',
      params: { char: 'U+000D' },
    });
    expect(safeToken().safeParse('a\u0000b').success).toBe(false);
  });

  it('when any string passes the rule, then it holds no character either database refuses or alters', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyUnit }), (s) => {
        const result = safeText().safeParse(s);
        if (!result.success) return;
        expect(Buffer.from(result.data, 'utf8').toString('utf8')).toBe(result.data);
        expect(result.data).not.toMatch(CONTROL);
      }),
      { numRuns: 500 },
    );
  });

  it('when a schema field holds a NUL, then the issue names that field, and the API says it in the asker language', () => {
    const strategyIssues = StrategyInputSchema.safeParse({ ...strategy, steps: ['ok', 'bad\u0000'] }).error
      ?.issues;
    expect(strategyIssues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['steps.1', 'errors.text.control'],
    ]);
    let refused: unknown;
    try {
      parseAt('errors.source.strategy', StrategyInputSchema, { ...strategy, steps: ['ok', 'bad\u0000'] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    expect(toErrorBody(refused as ValidationError, 'es').error.fields).toEqual([
      { path: 'steps.1', message: 'contiene un carácter de control (U+0000) que no se puede guardar' },
    ]);
    expect((refused as ValidationError).fields).toEqual([
      { path: 'steps.1', message: 'contains a control character (U+0000) that cannot be stored' },
    ]);
    const noteIssues = NoteInputSchema.safeParse({ visitId: 'v', prompt: 'students', text: 'a\u0000' }).error
      ?.issues;
    expect(noteIssues?.map((i) => i.path.join('.'))).toEqual(['text']);
  });
});
