import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../../lti-server/src/http/middleware';
import { createLogger, redactPath } from '../../../lti-server/src/logger';

const FEED_SECRET = 'q7Xy2_Kd9-LmNo3PqRsTuVwXyZ0123456789abcdEFG';
const BEARER = 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3-_aa';

function bufferedLogger() {
  const out = { text: '' };
  const sink = new Writable({
    write(chunk, _enc, done) {
      out.text += String(chunk);
      done();
    },
  });
  return { logger: createLogger('info', sink), out };
}

describe('redactPath', () => {
  it('when a path holds a calendar feed secret, then only the secret is replaced', () => {
    expect(redactPath(`/calendar/${FEED_SECRET}.ics`)).toBe('/calendar/[redacted].ics');
    expect(redactPath('/calendar/short.ics')).toBe('/calendar/[redacted].ics');
    expect(redactPath(`/CALENDAR/${FEED_SECRET}`)).toBe('/CALENDAR/[redacted]');
    expect(redactPath(`/calendar/${FEED_SECRET}.ics/`)).toBe('/calendar/[redacted].ics/');
  });

  it('when a segment looks like a token, then it is replaced; ids, words and short names stay', () => {
    expect(redactPath(`/api/things/${BEARER}`)).toBe('/api/things/[redacted]');
    expect(redactPath(`/x/${'ab12'.repeat(8)}.json`)).toBe('/x/[redacted].json');
    expect(redactPath('/api/strategies/7b0e4f8a-6a47-4e0b-9d8e-2f9b3c1d5e6a/try')).toBe(
      '/api/strategies/7b0e4f8a-6a47-4e0b-9d8e-2f9b3c1d5e6a/try',
    );
    expect(redactPath('/api/strategies/export.csv')).toBe('/api/strategies/export.csv');
    expect(redactPath('/lti/launch')).toBe('/lti/launch');
  });
});

describe('error logs', () => {
  it('when a failing request carried an Authorization header and a feed URL, then neither reaches the log', () => {
    const { logger, out } = bufferedLogger();
    // Shaped like an HTTP client's error: it keeps the request it sent, headers included, and quotes the URL.
    const error = Object.assign(new Error(`GET https://tm.example/calendar/${FEED_SECRET}.ics failed`), {
      config: {
        headers: { Authorization: `Bearer ${BEARER}`, Cookie: 'sid=abc' },
        url: `/calendar/${FEED_SECRET}.ics`,
      },
      cause: new Error(`upstream said: Bearer ${BEARER}`),
    });
    const req = {
      method: 'GET',
      originalUrl: `/calendar/${FEED_SECRET}.ics?ltik=x`,
      get: () => undefined,
    } as unknown as Request;
    let status = 0;
    const res = {
      headersSent: false,
      locals: {},
      status(code: number) {
        status = code;
        return this;
      },
      json() {
        return this;
      },
    } as unknown as Response;
    errorHandler(logger)(error, req, res, () => {});

    expect(status).toBe(500);
    expect(out.text).toContain('request failed');
    expect(out.text).toContain('"path":"/calendar/[redacted].ics"');
    expect(out.text).toContain('Bearer [redacted]');
    expect(out.text).not.toContain(FEED_SECRET);
    expect(out.text).not.toContain(BEARER);
    expect(out.text).not.toContain('sid=abc');
  });
});
