import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CycleInputSchema } from '../../../shared/cycles';
import { renderWords, ValidationError } from '../../../shared/errors';
import { isMessageKey, type Language } from '../../../shared/i18n';
import { ThanksInputSchema } from '../../../shared/notes';
import { RoomLinkInputSchema, RoomSignInSchema } from '../../../shared/room';
import { BriefingInputSchema, RoundRolesInputSchema } from '../../../shared/round-briefing';
import { DebriefPatternInputSchema, RoundInputSchema } from '../../../shared/rounds';
import { PeriodSchema } from '../../../shared/school-day';
import { SchoolNameInputSchema, SubjectListSchema } from '../../../shared/settings';
import { VisitQuerySchema } from '../../../shared/visits';

/**
 * The schemas' own messages are catalog keys (issue #18): the server answers them in the asker's language, with the
 * issue's bounds, and a screen that shows one says it in the interface's language.
 */
function fields(schema: z.ZodType, input: unknown, language: Language) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  for (const issue of parsed.error.issues) expect(isMessageKey(issue.message), issue.message).toBe(true);
  const error = ValidationError.fromZod('errors.source.settings', parsed.error);
  return error.fieldWords.map((words, i) => [error.fields![i]!.path, renderWords(words, language)]);
}

const ROUND = {
  title: 'Thursday round',
  focus: { kind: 'tag', value: 'discussion' },
  date: '2026-03-12',
  start: '09:00',
  timeZone: 'America/Chicago',
  participantIds: ['p1', 'p2', 'p1'],
  hostIds: ['h1'],
};

describe('the schemas’ messages in English and Spanish', () => {
  it('when a thank-you or a pattern name is empty or too long, then its message is a key said in the asker’s language', () => {
    expect(fields(ThanksInputSchema, { message: ' ' }, 'es')).toEqual([
      ['message', 'Escribe un agradecimiento breve'],
    ]);
    expect(fields(ThanksInputSchema, { message: 'x'.repeat(301) }, 'en')).toEqual([
      ['message', 'Keep the thank-you to 300 characters'],
    ]);
    expect(fields(DebriefPatternInputSchema, { name: 'x'.repeat(121) }, 'es')).toEqual([
      ['name', 'El nombre de un patrón tiene como máximo 120 caracteres'],
    ]);
  });

  it('when a round lists a participant twice, then the message names the participants in either language', () => {
    expect(fields(RoundInputSchema, ROUND, 'en')).toEqual([
      ['participantIds', 'Each of the participants is listed once'],
    ]);
    expect(fields(RoundInputSchema, { ...ROUND, participantIds: ['p1'], hostIds: [] }, 'es')).toEqual([
      ['hostIds', 'Elige al menos a uno de los anfitriones'],
    ]);
  });

  it('when a briefing, its roles, a room link or the settings are refused, then each message is a key', () => {
    expect(fields(BriefingInputSchema, { norms: [] }, 'es')).toEqual([
      ['norms', 'Conserva al menos una norma'],
    ]);
    expect(fields(BriefingInputSchema, { norms: ['x'.repeat(301)] }, 'en')).toEqual([
      ['norms.0', 'A norm must be at most 300 characters'],
    ]);
    expect(
      fields(
        RoundRolesInputSchema,
        { roles: [{ facilitator: 'p1', timekeeper: '', noteTaker: 'p3' }] },
        'en',
      ),
    ).toEqual([['roles.0.timekeeper', 'Choose the timekeeper']]);
    expect(fields(RoomLinkInputSchema, { visitId: 'v1', doorId: 'd1' }, 'es')).toEqual([
      ['doorId', 'Indica una visita o una puerta abierta, no las dos'],
    ]);
    expect(fields(RoomSignInSchema, { token: 'short' }, 'es')).toEqual([
      ['token', 'El enlace para entrar está incompleto'],
    ]);
    expect(fields(SubjectListSchema, [], 'en')).toEqual([
      ['(root)', 'Keep at least one subject, so teachers have one to choose.'],
    ]);
    expect(fields(SchoolNameInputSchema, { schoolName: 'x'.repeat(81) }, 'es')).toEqual([
      ['schoolName', 'Limita el nombre de la escuela a 80 caracteres'],
    ]);
    expect(fields(PeriodSchema, { name: 'P1', weekdays: ['mon'], start: '9am', end: '10:00' }, 'es')).toEqual(
      [['start', 'Usa una hora de inicio de 24 horas como 10:05']],
    );
  });

  it('when a cycle has too few volunteers or a query asks for too much, then the bounds come from the schema', () => {
    expect(fields(CycleInputSchema, { problemId: 'p', memberIds: ['a', 'b'] }, 'es')).toEqual([
      ['memberIds', 'Un ciclo empieza con al menos tres voluntarios'],
    ]);
    expect(fields(VisitQuerySchema, { limit: '0' }, 'en')).toEqual([['limit', 'limit is at least 1']]);
  });
});
