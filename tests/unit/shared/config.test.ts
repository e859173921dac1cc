import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL, parseConfig, parseDatabaseUrl } from '../../../shared/config';

describe('parseConfig', () => {
  it('when nothing is set, then it uses the handbook defaults', () => {
    const result = parseConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        env: 'development',
        port: 3000,
        host: '127.0.0.1',
        publicUrl: 'http://localhost:3000',
        database: { kind: 'sqlite', file: './data/tasting-menu.db' },
        ltiKey: undefined,
        sandbox: true,
        demoSchool: false,
        logLevel: 'info',
        dataDir: './data',
        ltiRateLimit: 600,
        registration: 'invite',
        frameAncestors: [],
        trustProxy: ['loopback'],
      },
    });
  });

  it('when TRUST_PROXY names proxies, hops or none, then it is kept; anything else is refused naming it', () => {
    const trust = (value: string) => {
      const result = parseConfig({ TRUST_PROXY: value });
      return result.ok ? result.config.trustProxy : result.message;
    };
    expect(trust('loopback, 10.0.0.0/8 fd00::/8')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(trust('203.0.113.7')).toEqual(['203.0.113.7']);
    expect(trust('1')).toBe(1);
    expect(trust('none')).toBe(false);
    for (const bad of ['0', '11', 'everyone', '10.0.0.0/33', '*', 'loopback;rm', '300.1.1.1', 'true']) {
      expect(trust(bad), bad).toEqual(
        expect.stringMatching(/^Configuration error: TRUST_PROXY must be loopback/),
      );
    }
  });

  it('when REGISTRATION is open or something else, then open is kept and anything else is refused by name', () => {
    const open = parseConfig({ REGISTRATION: 'open' });
    expect(open.ok && open.config.registration).toBe('open');
    const bad = parseConfig({ REGISTRATION: 'yes' });
    expect(bad).toEqual({
      ok: false,
      message: 'Configuration error: REGISTRATION must be invite or open (got "yes").',
    });
  });

  it('when PORT is not a number, then the one-line message names PORT', () => {
    const result = parseConfig({ PORT: 'abc' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Configuration error: PORT /);
      expect(result.message).toContain('"abc"');
      expect(result.message).not.toContain('\n');
    }
  });

  it('when PORT is out of range, then it is refused', () => {
    expect(parseConfig({ PORT: '70000' }).ok).toBe(false);
  });

  it('when DATABASE_URL names MySQL, then the message names DATABASE_URL and the supported kinds', () => {
    const result = parseConfig({ DATABASE_URL: 'mysql://root@localhost/db' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        /^Configuration error: DATABASE_URL must start with postgres:\/\/ .*sqlite:/,
      );
  });

  it('when PUBLIC_URL is not an http(s) address, then it is refused naming PUBLIC_URL', () => {
    const result = parseConfig({ PUBLIC_URL: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('PUBLIC_URL');
  });

  it('when NODE_ENV=production, then LTI_KEY is required and the sandbox is off by default', () => {
    expect(parseConfig({ NODE_ENV: 'production' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('LTI_KEY'),
    });
    const ok = parseConfig({ NODE_ENV: 'production', LTI_KEY: 'k'.repeat(40) });
    expect(ok).toMatchObject({ ok: true, config: { sandbox: false } });
  });

  it('when FRAME_ANCESTORS lists origins, then they are kept; anything else is refused naming it', () => {
    expect(
      parseConfig({
        FRAME_ANCESTORS: 'https://district.schoology.com, https://*.schoology.com  http://lms:8080',
      }),
    ).toMatchObject({
      ok: true,
      config: {
        frameAncestors: ['https://district.schoology.com', 'https://*.schoology.com', 'http://lms:8080'],
      },
    });
    for (const bad of [
      '*',
      "'none'",
      'https://lms.example.edu/path',
      'https://a.edu; script-src *',
      'lms.edu',
    ]) {
      expect(parseConfig({ FRAME_ANCESTORS: bad }), bad).toMatchObject({
        ok: false,
        message: expect.stringContaining('FRAME_ANCESTORS'),
      });
    }
  });

  it('when SANDBOX has a value that is not a flag, then it is refused', () => {
    expect(parseConfig({ SANDBOX: 'maybe' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('SANDBOX'),
    });
    expect(parseConfig({ SANDBOX: 'off' })).toMatchObject({ ok: true, config: { sandbox: false } });
  });

  it('when DEMO_SCHOOL is set, then the demo school is seeded only with the sandbox on, and a bad value is refused', () => {
    expect(parseConfig({ DEMO_SCHOOL: '1' })).toMatchObject({ ok: true, config: { demoSchool: true } });
    expect(parseConfig({ DEMO_SCHOOL: 'off' })).toMatchObject({ ok: true, config: { demoSchool: false } });
    expect(parseConfig({ DEMO_SCHOOL: '1', SANDBOX: 'false' })).toMatchObject({
      ok: true,
      config: { sandbox: false, demoSchool: false },
    });
    expect(parseConfig({ DEMO_SCHOOL: 'lots' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('DEMO_SCHOOL'),
    });
  });

  it('when LTI_KEY is short, then it says how to make a good one', () => {
    expect(parseConfig({ LTI_KEY: 'short' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('openssl rand'),
    });
  });

  it('when DATABASE_URL is PostgreSQL, then the pool gets the defaults or the DATABASE_* limits set', () => {
    const url = 'postgres://tm@db.example.org/tm';
    expect(parseConfig({ DATABASE_URL: url })).toMatchObject({
      ok: true,
      config: { database: { kind: 'postgres', pool: DEFAULT_POOL } },
    });
    expect(DEFAULT_POOL).toEqual({
      max: 10,
      connectionTimeoutMillis: 5_000,
      statementTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 60_000,
      randomPageCost: 1.1,
      pooler: 'none',
    });
    const set = parseConfig({
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '25',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
      DATABASE_RANDOM_PAGE_COST: '0',
      DATABASE_POOLER: 'pgbouncer',
    });
    expect(set).toMatchObject({
      ok: true,
      config: {
        database: {
          pool: {
            max: 25,
            connectionTimeoutMillis: 2000,
            statementTimeoutMs: 0,
            idleInTransactionTimeoutMs: 30000,
            randomPageCost: 0,
            pooler: 'pgbouncer',
          },
        },
      },
    });
  });

  it('when DATABASE_POOLER names no pooler the tool knows, then the message names the variable and the choices', () => {
    expect(parseConfig({ DATABASE_POOLER: 'pgpool' })).toEqual({
      ok: false,
      message: 'Configuration error: DATABASE_POOLER must be none or pgbouncer (got "pgpool").',
    });
  });

  it('when a pool limit is not a whole number or out of range, then the message names the variable', () => {
    expect(parseConfig({ DATABASE_POOL_SIZE: '0' })).toEqual({
      ok: false,
      message: 'Configuration error: DATABASE_POOL_SIZE must be between 1 and 1000 (got "0").',
    });
    expect(parseConfig({ DATABASE_RANDOM_PAGE_COST: 'fast' })).toEqual({
      ok: false,
      message:
        'Configuration error: DATABASE_RANDOM_PAGE_COST must be a number such as 1.1 (0 keeps the database\'s own setting) (got "fast").',
    });
    expect(parseConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '10s' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Configuration error: DATABASE_STATEMENT_TIMEOUT_MS must be a whole number/,
      ),
    });
  });

  it('when PUBLIC_URL has a trailing slash, then it is trimmed', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://tm.example.org/' })).toMatchObject({
      ok: true,
      config: { publicUrl: 'https://tm.example.org' },
    });
  });
});

describe('parseDatabaseUrl', () => {
  it('when given postgres:// with a schema, then it separates the schema from the connection string', () => {
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test?schema=tm_a')).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
      schema: 'tm_a',
    });
  });

  it('when the schema is not a plain identifier, then it is refused', () => {
    expect(parseDatabaseUrl('postgres://h/db?schema=a;drop')).toHaveProperty('error');
  });

  it('when given sqlite:, file: or a bare path, then it selects SQLite', () => {
    expect(parseDatabaseUrl('sqlite:./x.db')).toEqual({ kind: 'sqlite', file: './x.db' });
    expect(parseDatabaseUrl('file:///tmp/x.db')).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
    expect(parseDatabaseUrl('/var/lib/tm.db')).toEqual({ kind: 'sqlite', file: '/var/lib/tm.db' });
  });
});
