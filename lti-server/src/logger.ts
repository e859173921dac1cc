import pino from 'pino';

export type Logger = pino.Logger;

const REDACTED = '[redacted]';
/** A secret-looking path segment: 20 or more base64url (or hex) characters, with an optional file extension. */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{20,}(\.[A-Za-z0-9]+)?$/;
/** Record ids are UUIDs: they name rows, not secrets, and logs are far more useful with them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_KEYS = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;

/**
 * A request path as it may be logged: a calendar feed's file name is its secret, and any other long token-like
 * segment is treated as one too (`/calendar/[redacted].ics`, `/x/[redacted]`).
 */
export function redactPath(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (i === 2 && segments[1]?.toLowerCase() === 'calendar' && segment)
        return /\.ics$/i.test(segment) ? `${REDACTED}.ics` : REDACTED;
      if (!TOKEN_SEGMENT.test(segment) || UUID.test(segment)) return segment;
      const extension = /\.[A-Za-z0-9]+$/.exec(segment)?.[0] ?? '';
      return `${REDACTED}${extension}`;
    })
    .join('/');
}

/** Free text (an error's message or stack) may quote a bearer token or a feed URL: both are cut out. */
function redactText(text: string): string {
  return text
    .replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`)
    .replace(/\/calendar\/[^/\s?#"',;]+/gi, `/calendar/${REDACTED}`);
}

/** Copies a serialised error, replacing header-like secrets at any depth (libraries attach the request they sent). */
function scrub(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.test(key) ? REDACTED : scrub(item, seen)]),
  );
}

/**
 * Structured JSON logs. Anything that could hold a secret is redacted by path, request paths go through
 * redactPath, errors are scrubbed of headers, bearer tokens and feed URLs, and request logs never include query
 * strings (ltijs puts its ltik there) or bodies (id_tokens). `destination` is for tests that read the log.
 */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'tasting-menu' },
    serializers: { err: (error: Error) => scrub(pino.stdSerializers.err(error), new WeakSet()) },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.id_token',
        '*.token',
        '*.ltik',
        '*.ltiKey',
        '*.password',
        'config.ltiKey',
      ],
      censor: REDACTED,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
