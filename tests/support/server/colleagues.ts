import { randomBytes } from 'node:crypto';
import { upsertPerson } from '../../../lti-server/src/db/repositories/people';
import { createSession, hashToken } from '../../../lti-server/src/domain/sessions';
import { type ApiClient, apiClient } from './api-client';
import type { TestServer } from './test-server';

/**
 * More teachers in the same school and network as `someone`, each with a session, for tests that need more people
 * than the sandbox LMS has (a full round, a hundred visitors racing for seats). They are made the way a launch
 * makes them (a person row and a session), without the LMS round trip.
 */
export async function colleaguesOf(
  server: TestServer,
  someone: ApiClient,
  count: number,
  prefix = 'Teacher',
): Promise<ApiClient[]> {
  const db = server.database.db;
  const session = await db
    .selectFrom('sessions')
    .select(['tenant_id', 'network_id'])
    .where('token_hash', '=', hashToken(someone.token))
    .executeTakeFirstOrThrow();
  const now = new Date();
  const run = randomBytes(4).toString('hex');
  const clients: ApiClient[] = [];
  for (let i = 1; i <= count; i++) {
    const person = await upsertPerson(
      db,
      session.tenant_id,
      `extra-${run}-${i}`,
      `${prefix} ${i}`,
      'teacher',
      now.toISOString(),
    );
    const { token } = await createSession(
      db,
      { tenantId: session.tenant_id, personId: person.id, networkId: session.network_id },
      now,
    );
    clients.push(apiClient(server, token));
  }
  return clients;
}

/** A local date `days` from today, as 'YYYY-MM-DD' (tests open doors in the future whatever day they run). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
