import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../../../lti-server/src/db/statement-cache';

/** A real in-memory SQLite database whose compiles are counted. */
function countedDatabase() {
  const sqlite = new SqliteDatabase(':memory:');
  const compiled: string[] = [];
  const counted = {
    prepare(sql: string) {
      compiled.push(sql);
      return sqlite.prepare(sql);
    },
    close: () => sqlite.close(),
  };
  return { sqlite, compiled, counted };
}

describe('the SQLite statement cache', () => {
  it('when the same SQL is run again, then it is compiled once and answers each time with its own parameters', () => {
    const { sqlite, compiled, counted } = countedDatabase();
    sqlite.exec('create table t (id integer, name text)');
    sqlite.exec("insert into t values (1, 'one'), (2, 'two')");
    const db = cachingStatements(counted);
    const byId = 'select name from t where id = ?';
    expect(db.prepare(byId).all([1])).toEqual([{ name: 'one' }]);
    expect(db.prepare(byId).all([2])).toEqual([{ name: 'two' }]);
    expect(db.prepare('insert into t values (?, ?)').run([3, 'three']).changes).toBe(1);
    expect(db.prepare(byId).all([3])).toEqual([{ name: 'three' }]);
    expect(compiled).toEqual([byId, 'insert into t values (?, ?)']);
    db.close();
  });

  it('when a kept statement is still being iterated, then a query with the same SQL gets a statement of its own', () => {
    const { sqlite, compiled, counted } = countedDatabase();
    sqlite.exec('create table t (id integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
    const db = cachingStatements(counted);
    const all = 'select id from t order by id';
    const reading = db.prepare(all).iterate([]);
    expect(reading.next().value).toEqual({ id: 1 });
    // better-sqlite3 refuses a second query on a statement that is iterating ("busy"): this one must be another.
    expect(db.prepare(all).all([])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect([...reading]).toEqual([{ id: 2 }, { id: 3 }]);
    expect(compiled).toEqual([all, all]);
    // Once the iteration is over, the kept statement is reused again.
    expect(db.prepare(all).all([])).toHaveLength(3);
    expect(compiled).toHaveLength(2);
    db.close();
  });

  it('when the table changes under a kept statement (a migration), then it reads the new schema', () => {
    const { sqlite, counted } = countedDatabase();
    sqlite.exec('create table t (a integer)');
    const db = cachingStatements(counted);
    expect(db.prepare('select * from t').all([])).toEqual([]);
    sqlite.exec('alter table t add column b text');
    sqlite.exec("insert into t values (1, 'x')");
    expect(db.prepare('select * from t').all([])).toEqual([{ a: 1, b: 'x' }]);
    db.close();
  });

  it('when more distinct statements are run than it keeps, then the least recently used one is compiled again', () => {
    const { compiled, counted } = countedDatabase();
    const db = cachingStatements(counted, 2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1'); // now "select 2" is the least recently used
    db.prepare('select 3'); // drops "select 2"
    db.prepare('select 1');
    db.prepare('select 3');
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3']);
    db.prepare('select 2');
    expect(compiled).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
    db.close();
  });
});
