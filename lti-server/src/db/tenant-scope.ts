import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  sql,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import { PREPARED } from './prepared-statements';
import type { Database } from './schema';

/** Tables whose rows belong to one tenant (each has a `tenant_id` column). */
export type TenantTable = {
  [K in keyof Database]: Database[K] extends { tenant_id: string } ? K : never;
}[keyof Database];

// biome-ignore lint/complexity/noBannedTypes: Kysely's own type for "nothing selected yet".
type Empty = {};

/**
 * The one mechanism that scopes data to a tenant. Repositories of tenant-owned data receive a `TenantScope`, never
 * the raw database: every read, update and delete it builds is already filtered by `tenant_id`, and every insert
 * gets the tenant's id. A repository cannot forget the filter because it never writes it.
 */
export class TenantScope {
  /**
   * Which database handle (one per server instance) this scope reads through, the same inside its transactions: the
   * identity that keys what an instance keeps in memory, such as a kept picture. Opaque: it gives no access to data.
   */
  readonly instance: object;

  constructor(
    private readonly db: Kysely<Database>,
    readonly tenantId: string,
    readonly dialect: 'sqlite' | 'postgres',
    instance?: object,
  ) {
    this.instance = instance ?? db;
  }

  #owned(table: string) {
    return sql<boolean>`${sql.ref(`${table}.tenant_id`)} = ${this.tenantId}`;
  }

  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, Empty> {
    const qb = this.db.selectFrom(table) as unknown as SelectQueryBuilder<Database, TenantTable, Empty>;
    return qb.where(this.#owned(table)) as unknown as SelectQueryBuilder<Database, T, Empty>;
  }

  insertInto<T extends TenantTable>(
    table: T,
    values: Omit<Insertable<Database[T]>, 'tenant_id'> | Array<Omit<Insertable<Database[T]>, 'tenant_id'>>,
  ) {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, tenant_id: this.tenantId }));
    return this.db.insertInto(table).values(rows as never);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const qb = this.db.updateTable(table) as unknown as UpdateQueryBuilder<
      Database,
      TenantTable,
      TenantTable,
      UpdateResult
    >;
    return qb.where(this.#owned(table)) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const qb = this.db.deleteFrom(table) as unknown as DeleteQueryBuilder<
      Database,
      TenantTable,
      DeleteResult
    >;
    return qb.where(this.#owned(table)) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
  }

  /**
   * Evaluates an expression that names no table itself (e.g. normalising a text-search query, or counting the rows of
   * a subquery built from this scope's own `selectFrom`, so already filtered by tenant). `prepared`: the statement's
   * best plan does not depend on its values, so PostgreSQL may keep it per connection (prepared-statements.ts).
   */
  async evaluate<T>(expression: RawBuilder<T>, options?: { prepared?: boolean }): Promise<T> {
    const row = await this.db
      .selectNoFrom(expression.as('value'))
      .$if(options?.prepared === true, (q) => q.modifyEnd(PREPARED))
      .executeTakeFirstOrThrow();
    return row.value as T;
  }

  /** Runs `work` in one transaction with a scope bound to it. */
  transaction<R>(work: (scope: TenantScope) => Promise<R>): Promise<R> {
    return this.db
      .transaction()
      .execute((trx: Transaction<Database>) =>
        work(new TenantScope(trx, this.tenantId, this.dialect, this.instance)),
      );
  }
}
