import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import express from 'express';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseUnavailableReason } from '../../../lti-server/src/db/unavailable';
import { renderDatabaseUnavailable } from '../../../lti-server/src/http/unavailable-page';
import { DatabaseUnavailableError, ValidationError } from '../../../shared/errors';

const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

function pgError(code: string, message: string): Error {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function sqliteError(open: () => unknown): Error {
  try {
    open();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected SQLite to fail');
}

describe('telling an unreachable database from other database errors', () => {
  it.each([
    [
      'a refused connection',
      socketError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.7:5432'),
      'connection refused',
    ],
    ['a reset connection', socketError('ECONNRESET', 'read ECONNRESET'), 'connection reset'],
    [
      'a server shutting down (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
      'server shutting down',
    ],
    [
      'a server starting up (57P03)',
      pgError('57P03', 'the database system is starting up'),
      'server not accepting connections yet',
    ],
    ['a connection exception (class 08)', pgError('08006', 'connection failure'), 'connection failure'],
    ['a dropped connection', new Error('Connection terminated unexpectedly'), 'connection terminated'],
    ['a connect timeout', new Error('timeout exceeded when trying to connect'), 'connection timed out'],
    [
      'a dead pooled client',
      new Error('Client has encountered a connection error and is not queryable'),
      'connection terminated',
    ],
    [
      'a locked SQLite file',
      new SqliteDatabase.SqliteError('database is locked', 'SQLITE_BUSY'),
      'database busy',
    ],
    [
      'a busy snapshot',
      new SqliteDatabase.SqliteError('database is locked', 'SQLITE_BUSY_SNAPSHOT'),
      'database busy',
    ],
    [
      'an SQLite file that cannot be opened',
      // A directory where the database file should be.
      sqliteError(() => new SqliteDatabase(tmpdir())),
      'database file cannot be opened',
    ],
  ])('when the error is %s, then it is unavailable (%s)', (_what, error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
  });

  it('when the refusal is wrapped (cause, AggregateError of several addresses), then it is still found', () => {
    const refused = socketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432');
    expect(databaseUnavailableReason(new Error('query failed', { cause: refused }))).toBe(
      'connection refused',
    );
    expect(databaseUnavailableReason(new AggregateError([refused, refused], ''))).toBe('connection refused');
  });

  it('when the error is about the query or the data, then it is not an outage', () => {
    const db = new SqliteDatabase(':memory:');
    db.exec('create table t (id integer primary key)');
    db.exec('insert into t values (1)');
    const duplicate = sqliteError(() => db.exec('insert into t values (1)'));
    expect((duplicate as { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/);
    for (const error of [
      duplicate,
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('42P01', 'relation "strategies" does not exist'),
      new ValidationError('errors.request.invalid'),
      new Error('something else'),
      'a string',
      undefined,
      null,
    ]) {
      expect(databaseUnavailableReason(error)).toBeUndefined();
    }
  });

  it('when it names the reason, then it never repeats the driver message (hosts, ports, users)', () => {
    const reason = databaseUnavailableReason(
      socketError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.7:5432'),
    );
    expect(reason).not.toMatch(/10\.0\.0\.7|5432/);
  });
});

describe('the page a person meets while the database is unreachable', () => {
  /** A one-route server answering with the outage page, as a launch or a login would meet it. */
  async function outagePage(acceptLanguage: string): Promise<{ status: number; html: string }> {
    const app = express();
    app.get('/', (req, res) => renderDatabaseUnavailable(req, res, new DatabaseUnavailableError()));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { 'accept-language': acceptLanguage },
      });
      return { status: res.status, html: await res.text() };
    } finally {
      server.close();
    }
  }

  it('when the browser reads Spanish, then the page, its reason and what to do are in Spanish', async () => {
    const { status, html } = await outagePage('es-419,es;q=0.9');
    expect(status).toBe(503);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1>Tasting Menu no está disponible por un momento</h1>');
    expect(html).toContain(
      'Tasting Menu no puede conectarse a su base de datos en este momento. Inténtalo de nuevo en un momento.',
    );
    expect(html).toContain('Vuelve a abrir Tasting Menu desde tu curso en un minuto.');
  });

  it('when the browser reads English, then the page is in English', async () => {
    const { html } = await outagePage('en-US');
    expect(html).toContain('<h1>Tasting Menu is briefly unavailable</h1>');
    expect(html).toContain('Open Tasting Menu from your course again in a minute.');
  });
});
