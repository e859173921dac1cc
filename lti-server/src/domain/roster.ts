import type { Kysely } from 'kysely';
import { mapRoles } from '../../../shared/lti';
import type { Roster } from '../../../shared/roster';
import { findNetwork } from '../db/repositories/networks';
import { upsertRosterPerson } from '../db/repositories/people';
import { findTenantById } from '../db/repositories/tenants';
import type { Database } from '../db/schema';
import type { Actor } from './actor';
import { settingsOf } from './settings';

export interface MemberSource {
  courseMembers(
    platform: { issuer: string; clientId: string },
    membershipsUrl: string,
  ): Promise<
    Array<{
      user_id: string;
      status?: string;
      name?: string;
      given_name?: string;
      family_name?: string;
      roles: string[];
    }>
  >;
}

/** Rosters are cached for ten minutes per network (a cache in this process: any instance can rebuild it). */
export const ROSTER_TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; roster: Roster }>();

/** The course's colleagues (teachers and coaches), read from the LMS; students are filtered out before anything is kept. */
export async function courseColleagues(
  actor: Actor,
  db: Kysely<Database>,
  lms: MemberSource,
  now = Date.now(),
): Promise<Roster> {
  const cached = cache.get(actor.networkId);
  if (cached && now - cached.at < ROSTER_TTL_MS) return cached.roster;
  const network = await findNetwork(db, actor.scope.tenantId, actor.networkId);
  const tenant = await findTenantById(db, actor.scope.tenantId);
  if (!network?.nrpsUrl || !tenant) {
    return {
      available: false,
      message:
        network?.scope === 'deployment'
          ? 'The school-wide menu spans several courses, so there is no single course roster.'
          : 'Your LMS did not offer its course roster (Names and Roles) with this launch.',
      colleagues: [],
    };
  }
  const settings = await settingsOf(actor.scope);
  const members = await lms.courseMembers(
    { issuer: tenant.issuer, clientId: tenant.clientId },
    network.nrpsUrl,
  );
  const colleagues: Roster['colleagues'] = [];
  const seen = new Date(now).toISOString();
  for (const m of members) {
    if (m.status && m.status !== 'Active') continue;
    const role = mapRoles(m.roles, settings.coachRoles);
    if (role === 'refused') continue;
    const name = m.name ?? [m.given_name, m.family_name].filter(Boolean).join(' ');
    if (!name) continue;
    // Staff on the roster become people a coach can put in a round before they have opened the tool. Someone who has
    // launched keeps the role their launch gave them (a coach by the coach claim looks like a teacher here).
    const person = await upsertRosterPerson(db, tenant.id, m.user_id, name, role, seen);
    colleagues.push({ name, role: person.role });
  }
  colleagues.sort((a, b) => a.name.localeCompare(b.name));
  const roster: Roster = { available: true, colleagues };
  cache.set(actor.networkId, { at: now, roster });
  return roster;
}
