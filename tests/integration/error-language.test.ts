import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/errors';
import { daysFromNow } from '../support/server/colleagues';
import { sandboxLaunch } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});

/** A sandbox launch's bearer token, with the LMS's locale when given. */
async function tokenFor(user: string, locale?: string): Promise<string> {
  const result = await sandboxLaunch(server.url, user, 'sandbox-course-7sci', locale ? { locale } : {});
  if (!result.token) throw new Error(`launch failed at ${result.url}`);
  return result.token;
}

/** One API call with the headers a browser would send; the error body is validated against the published schema. */
async function ask(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; error: ReturnType<typeof ErrorBodySchema.parse>['error'] }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, error: ErrorBodySchema.parse(await res.json()).error };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the API error messages in the asker’s language', () => {
  it('when a browser that prefers Spanish calls the API without a session, then the message is Spanish and the code the same', async () => {
    const spanish = await ask('GET', '/api/me', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    const english = await ask('GET', '/api/me', { 'accept-language': 'en-US' });
    expect(spanish.status).toBe(401);
    expect(english.status).toBe(401);
    expect(spanish.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Entra desde tu LMS para continuar.' });
    expect(english.error).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sign in through your LMS to continue.',
    });
  });

  it('when a person whose LMS says es-419 asks for a strategy that is not there, then the 404 says so in Spanish', async () => {
    const token = await tokenFor('sandbox-ana-rivera', 'es-419');
    const missing = await ask('GET', '/api/strategies/00000000-0000-4000-8000-000000000000', bearer(token));
    expect(missing.status).toBe(404);
    expect(missing.error).toEqual({ code: 'NOT_FOUND', message: 'No se encontró la estrategia.' });
  });

  it('when a person chose Spanish, then a refused door names its fields in Spanish even if the browser asks for English', async () => {
    const token = await tokenFor('sandbox-ana-rivera');
    const chosen = await fetch(`${server.url}/api/me/language`, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'es' }),
    });
    expect(chosen.status).toBe(200);
    const door = {
      strategyId: '00000000-0000-4000-8000-000000000000',
      date: daysFromNow(3),
      start: '09:00',
      timeZone: 'UTC',
      location: 'Room 4',
    };
    const spanish = await ask('POST', '/api/doors', { ...bearer(token), 'accept-language': 'en-US' }, door);
    expect(spanish.status).toBe(400);
    expect(spanish.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Elige una de tus estrategias de este menú.',
      fields: [{ path: 'strategyId', message: 'no es una estrategia de este menú' }],
    });
    // Following the LMS and the browser again: English, same code and field.
    await fetch(`${server.url}/api/me/language`, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ language: null }),
    });
    const english = await ask('POST', '/api/doors', { ...bearer(token), 'accept-language': 'en-US' }, door);
    expect(english.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Choose one of your strategies on this menu.',
      fields: [{ path: 'strategyId', message: 'not a strategy on this menu' }],
    });
  });

  it('when a form is refused by its schema, then its own field messages are in Spanish, with their limits', async () => {
    const token = await tokenFor('sandbox-dana-kim', 'es-419');
    const strategy = {
      title: 'x'.repeat(200),
      purpose: 'Everyone talks',
      steps: ['Think', 'Pair'],
      minutes: 40,
      subject: 'Science',
      gradeBand: '6-8',
    };
    const spanish = await ask('POST', '/api/strategies', bearer(token), strategy);
    expect(spanish.status).toBe(400);
    expect(spanish.error.code).toBe('VALIDATION_FAILED');
    expect(spanish.error.fields).toEqual([
      { path: 'title', message: 'El título debe tener como máximo 120 caracteres' },
      {
        path: 'minutes',
        message: 'Una estrategia del menú dura como máximo 15 minutos (la mayoría dura 10 o menos)',
      },
    ]);
    const browserEnglish = await ask(
      'POST',
      '/api/strategies',
      { ...bearer(token), 'accept-language': 'en' },
      strategy,
    );
    // The LMS's locale (es-419) comes before the browser's language.
    expect(browserEnglish.error.fields?.[0]?.message).toBe('El título debe tener como máximo 120 caracteres');
  });

  it('when a Spanish reader sends a body the schema refuses, then zod’s own messages and the API’s own are Spanish too', async () => {
    const token = await tokenFor('sandbox-ana-rivera', 'es-419');
    const refused = await ask('POST', '/api/notes', bearer(token), {
      prompt: 'feelings',
      text: 'Students turned to a partner.',
      confirmFlags: 'yes',
    });
    expect(refused.status).toBe(400);
    expect(refused.error.code).toBe('VALIDATION_FAILED');
    expect(refused.error.fields).toEqual([
      { path: 'visitId', message: 'Falta visitId' },
      { path: 'prompt', message: 'Elige una de las preguntas guía' },
      { path: 'confirmFlags', message: 'Entrada inválida: se esperaba booleano, recibido texto' },
    ]);
    expect(refused.error.message).toMatch(/^Datos no válidos \(nota\): visitId: Falta visitId; /);
  });

  it('when a Spanish reader sends malformed JSON, then the refusal is Spanish', async () => {
    const res = await fetch(`${server.url}/api/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'es-419,es;q=0.9' },
      body: '{"visitId": "v1",',
    });
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'El cuerpo de la solicitud no es JSON válido.',
    });
  });

  it('when readers of two languages are refused at the same moment, then each reads their own language', async () => {
    const [spanishToken, englishToken] = await Promise.all([
      tokenFor('sandbox-ana-rivera', 'es-419'),
      tokenFor('sandbox-dana-kim', 'en-US'),
    ]);
    const body = {
      visitId: 'v1',
      prompt: 'students',
      text: 'Students turned to a partner.',
      confirmFlags: 1,
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ask('POST', '/api/notes', bearer(i % 2 === 0 ? spanishToken : englishToken), body),
      ),
    );
    answers.forEach((answer, i) => {
      expect(answer.error.fields, `request ${i}`).toEqual([
        {
          path: 'confirmFlags',
          message:
            i % 2 === 0
              ? 'Entrada inválida: se esperaba booleano, recibido número'
              : 'Invalid input: expected boolean, received number',
        },
      ]);
    });
  });
});
