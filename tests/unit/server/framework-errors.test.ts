import { describe, expect, it } from 'vitest';
import { frameworkError } from '../../../lti-server/src/http/framework-errors';
import { toErrorBody } from '../../../shared/errors';

/** Errors shaped as body-parser and http-errors make them. */
const httpError = (status: number, type: string | undefined, expose = status < 500) =>
  Object.assign(new Error(`raw ${type}`), { status, statusCode: status, expose, ...(type ? { type } : {}) });

describe('framework errors', () => {
  it('when body-parser refuses a body, then each kind keeps its 4xx with a message of our own', () => {
    const cases: Array<[string, number, number]> = [
      ['entity.parse.failed', 400, 400],
      ['entity.too.large', 413, 413],
      ['encoding.unsupported', 415, 415],
      ['charset.unsupported', 415, 415],
      ['request.aborted', 400, 400],
      ['request.size.invalid', 400, 400],
      ['parameters.too.many', 413, 413],
    ];
    for (const [type, thrown, answered] of cases) {
      const mapped = frameworkError(httpError(thrown, type));
      expect(mapped?.status, type).toBe(answered);
      expect(mapped?.code, type).toBe('VALIDATION_FAILED');
      expect(mapped?.message, type).not.toContain('raw');
    }
  });

  it('when Express cannot decode a route parameter, then the URIError is a 400', () => {
    const error = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
    expect(frameworkError(error)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('when an http-errors error is safe to show, then its 4xx is kept with the matching code, and words of our own in each language', () => {
    const notFound = frameworkError(httpError(404, undefined));
    expect(notFound).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Nothing was found at this address.',
    });
    expect(notFound && toErrorBody(notFound, 'es').error.message).toBe(
      'No se encontró nada en esta dirección.',
    );
    expect(frameworkError(httpError(429, undefined))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const other = frameworkError(httpError(422, undefined));
    expect(other).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid.',
    });
    // http-errors writes its own message in English only: it never reaches the client.
    expect(other && toErrorBody(other, 'es').error.message).toBe('La solicitud no es válida.');
  });

  it('when body-parser refuses malformed JSON, then a Spanish reader is told in Spanish', () => {
    const mapped = frameworkError(httpError(400, 'entity.parse.failed'));
    expect(mapped && toErrorBody(mapped, 'es').error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'El cuerpo de la solicitud no es JSON válido.',
    });
  });

  it('when an error is ours to fix (a 5xx, an unexposed status, a misused stream, a plain Error), then it stays unmapped', () => {
    expect(frameworkError(httpError(500, 'stream.encoding.set'))).toBeUndefined();
    expect(frameworkError(httpError(400, undefined, false))).toBeUndefined();
    expect(frameworkError(new Error('boom'))).toBeUndefined();
    expect(frameworkError('boom')).toBeUndefined();
    expect(frameworkError(undefined)).toBeUndefined();
  });
});
