import type { Kysely } from 'kysely';
import { z } from 'zod';
import { decodeJson, encodeJson } from '../json-column';
import type { Database, DeepLinkRequestTable } from '../schema';

/** An open deep-linking request from the LMS editor, kept until it is answered or expires. */
export interface StoredDeepLinkRequest {
  id: string;
  tenantId: string;
  personId: string;
  returnUrl: string;
  /** Content item types the platform accepts. */
  acceptTypes: string[];
  acceptMultiple: boolean;
  data: string | null;
  createdAt: string;
  expiresAt: string;
}

const AcceptTypesSchema = z.array(z.string());

const toDeepLinkRequest = (row: DeepLinkRequestTable): StoredDeepLinkRequest => ({
  id: row.id,
  tenantId: row.tenant_id,
  personId: row.person_id,
  returnUrl: row.return_url,
  acceptTypes: decodeJson(AcceptTypesSchema, row.accept_types, 'deep-linking request'),
  acceptMultiple: row.accept_multiple === 1,
  data: row.data,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export async function insertDeepLinkRequest(
  db: Kysely<Database>,
  request: StoredDeepLinkRequest,
): Promise<void> {
  await db
    .insertInto('deep_link_requests')
    .values({
      id: request.id,
      tenant_id: request.tenantId,
      person_id: request.personId,
      return_url: request.returnUrl,
      accept_types: encodeJson(request.acceptTypes),
      accept_multiple: request.acceptMultiple ? 1 : 0,
      data: request.data,
      created_at: request.createdAt,
      expires_at: request.expiresAt,
    })
    .execute();
}

/** The request, only for the person (and tenant) it was opened for. */
export async function findDeepLinkRequest(
  db: Kysely<Database>,
  owner: { tenantId: string; personId: string },
  id: string,
): Promise<StoredDeepLinkRequest | undefined> {
  const row = await db
    .selectFrom('deep_link_requests')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', owner.tenantId)
    .where('person_id', '=', owner.personId)
    .executeTakeFirst();
  return row && toDeepLinkRequest(row);
}

export async function deleteDeepLinkRequest(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('deep_link_requests').where('id', '=', id).execute();
}
