import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAt, parseWords, renderWords, toErrorBody, ValidationError } from '../../../shared/errors';
import type { Language, MessageKey } from '../../../shared/i18n';
import { CycleInputSchema } from '../../../shared/cycles';
import { NoteInputSchema } from '../../../shared/notes';
import { StrategyEditSchema } from '../../../shared/strategy';
import { DoorQuerySchema } from '../../../shared/visits';

const Door = z.object({
  title: z.string().min(1),
  minutes: z.number().max(15),
  kind: z.enum(['door', 'round']),
  note: z.string().max(10, 'errors.field.door.visitor-note-long'),
});
const bad = { title: '', minutes: 40, kind: 'lesson', note: 'x'.repeat(11) };

function refused(value: unknown): ValidationError {
  try {
    parseAt('errors.source.open-door', Door, value);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('zod’s own messages in the reader’s language', () => {
  it('when a schema without messages of its own refuses input, then zod’s default messages are Spanish for a Spanish reader', () => {
    const error = refused(bad);
    expect(toErrorBody(error, 'es').error.fields).toEqual([
      { path: 'title', message: 'Demasiado pequeño: se esperaba que texto tuviera >=1 caracteres' },
      { path: 'minutes', message: 'Demasiado grande: se esperaba que número fuera <=15' },
      { path: 'kind', message: 'Opción inválida: se esperaba una de "door"|"round"' },
      { path: 'note', message: 'La nota para los visitantes debe tener como máximo 10 caracteres' },
    ]);
    expect(toErrorBody(error, 'en').error.fields).toEqual([
      { path: 'title', message: 'Too small: expected string to have >=1 characters' },
      { path: 'minutes', message: 'Too big: expected number to be <=15' },
      { path: 'kind', message: 'Invalid option: expected one of "door"|"round"' },
      { path: 'note', message: 'The note for visitors must be at most 10 characters' },
    ]);
    // Logs and tests read English; the summary sentence carries the same words in the reader's language.
    expect(error.fields?.[0]?.message).toBe('Too small: expected string to have >=1 characters');
    expect(toErrorBody(error, 'es').error.message).toContain(
      'title: Demasiado pequeño: se esperaba que texto tuviera >=1 caracteres',
    );
  });

  it('when a value has the wrong type, then the Spanish message names what was expected and what came, in Spanish', () => {
    const error = refused({ ...bad, title: undefined });
    expect(toErrorBody(error, 'es').error.fields?.[0]).toEqual({
      path: 'title',
      message: 'Entrada inválida: se esperaba texto, recibido indefinido',
    });
  });

  it('when a schema’s message is written out, then it stays as written in every language', () => {
    const Named = z.object({ name: z.string({ error: 'as the schema says' }) });
    const result = parseWords(Named, {});
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fields.map((f) => renderWords(f.message, 'es'))).toEqual(['as the schema says']);
  });

  it('when two readers in different languages are refused at the same time, then each reads their own language', async () => {
    // Each request parses, waits (as a request waits for its database), then answers: interleaved on purpose.
    const answer = async (language: Language, delay: number) => {
      const error = refused(bad);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const other = refused(bad);
      await new Promise((resolve) => setTimeout(resolve, delay));
      return [toErrorBody(error, language), toErrorBody(other, language)].map(
        (b) => b.error.fields?.[0]?.message,
      );
    };
    const [spanish, english, spanishAgain] = await Promise.all([
      answer('es', 5),
      answer('en', 1),
      answer('es', 0),
    ]);
    const es = 'Demasiado pequeño: se esperaba que texto tuviera >=1 caracteres';
    const en = 'Too small: expected string to have >=1 characters';
    expect(spanish).toEqual([es, es]);
    expect(english).toEqual([en, en]);
    expect(spanishAgain).toEqual([es, es]);
    // And no global zod setting changed: a plain parse elsewhere still says zod's English.
    expect(z.string().min(1).safeParse('').error?.issues[0]?.message).toBe(en);
  });

  it('when a form checks its input with parseWords, then a default message renders in the interface language', () => {
    const result = parseWords(Door, bad);
    expect(result.success).toBe(false);
    if (result.success) return;
    const title = result.fields.find((f) => f.path === 'title');
    expect(title && renderWords(title.message, 'es')).toBe(
      'Demasiado pequeño: se esperaba que texto tuviera >=1 caracteres',
    );
    expect(parseWords(Door, { title: 'a', minutes: 5, kind: 'door', note: '' })).toEqual({
      success: true,
      data: { title: 'a', minutes: 5, kind: 'door', note: '' },
    });
  });

  it('when an API-only field is refused, then its message is a catalog message with the issue’s values, in Spanish too', () => {
    const spanish = (source: MessageKey, schema: z.ZodType, value: unknown) => {
      try {
        parseAt(source, schema, value);
      } catch (error) {
        if (error instanceof ValidationError) return toErrorBody(error, 'es').error.fields;
        throw error;
      }
      throw new Error('not refused');
    };
    expect(
      spanish('errors.source.note', NoteInputSchema, { prompt: 'mood', text: 'Students wrote.' }),
    ).toEqual([
      { path: 'visitId', message: 'Falta visitId' },
      { path: 'prompt', message: 'Elige una de las preguntas guía' },
    ]);
    expect(
      spanish('errors.source.cycle', CycleInputSchema, { problemId: 'p', memberIds: ['a', 'b'] }),
    ).toEqual([{ path: 'memberIds', message: 'Un ciclo empieza con al menos tres voluntarios' }]);
    const tags = Array.from({ length: 11 }, (_, i) => `tag${i}`);
    expect(spanish('errors.source.strategy-changes', StrategyEditSchema, { tags })).toEqual([
      { path: 'tags', message: 'Como máximo 10 etiquetas' },
    ]);
    const from = '2026-01-01T00:00:00Z';
    expect(
      spanish('errors.source.open-doors-query', DoorQuerySchema, { from, to: '2026-06-01T00:00:00Z' }),
    ).toEqual([{ path: 'to', message: 'Pide como máximo 62 días a la vez' }]);
  });
});
