import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * What the layers above the domain know of the database: a handle they pass along to the use cases, and whether an
 * error means the database is unavailable. Tables and rows stay in db/.
 */
export type Db = Kysely<Database>;
export type { DatabaseHandle } from '../db/database';
export { databaseUnavailableReason } from '../db/unavailable';
