import { z } from 'zod';

/**
 * The server's configuration contract (see the handbook): environment variables, validated at start-up.
 * `parseConfig` is pure: it takes the environment as a plain record so it can be tested without a process.
 */
const port = z
  .string()
  .regex(/^\d+$/, 'must be a whole number such as 3000')
  .transform(Number)
  .refine((n) => n > 0 && n < 65536, 'must be between 1 and 65535');

const booleanFlag = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(s), 'must be true or false')
  .transform((s) => ['1', 'true', 'yes', 'on'].includes(s));

const url = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http(s) address such as https://tasting-menu.example.org');

/** `https://lms.example.edu` or `https://*.example.edu` (a CSP host source), with an optional port. */
const FRAME_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

const frameSources = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .refine(
    (list) => list.every((source) => FRAME_SOURCE.test(source)),
    'must be origins such as https://lms.example.edu or https://*.example.edu, separated by spaces or commas',
  );

/** How the PostgreSQL pools connect and how long a statement may run (milliseconds; 0: the database's own setting). */
export interface PostgresPoolSettings {
  /** Connections of the main pool (`DATABASE_POOL_SIZE`). */
  max: number;
  /** How long a request waits for a free connection before it fails (`DATABASE_CONNECT_TIMEOUT_MS`). */
  connectionTimeoutMillis: number;
  /** PostgreSQL's `statement_timeout` (`DATABASE_STATEMENT_TIMEOUT_MS`): a slow statement cannot hold a connection. */
  statementTimeoutMs: number;
  /** PostgreSQL's `idle_in_transaction_session_timeout` (`DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`). */
  idleInTransactionTimeoutMs: number;
  /**
   * PostgreSQL's `random_page_cost` for our sessions (`DATABASE_RANDOM_PAGE_COST`; 0 keeps the database's own). The
   * default 4 prices a page read from an index as a read from a spinning disk; 1.1 is the usual value for SSDs and for
   * databases that fit in memory. With 4 the planner tested every strategy for a search word found in a fifth of the
   * menu instead of reading its matches from the GIN index (13 against 4 ms at 10k strategies, issue #20).
   */
  randomPageCost: number;
  /**
   * `DATABASE_POOLER`: `pgbouncer` when a pooler in transaction mode (PgBouncer, or one like it) stands between the tool
   * and PostgreSQL. Such a pooler refuses, or silently drops, the settings a connection asks for when it opens
   * (`unsupported startup parameter: options`), and hands each transaction whichever server connection is free: the
   * tool then asks for none, and the settings above and the schema are the database role's (`ALTER ROLE … SET`), which
   * the tool reads at start and warns about when they differ. `none`: the tool connects to PostgreSQL itself.
   */
  pooler: 'none' | 'pgbouncer';
}

export const DEFAULT_POOL: PostgresPoolSettings = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 60_000,
  randomPageCost: 1.1,
  pooler: 'none',
};

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      schema: string | undefined;
      /** DEFAULT_POOL when absent. */
      pool?: PostgresPoolSettings;
    };

/** `sqlite:path`, `file:path` or a bare path select SQLite; `postgres://` / `postgresql://` select PostgreSQL. */
export function parseDatabaseUrl(value: string): DatabaseTarget | { error: string } {
  const v = value.trim();
  if (/^postgres(ql)?:\/\//i.test(v)) {
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      return { error: 'is not a valid postgres:// address' };
    }
    const schema = parsed.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      return { error: 'has a schema= parameter that is not a plain lower-case identifier' };
    }
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', url: parsed.toString(), schema };
  }
  const sqlite = /^(sqlite|file):(.*)$/i.exec(v);
  if (sqlite) {
    const file = (sqlite[2] ?? '').replace(/^\/\/(?=\/)/, '');
    return file === '' ? { error: 'names no SQLite file' } : { kind: 'sqlite', file };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    return {
      error:
        'must start with postgres:// (PostgreSQL) or sqlite: (SQLite); other databases are not supported',
    };
  }
  return v === '' ? { error: 'is empty' } : { kind: 'sqlite', file: v };
}

/**
 * Which proxies may tell the client's address in `X-Forwarded-For` (Express's `trust proxy`): `loopback` (a proxy on
 * this host, the default), the keywords `linklocal` and `uniquelocal`, addresses and CIDR ranges, or a whole number of
 * proxy hops in front of the server (a load balancer: 1). `none` believes no proxy.
 */
export type TrustProxy = false | number | string[];

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];
const proxyEntry = z.union([
  z.enum(PROXY_KEYWORDS as [string, ...string[]]),
  z.ipv4(),
  z.ipv6(),
  z.cidrv4(),
  z.cidrv6(),
]);

const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (value === 'none' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const list = value.split(/[\s,]+/).filter(Boolean);
  if (list.length > 0 && !/^\d+$/.test(value) && list.every((entry) => proxyEntry.safeParse(entry).success))
    return list;
  ctx.addIssue({
    code: 'custom',
    message:
      'must be loopback, linklocal, uniquelocal, addresses or CIDR ranges such as 10.0.0.0/8, a number of proxy hops from 1 to 10, or none',
  });
  return z.NEVER;
});

const milliseconds = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of milliseconds (${what})`)
    .transform(Number)
    .refine((n) => n <= 3_600_000, 'must be at most 3600000 (one hour)');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PUBLIC_URL: url.optional(),
  DATABASE_URL: z.string().optional(),
  LTI_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (generate one with: openssl rand -hex 32)')
    .optional(),
  SANDBOX: booleanFlag.optional(),
  DEMO_SCHOOL: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  LTI_RATE_LIMIT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of requests per minute')
    .transform(Number)
    .refine((n) => n >= 1, 'must be at least 1')
    .default(600),
  REGISTRATION: z.enum(['invite', 'open'], { error: 'must be invite or open' }).default('invite'),
  DATABASE_POOL_SIZE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of connections')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'must be between 1 and 1000')
    .default(DEFAULT_POOL.max),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds('0 waits for ever').default(DEFAULT_POOL.connectionTimeoutMillis),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds("0 keeps the database's own setting").default(
    DEFAULT_POOL.statementTimeoutMs,
  ),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds("0 keeps the database's own setting").default(
    DEFAULT_POOL.idleInTransactionTimeoutMs,
  ),
  DATABASE_RANDOM_PAGE_COST: z
    .string()
    .regex(/^\d+(\.\d+)?$/, "must be a number such as 1.1 (0 keeps the database's own setting)")
    .transform(Number)
    .refine((n) => n <= 100, 'must be at most 100')
    .default(DEFAULT_POOL.randomPageCost),
  DATABASE_POOLER: z
    .enum(['none', 'pgbouncer'], { message: 'must be none or pgbouncer' })
    .default(DEFAULT_POOL.pooler),
  FRAME_ANCESTORS: frameSources.optional(),
  TRUST_PROXY: trustProxy.optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: DatabaseTarget;
  /** Undefined means: generate or read one from the data folder (not allowed in production). */
  ltiKey: string | undefined;
  sandbox: boolean;
  /**
   * Seed the demo school (a deployment of the sandbox LMS of its own) once at start-up, and offer "Reset demo school"
   * on the sandbox page. Only with the sandbox; `npm start` turns it on unless `DEMO_SCHOOL` says otherwise.
   */
  demoSchool: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  dataDir: string;
  /** Requests per minute and client address to /lti/login and /lti/launch. */
  ltiRateLimit: number;
  /** `invite`: LTI Dynamic Registration asks for a code the operator created; `open`: anyone may register (trials). */
  registration: 'invite' | 'open';
  /**
   * More LMS origins that may frame the app, besides the registered platforms' own and those their launches name:
   * for an LMS whose launches name no page of its own (its course pages on a domain of their own).
   */
  frameAncestors: string[];
  /** Who may name the client's address in `X-Forwarded-For` (`TRUST_PROXY`; rate limits count by that address). */
  trustProxy: TrustProxy;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment. On failure, `message` is one line naming the variable and what is wrong. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    return {
      ok: false,
      message: `Configuration error: ${name} ${issue.message} (got "${present[name] ?? ''}").`,
    };
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(
    e.DATABASE_URL ?? `sqlite:${e.DATA_DIR.replace(/\/+$/, '')}/tasting-menu.db`,
  );
  if ('error' in database) {
    return { ok: false, message: `Configuration error: DATABASE_URL ${database.error}.` };
  }
  if (database.kind === 'postgres') {
    database.pool = {
      max: e.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      randomPageCost: e.DATABASE_RANDOM_PAGE_COST,
      pooler: e.DATABASE_POOLER,
    };
  }
  if (e.NODE_ENV === 'production' && !e.LTI_KEY) {
    return { ok: false, message: 'Configuration error: LTI_KEY is required when NODE_ENV=production.' };
  }
  const sandbox = e.SANDBOX ?? e.NODE_ENV !== 'production';
  return {
    ok: true,
    config: {
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      database,
      ltiKey: e.LTI_KEY,
      sandbox,
      demoSchool: sandbox && (e.DEMO_SCHOOL ?? false),
      logLevel: e.LOG_LEVEL,
      dataDir: e.DATA_DIR,
      ltiRateLimit: e.LTI_RATE_LIMIT,
      registration: e.REGISTRATION,
      frameAncestors: e.FRAME_ANCESTORS ?? [],
      trustProxy: e.TRUST_PROXY ?? ['loopback'],
    },
  };
}
