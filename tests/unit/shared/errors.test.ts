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
      parseAt('Strategy', schema, { title: '', minutes: 40 });
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
    const body = toErrorBody(new AppError('NOT_FOUND', 'Strategy was not found.'));
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
    for (const code of ERROR_CODES) expect(new AppError(code, 'x').status, code).toBe(ERROR_STATUS[code]);
    expect(new ConflictError('DOOR_FULL', 'Full.')).toMatchObject({ status: 409, code: 'DOOR_FULL' });
    expect(new UnprocessableError('NOTE_FLAGGED', 'Names.')).toMatchObject({
      status: 422,
      code: 'NOTE_FLAGGED',
    });
    expect(new NotFoundError('Visit')).toMatchObject({ status: 404, message: 'Visit was not found.' });
  });

  it('when a kind answers another status under the same code, then that kind fixes it and the body stays the same', () => {
    expect(new GoneError('Expired.')).toMatchObject({ status: 410, code: 'NOT_FOUND' });
    expect(new PlatformAnswerError('Bad answer.')).toMatchObject({ status: 502, code: 'PLATFORM_INVALID' });
    expect(toErrorBody(new GoneError('Expired.'))).toEqual({
      error: { code: 'NOT_FOUND', message: 'Expired.' },
    });
  });

  it('when a conflict carries fields, then the body lists them as before', () => {
    const fields = [{ path: 'plan', message: 'Ana is booked then.' }];
    expect(toErrorBody(new ConflictError('VISIT_OVERLAP', 'Booked.', fields))).toEqual({
      error: { code: 'VISIT_OVERLAP', message: 'Booked.', fields },
    });
  });
});
