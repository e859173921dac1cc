import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  ConflictError,
  ERROR_CODES,
  ERROR_STATUS,
  ErrorBodySchema,
  GoneError,
  NotFoundError,
  PlatformAnswerError,
  parseAt,
  toErrorBody,
  UnprocessableError,
  ValidationError,
} from '../../../shared/errors';

describe('errors', () => {
  it('when input fails a schema, then parseAt throws a ValidationError naming the boundary and each field', () => {
    const schema = z.object({ title: z.string().min(1), minutes: z.number().max(15) });
    try {
      parseAt('errors.source.strategy', schema, { title: '', minutes: 40 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const v = error as ValidationError;
      expect(v.status).toBe(400);
      expect(v.code).toBe('VALIDATION_FAILED');
      expect(v.message).toMatch(/^Strategy is not valid: /);
      expect(v.fields?.map((f) => f.path)).toEqual(['title', 'minutes']);
    }
  });

  it('when an AppError becomes a response body, then it matches the published error schema', () => {
    const body = toErrorBody(new AppError('NOT_FOUND', 'errors.not-found.strategy'));
    expect(ErrorBodySchema.parse(body)).toEqual({
      error: { code: 'NOT_FOUND', message: 'Strategy was not found.' },
    });
  });

  it('when the status table is read, then every error code has exactly one HTTP status, and nothing else is in it', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const status = ERROR_STATUS[code];
      expect(Number.isInteger(status) && status >= 400 && status <= 599, code).toBe(true);
    }
  });

  it('when an error is built from a code, then its status comes from the table', () => {
    for (const code of ERROR_CODES)
      expect(new AppError(code, 'errors.internal').status, code).toBe(ERROR_STATUS[code]);
    expect(new ConflictError('DOOR_FULL', 'errors.visit.full')).toMatchObject({
      status: 409,
      code: 'DOOR_FULL',
    });
    expect(new UnprocessableError('NOTE_FLAGGED', 'errors.note.never-names')).toMatchObject({
      status: 422,
      code: 'NOTE_FLAGGED',
    });
    expect(new NotFoundError('errors.not-found.visit')).toMatchObject({
      status: 404,
      message: 'Visit was not found.',
    });
  });

  it('when a kind answers another status under the same code, then that kind fixes it and the body stays the same', () => {
    expect(new GoneError('errors.pairing.expired')).toMatchObject({ status: 410, code: 'NOT_FOUND' });
    expect(new PlatformAnswerError('errors.registration.no-client-id')).toMatchObject({
      status: 502,
      code: 'PLATFORM_INVALID',
    });
    expect(toErrorBody(new GoneError('errors.pairing.expired'))).toEqual({
      error: { code: 'NOT_FOUND', message: 'This pairing code expired. Start again for a fresh code.' },
    });
  });

  it('when a conflict carries fields, then the body lists them as before', () => {
    const clash = { key: 'errors.round.clash-hosting', params: { name: 'Ana', time: '09:00' } } as const;
    expect(
      toErrorBody(
        new ConflictError('VISIT_OVERLAP', 'errors.visit.booked', [{ path: 'plan', message: clash }]),
      ),
    ).toEqual({
      error: {
        code: 'VISIT_OVERLAP',
        message: 'You already have a visit booked at that time. Cancel it first to book this one.',
        fields: [{ path: 'plan', message: 'Ana is already hosting at 09:00.' }],
      },
    });
  });

  it('when an error is answered in Spanish, then its message and fields are Spanish, its code and .message unchanged', () => {
    const error = new ValidationError({ key: 'errors.round-host.visitor', params: { name: 'Ana' } }, [
      { path: 'hostId', message: 'errors.round-host.visitor-field' },
      { path: 'text', message: { each: { en: 'a judgment', es: 'un juicio' } } },
      { path: 'x', message: { verbatim: 'as the validator said' } },
    ]);
    expect(error.message).toBe('Ana is in the group that visits in this slot: choose someone else.');
    expect(toErrorBody(error, 'es')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Ana está en el grupo que visita en este horario: elige a otra persona.',
        fields: [
          { path: 'hostId', message: 'visita en este horario' },
          { path: 'text', message: 'un juicio' },
          { path: 'x', message: 'as the validator said' },
        ],
      },
    });
    expect(error.fields).toEqual([
      { path: 'hostId', message: 'visits in this slot' },
      { path: 'text', message: 'a judgment' },
      { path: 'x', message: 'as the validator said' },
    ]);
  });

  it('when a schema refuses input with its own catalog key, then the field is answered in the asker language', () => {
    const schema = z.object({ title: z.string().min(1, 'errors.cursor.field'), minutes: z.number().max(15) });
    const error = (() => {
      try {
        parseAt('errors.source.strategy', schema, { title: '', minutes: 40 });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('not refused');
    })();
    const spanish = toErrorBody(error, 'es').error;
    expect(spanish.fields?.[0]).toEqual({ path: 'title', message: 'no es válido' });
    expect(spanish.message).toMatch(/^Datos no válidos \(estrategia\): title: no es válido; minutes: /);
    expect(error.message).toMatch(/^Strategy is not valid: title: not valid; minutes: /);
  });
});

describe("a shared helper's problems in an error body", () => {
  it('when a field holds a problem, then the body carries its words beside the message in the asker language', () => {
    const problem = {
      key: 'rounds.problem.two-groups',
      params: { person: 'Ana', groups: { key: 'rounds.problem.groups', params: { count: 2, list: [1, 2] } } },
    } as const;
    const error = new UnprocessableError(
      'ROUND_UNPLANNABLE',
      { key: 'errors.round.unplannable', params: { problems: { items: [{ problem }], separator: ' ' } } },
      [{ path: 'plan', message: { problem } }],
    );
    expect(error.fields).toEqual([
      { path: 'plan', message: '"Ana" is in groups 1 and 2; each teacher belongs to one group.' },
    ]);
    const body = toErrorBody(error, 'es');
    expect(body).toEqual({
      error: {
        code: 'ROUND_UNPLANNABLE',
        message:
          'Esta ronda no se puede planificar: «Ana» está en los grupos 1 y 2; cada docente pertenece a un solo grupo.',
        fields: [
          {
            path: 'plan',
            message: '«Ana» está en los grupos 1 y 2; cada docente pertenece a un solo grupo.',
            problem,
          },
        ],
      },
    });
    expect(ErrorBodySchema.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
    expect(
      ErrorBodySchema.safeParse({
        error: {
          code: 'ROUND_UNPLANNABLE',
          message: 'x',
          fields: [{ path: 'plan', message: 'x', problem: { params: {} } }],
        },
      }).success,
    ).toBe(false);
  });
});
