import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

/** What a statement ends with to be prepared once per connection on PostgreSQL. */
const MARK = '/* prepared */';

/**
 * Put at the end of a statement (`.modifyEnd(PREPARED)`) that runs on almost every request and whose best plan does not
 * depend on its parameters (lookups by a unique key; the week view's page, whose generic plan reads the same indexes at
 * 1k, 10k and 100k strategies). On PostgreSQL each connection then parses it once and, after a
 * few runs, stops planning it: the session lookup's four-table join took 0.4 ms to plan and 0.09 ms to run (issue
 * #20). A statement whose plan depends on its parameters (a search, whose matches may be five or five thousand) must
 * not carry it: a generic plan made searches twice as slow (docs/performance.md). SQLite ignores the comment (its
 * statements are kept compiled anyway: statement-cache.ts).
 */
export const PREPARED = sql.raw(MARK);

/** PostgreSQL's answer when a kept statement's columns changed under it (a migration altered a column's type). */
const planChanged = (error: unknown) =>
  (error as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/i.test(String(error));

const nameOf = (text: string, generation: number) =>
  `tm_${createHash('sha256').update(text).digest('hex').slice(0, 24)}_${generation}`;

/**
 * A pg client that sends statements marked with PREPARED by a name of their text, so the server keeps them. Through a
 * pooler in transaction mode this client must not be used: a statement prepared on one server connection is unknown
 * on the next (database.ts uses pg's own client there). If a migration changed the columns of a kept statement, the
 * statement is prepared again under a new name and run once more. Inside a transaction a marked statement is sent
 * like any other (unnamed), so that a refusal cannot abort the transaction.
 */
export class PreparingClient extends pg.Client {
  #generation = 0;
  /**
   * Whether the connection is outside a transaction block, as its last ReadyForQuery said. A marked statement runs by
   * name only then: inside a transaction a refused kept statement aborts the transaction, so it could not be run again.
   */
  #idle = true;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    (this as unknown as { connection: NodeJS.EventEmitter }).connection.on(
      'readyForQuery',
      (message: { status?: string }) => {
        this.#idle = message.status === 'I';
      },
    );
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this one forwards them all.
  override query(config: any, values?: any, callback?: any): any {
    if (
      typeof config === 'string' &&
      config.endsWith(MARK) &&
      this.#idle &&
      Array.isArray(values) &&
      callback === undefined
    )
      return this.#named(config, values);
    return super.query(config, values, callback);
  }

  async #named(text: string, values: unknown[]): Promise<pg.QueryResult> {
    try {
      return await super.query({ name: nameOf(text, this.#generation), text, values });
    } catch (error) {
      if (!planChanged(error)) throw error;
      this.#generation++;
      return await super.query({ name: nameOf(text, this.#generation), text, values });
    }
  }
}
