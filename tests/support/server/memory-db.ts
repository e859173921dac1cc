import { afterEach, beforeEach } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../lti-server/src/db/database';

/**
 * A fresh, migrated in-memory SQLite database for each test: the domain functions on real tables and real
 * repositories, without a server, a port or a file. What differs between SQLite and PostgreSQL stays with the
 * integration tests, which run on both.
 */
export function useMemoryDb(): { readonly handle: DatabaseHandle } {
  let current: DatabaseHandle | undefined;
  beforeEach(async () => {
    current = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await current.migrate();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get handle() {
      if (!current) throw new Error('the in-memory database is open only inside a test');
      return current;
    },
  };
}
