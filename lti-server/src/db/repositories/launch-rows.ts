import type { Kysely } from 'kysely';
import type { TenantSettings } from '../../../../shared/settings';
import type { Database } from '../schema';
import type { Network } from './networks';
import type { Person } from './people';
import { settingsFromRow } from './tenant-settings';
import type { Tenant, TenantKey } from './tenants';

export interface LaunchRows {
  /** Undefined until the deployment's first launch creates it. */
  tenant: Tenant | undefined;
  /** Defaults until a coach changes them. */
  settings: TenantSettings;
  /** The tenant's networks among the context ids asked for (at most one each). */
  networks: Network[];
  person: Person | undefined;
}

/**
 * Everything a launch reads before it decides what to write, in one round trip: whether an administrator registered
 * the deployment (undefined when not), its tenant, the coaches' settings, the networks the launch may land in and the
 * person by their LMS subject. The joins are all on the tenant of that deployment, so nothing of another tenant can
 * come back.
 */
export async function readLaunchRows(
  db: Kysely<Database>,
  key: TenantKey,
  contextIds: string[],
  subject: string,
): Promise<LaunchRows | undefined> {
  const rows = await db
    .selectFrom('platform_deployments as d')
    .leftJoin('tenants as t', (join) =>
      join
        .onRef('t.issuer', '=', 'd.issuer')
        .onRef('t.client_id', '=', 'd.client_id')
        .onRef('t.deployment_id', '=', 'd.deployment_id'),
    )
    .leftJoin('tenant_settings as s', 's.tenant_id', 't.id')
    .leftJoin('networks as n', (join) =>
      join.onRef('n.tenant_id', '=', 't.id').on('n.context_id', 'in', contextIds),
    )
    .leftJoin('people as p', (join) => join.onRef('p.tenant_id', '=', 't.id').on('p.subject', '=', subject))
    .select([
      't.id as t_id',
      't.school_name as t_school_name',
      't.issuer as t_issuer',
      't.client_id as t_client_id',
      't.deployment_id as t_deployment_id',
      't.name as t_name',
      't.created_at as t_created_at',
      's.network_scope as s_network_scope',
      's.coach_roles as s_coach_roles',
      's.school_day as s_school_day',
      'n.id as n_id',
      'n.context_id as n_context_id',
      'n.title as n_title',
      'n.scope as n_scope',
      'n.created_at as n_created_at',
      'n.updated_at as n_updated_at',
      'n.nrps_url as n_nrps_url',
      'p.id as p_id',
      'p.name as p_name',
      'p.role as p_role',
      'p.created_at as p_created_at',
      'p.last_seen_at as p_last_seen_at',
      'p.locale as p_locale',
      'p.time_zone as p_time_zone',
      'p.language as p_language',
    ])
    .where('d.issuer', '=', key.issuer)
    .where('d.client_id', '=', key.clientId)
    .where('d.deployment_id', '=', key.deploymentId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  if (
    first.t_id === null ||
    first.t_issuer === null ||
    first.t_client_id === null ||
    first.t_deployment_id === null ||
    first.t_name === null ||
    first.t_created_at === null
  )
    return { tenant: undefined, settings: settingsFromRow(undefined), networks: [], person: undefined };
  const tenant: Tenant = {
    id: first.t_id,
    issuer: first.t_issuer,
    clientId: first.t_client_id,
    deploymentId: first.t_deployment_id,
    name: first.t_name,
    schoolName: first.t_school_name,
    createdAt: first.t_created_at,
  };
  const settings = settingsFromRow(
    first.s_network_scope !== null && first.s_coach_roles !== null
      ? {
          network_scope: first.s_network_scope,
          coach_roles: first.s_coach_roles,
          school_day: first.s_school_day,
        }
      : undefined,
  );
  const networks: Network[] = [];
  for (const r of rows) {
    if (
      r.n_id === null ||
      r.n_context_id === null ||
      r.n_title === null ||
      r.n_scope === null ||
      r.n_created_at === null ||
      r.n_updated_at === null
    )
      continue;
    networks.push({
      id: r.n_id,
      tenantId: tenant.id,
      contextId: r.n_context_id,
      title: r.n_title,
      scope: r.n_scope,
      createdAt: r.n_created_at,
      updatedAt: r.n_updated_at,
      nrpsUrl: r.n_nrps_url,
    });
  }
  const person: Person | undefined =
    first.p_id !== null &&
    first.p_name !== null &&
    first.p_role !== null &&
    first.p_created_at !== null &&
    first.p_last_seen_at !== null
      ? {
          id: first.p_id,
          tenantId: tenant.id,
          subject,
          name: first.p_name,
          role: first.p_role,
          createdAt: first.p_created_at,
          lastSeenAt: first.p_last_seen_at,
          locale: first.p_locale,
          timeZone: first.p_time_zone,
          language: first.p_language,
        }
      : undefined;
  return { tenant, settings, networks, person };
}
