/**
 * Tells "the database cannot be reached" apart from every other database error, so the HTTP layer can answer 503
 * (try again shortly) without knowing driver codes. The answer is a short fixed phrase for logs and /readyz, never
 * the driver's message, which may name hosts, ports or users.
 */

/** Node socket errors (pg connecting or talking to the server). */
const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'host unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
};

/** PostgreSQL SQLSTATEs of a server that is going away or not taking connections (class 08: connection exception). */
const SQLSTATES: Record<string, string> = {
  '57P01': 'server shutting down',
  '57P02': 'server crashed',
  '57P03': 'server not accepting connections yet',
  '53300': 'too many connections',
  // statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS) or an operator's pg_cancel_backend: the statement was rolled
  // back and the same request may well succeed a moment later.
  '57014': 'statement timed out',
};

/** SQLite: the file is locked for longer than the busy timeout, or cannot be opened at all. */
const SQLITE_CODES: Record<string, string> = {
  SQLITE_BUSY: 'database busy',
  SQLITE_CANTOPEN: 'database file cannot be opened',
};

/** node-postgres reports a lost or impossible connection with these messages and no code. */
const PG_MESSAGES: Array<[RegExp, string]> = [
  [/^Connection terminated/, 'connection terminated'],
  [/^timeout exceeded when trying to connect$/, 'connection timed out'],
  [/not queryable/, 'connection terminated'],
];

function reasonOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    const known = SOCKET_CODES[code] ?? SQLSTATES[code];
    if (known) return known;
    // Extended SQLite codes add a suffix: SQLITE_BUSY_SNAPSHOT, SQLITE_CANTOPEN_ISDIR.
    const sqlite = Object.keys(SQLITE_CODES).find((c) => code === c || code.startsWith(`${c}_`));
    if (sqlite) return SQLITE_CODES[sqlite];
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection failure';
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string') {
    for (const [pattern, reason] of PG_MESSAGES) if (pattern.test(message)) return reason;
  }
  return undefined;
}

/**
 * Why `error` means the database is unreachable, or undefined when it is any other error. Looks through `cause` and
 * the `errors` of an AggregateError (Node reports a refused connection to several addresses that way).
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | undefined {
  const own = reasonOf(error);
  if (own || depth >= 3 || !error || typeof error !== 'object') return own;
  const inner = [
    (error as { cause?: unknown }).cause,
    ...(Array.isArray((error as { errors?: unknown }).errors) ? (error as { errors: unknown[] }).errors : []),
  ];
  for (const e of inner) {
    const reason = databaseUnavailableReason(e, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}
