import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from '../schema';
import * as core from './0001-core';
import * as strategies from './0002-strategies';
import * as tenantSettings from './0003-tenant-settings';
import * as extensionPairing from './0004-extension-pairing';
import * as namesAndRoles from './0005-names-and-roles';
import * as deepLinking from './0006-deep-linking';
import * as retiredToolKeys from './0007-retired-tool-keys';
import * as visits from './0008-visits';
import * as searchSpeed from './0009-search-speed';
import * as notes from './0010-notes';
import * as platformStorage from './0011-platform-storage';
import * as debrief from './0012-debrief';
import * as searchWords from './0013-search-words';
import * as launchNonces from './0014-launch-nonces';
import * as registrationInvites from './0015-registration-invites';
import * as coachRoles from './0016-coach-roles';
import * as roundStartOccurrence from './0017-round-start-occurrence';
import * as frameOrigins from './0018-frame-origins';
import * as learnedDeployments from './0019-learned-deployments';
import * as rateLimits from './0020-rate-limits';
import * as browseOrder from './0021-browse-order';
import * as pictureAggregates from './0022-picture-aggregates';
import * as forgivingSearch from './0024-forgiving-search';
import * as schoolDay from './0025-school-day';
import * as doorWeekOrder from './0026-door-week-order';
import * as roomLinks from './0028-room-links';
import * as roundNotices from './0029-round-notices';
import * as visitDialogue from './0030-visit-dialogue';
import * as gradesAndCancelReasons from './0031-grades-and-cancel-reasons';
import * as roundBriefing from './0032-round-briefing';
import * as cycles from './0033-cycles';
import * as roundPicture from './0034-round-picture';
import * as roundHosts from './0035-round-hosts';
import * as roomOffline from './0036-room-offline';
import * as spellingLookups from './0037-spelling-lookups';
import * as interfaceLanguage from './0038-interface-language';
import * as districtNetworks from './0039-district-networks';
import * as myVisitsOrder from './0040-my-visits-order';
import * as schoolNames from './0041-school-names';
import * as pictureVersion from './0042-picture-version';
import * as roomLinkSessions from './0043-room-link-sessions';
import * as searchWordCounts from './0044-search-word-counts';
import * as searchScope from './0045-search-scope';
import type { Dialect } from './dialect';

export type { Dialect } from './dialect';

/** A migration file's one export: Kysely's `up`, told which database it runs on (most ignore it). */
type Up = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

/**
 * One migration history for SQLite and PostgreSQL, one file each, listed here in run order (listed, not read from
 * the folder: the server also runs bundled). Columns use portable types only (text, integer, bigint), so the same
 * statements run on both. The names are recorded in every database: never rename one. Migrations are never edited
 * once released: add a new file and its line at the end.
 */
const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: { up: Up }]> = [
  ['0001-core', core],
  ['0002-strategies', strategies],
  ['0003-tenant-settings', tenantSettings],
  ['0004-extension-pairing', extensionPairing],
  ['0005-names-and-roles', namesAndRoles],
  ['0006-deep-linking', deepLinking],
  ['0007-retired-tool-keys', retiredToolKeys],
  ['0008-visits', visits],
  ['0009-search-speed', searchSpeed],
  ['0010-notes', notes],
  ['0011-platform-storage', platformStorage],
  ['0012-debrief', debrief],
  ['0013-search-words', searchWords],
  ['0014-launch-nonces', launchNonces],
  ['0015-registration-invites', registrationInvites],
  ['0016-coach-roles', coachRoles],
  ['0017-round-start-occurrence', roundStartOccurrence],
  ['0018-frame-origins', frameOrigins],
  ['0019-learned-deployments', learnedDeployments],
  ['0020-rate-limits', rateLimits],
  ['0021-browse-order', browseOrder],
  ['0022-picture-aggregates', pictureAggregates],
  ['0024-forgiving-search', forgivingSearch],
  ['0025-school-day', schoolDay],
  ['0026-door-week-order', doorWeekOrder],
  ['0028-room-links', roomLinks],
  ['0029-round-notices', roundNotices],
  ['0030-visit-dialogue', visitDialogue],
  ['0031-grades-and-cancel-reasons', gradesAndCancelReasons],
  ['0032-round-briefing', roundBriefing],
  ['0033-cycles', cycles],
  ['0034-round-picture', roundPicture],
  ['0035-round-hosts', roundHosts],
  ['0036-room-offline', roomOffline],
  ['0037-spelling-lookups', spellingLookups],
  ['0038-interface-language', interfaceLanguage],
  ['0039-district-networks', districtNetworks],
  ['0040-my-visits-order', myVisitsOrder],
  ['0041-school-names', schoolNames],
  ['0042-picture-version', pictureVersion],
  ['0043-room-link-sessions', roomLinkSessions],
  ['0044-search-word-counts', searchWordCounts],
  ['0045-search-scope', searchScope],
];

const migrationsFor = (dialect: Dialect): Record<string, Migration> =>
  Object.fromEntries(
    MIGRATIONS.map(([name, { up }]) => [
      name,
      {
        up: (db: Kysely<unknown>) => up(db, dialect),
        async down() {
          throw new Error('Migrations are forward-only.');
        },
      },
    ]),
  );

/** Every migration's name, in order. */
export function migrationNames(): string[] {
  return MIGRATIONS.map(([name]) => name);
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations = migrationsFor(this.dialect);
    if (this.dialect !== 'postgres') return migrations;
    // Kysely runs PostgreSQL's migrations in one transaction: each lifts the statement timeouts for the rest of it
    // (SET LOCAL holds through a pooler in transaction mode too, where settings asked for at connect time cannot).
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        {
          ...m,
          async up(db: Kysely<unknown>) {
            await sql`set local statement_timeout = 0`.execute(db);
            await sql`set local idle_in_transaction_session_timeout = 0`.execute(db);
            await m.up(db);
          },
        },
      ]),
    );
  }
}

/**
 * Brings the schema up to date, or up to the migration named `upTo` (tests of a migration over existing rows). Kysely's
 * migrator takes a lock, so two instances starting together are safe.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  schema?: string,
  upTo?: string,
): Promise<string[]> {
  // On PostgreSQL the schema must be named: Kysely otherwise finds its tables in any schema of the database.
  const migrator = new Migrator({
    db,
    provider: new InCodeProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
