import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Principal } from './sessions';

/** Who is asking, as the use cases need it: every use case runs inside the asker's tenant scope and network. */
export interface Actor {
  scope: TenantScope;
  personId: string;
  networkId: string;
  role: 'teacher' | 'coach';
}

export function actorFor(principal: Principal, db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Actor {
  return {
    scope: new TenantScope(db, principal.tenantId, dialect),
    personId: principal.personId,
    networkId: principal.networkId,
    role: principal.role,
  };
}
