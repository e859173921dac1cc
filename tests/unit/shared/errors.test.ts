import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ErrorBodySchema, parseAt, toErrorBody, ValidationError } from '../../../shared/errors';

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
    const body = toErrorBody(new AppError('NOT_FOUND', 'Strategy was not found.', { status: 404 }));
    expect(ErrorBodySchema.parse(body)).toEqual({
      error: { code: 'NOT_FOUND', message: 'Strategy was not found.' },
    });
  });
});
