import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

type Method = (...args: unknown[]) => unknown;

/** better-sqlite3's Statement prototype (the class is not exported): the one every prepared statement shares. */
function sqliteStatementPrototype(): Record<string, Method> {
  const probe = new SqliteDatabase(':memory:');
  try {
    return Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Method>;
  } finally {
    probe.close();
  }
}

/**
 * The SQL of every statement this process sends to a database while `run` runs, in order: each execution of a
 * better-sqlite3 statement (SQLite; a statement kept and run again counts again) and each query a pg client sends
 * (PostgreSQL: one round trip each). The drivers' methods are wrapped only for the duration and call through, so the
 * in-process server and its database answer as usual. Use it while nothing else in the process talks to a database.
 */
export async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const restores: Array<() => void> = [];
  const wrap = (
    target: Record<string, Method>,
    name: string,
    sqlOf: (self: unknown, args: unknown[]) => string,
  ) => {
    const original = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]) {
      sent.push(sqlOf(this, args));
      return original.apply(this, args);
    };
    restores.push(() => {
      target[name] = original;
    });
  };
  const statement = sqliteStatementPrototype();
  for (const name of ['all', 'get', 'run', 'iterate'])
    wrap(statement, name, (self) => (self as { source: string }).source);
  wrap(pg.Client.prototype as unknown as Record<string, Method>, 'query', (_self, [query]) =>
    typeof query === 'string' ? query : String((query as { text?: unknown }).text),
  );
  try {
    await run();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  return sent;
}
