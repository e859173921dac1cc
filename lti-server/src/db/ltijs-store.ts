import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * ltijs's database plugin interface, implemented on our own Kysely connection so ltijs's state, nonces,
 * platforms and keys live in the same SQLite or PostgreSQL database as everything else (ltijs-sequelize is
 * unmaintained). ltijs calls these methods with MongoDB-style equality queries on a small, known set of fields.
 */
type Query = Record<string, unknown>;
type Row = Record<string, unknown>;

interface Collection {
  table: keyof Database & `lti_${string}`;
  /** ltijs field name → column. Only these fields can appear in a query. */
  fields: Record<string, string>;
  /** The unique key ltijs replaces by (upsert target). */
  key: string[];
  /** Rows older than this are treated as absent and swept. */
  ttlSeconds?: number;
}

const COLLECTIONS: Record<string, Collection> = {
  platform: {
    table: 'lti_platform',
    fields: { platformUrl: 'platform_url', clientId: 'client_id', kid: 'kid' },
    key: ['platform_url', 'client_id'],
  },
  platformStatus: { table: 'lti_platform_status', fields: { id: 'status_id' }, key: ['status_id'] },
  publickey: {
    table: 'lti_publickey',
    fields: { kid: 'kid', platformUrl: 'platform_url', clientId: 'client_id' },
    key: ['platform_url', 'client_id'],
  },
  privatekey: {
    table: 'lti_privatekey',
    fields: { kid: 'kid', platformUrl: 'platform_url', clientId: 'client_id' },
    key: ['platform_url', 'client_id'],
  },
  accesstoken: {
    table: 'lti_accesstoken',
    fields: { platformUrl: 'platform_url', clientId: 'client_id', scopes: 'scopes' },
    key: ['platform_url', 'client_id', 'scopes'],
    ttlSeconds: 3600,
  },
  idtoken: {
    table: 'lti_idtoken',
    fields: { iss: 'iss', clientId: 'client_id', deploymentId: 'deployment_id', user: 'user_id' },
    key: ['iss', 'client_id', 'deployment_id', 'user_id'],
    ttlSeconds: 24 * 3600,
  },
  contexttoken: {
    table: 'lti_contexttoken',
    fields: { contextId: 'context_id', user: 'user_id' },
    key: ['context_id', 'user_id'],
    ttlSeconds: 24 * 3600,
  },
  // ltijs refuses id_tokens older than tokenMaxAge (10 s); nonces are kept far longer than that.
  nonce: { table: 'lti_nonce', fields: { nonce: 'nonce' }, key: ['nonce'], ttlSeconds: 600 },
  state: { table: 'lti_state', fields: { state: 'state' }, key: ['state'], ttlSeconds: 600 },
};

function collectionOf(name: string): Collection {
  const c = COLLECTIONS[name];
  if (!c) throw new Error(`LTI_STORE_UNKNOWN_COLLECTION: ${name}`);
  return c;
}

function columnsOf(c: Collection, values: Query): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const column = c.fields[field];
    if (column) out[column] = value;
  }
  return out;
}

function whereColumns(c: Collection, query: Query | undefined): Record<string, unknown> {
  if (!query) return {};
  for (const field of Object.keys(query)) {
    if (!c.fields[field]) throw new Error(`LTI_STORE_UNSUPPORTED_QUERY: ${field} on ${c.table}`);
  }
  return columnsOf(c, query);
}

function keyOf(secret: string): Buffer {
  return createHash('sha256').update(secret).digest().subarray(0, 32);
}

export class LtijsStore {
  #sweptAt = 0;
  #noncesElsewhere = false;

  /**
   * ltijs refuses a nonce it has seen before by reading it (`nonce` Get) and then writing it (Insert), two
   * statements a launch. A tool that checks every launch's nonce itself before ltijs verifies it, completely (the
   * nonce it issued with that login, used once, the use written durably: lti/launch-nonce.ts), turns them off here:
   * the Get finds nothing and the Insert writes nothing. ltijs's check would refuse nothing that check lets through.
   */
  leaveNoncesToTool(): void {
    this.#noncesElsewhere = true;
  }

  constructor(private readonly db: Kysely<Database>) {}

  /** ltijs calls this from deploy(); we never call deploy(), our composition root opens the database. */
  async setup(): Promise<boolean> {
    return true;
  }

  /** The connection belongs to the composition root, which closes it. */
  async Close(): Promise<boolean> {
    return true;
  }

  async Get(secret: string | false, name: string, query?: Query): Promise<Row[] | false> {
    const c = collectionOf(name);
    if (name === 'nonce' && this.#noncesElsewhere) return false;
    const where = whereColumns(c, query);
    const now = Date.now();
    let q = this.db.selectFrom(c.table).selectAll();
    for (const [column, value] of Object.entries(where)) {
      q = q.where(column as never, '=', value as never);
    }
    if (c.ttlSeconds) q = q.where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
    const rows = (await q.execute()) as unknown as Row[];
    if (rows.length === 0) return false;
    const result: Row[] = [];
    for (const row of rows) {
      const doc = JSON.parse(String(row.doc)) as Row;
      if (secret && typeof doc.iv === 'string' && typeof doc.data === 'string') {
        const item = JSON.parse(await this.Decrypt(doc.data, doc.iv, secret)) as Row;
        result.push({ ...item, createdAt: Number(row.created_at) });
      } else {
        result.push({ ...doc, createdAt: Number(row.created_at) });
      }
    }
    return result;
  }

  async Insert(secret: string | false, name: string, item: Row, index?: Query): Promise<boolean> {
    if (!item || (secret && !index)) throw new Error('MISSING_PARAMS');
    const c = collectionOf(name);
    if (!(name === 'nonce' && this.#noncesElsewhere)) {
      await this.db
        .insertInto(c.table)
        .values((await this.#row(c, secret, item, index)) as never)
        .execute();
    }
    await this.#sweep();
    return true;
  }

  async Replace(
    secret: string | false,
    name: string,
    query: Query,
    item: Row,
    index?: Query,
  ): Promise<boolean> {
    if (!item || (secret && !index)) throw new Error('MISSING_PARAMS');
    const c = collectionOf(name);
    const row = await this.#row(c, secret, { ...query, ...item }, index ? { ...query, ...index } : undefined);
    const keyColumns = Object.keys(whereColumns(c, query));
    if (keyColumns.sort().join() !== [...c.key].sort().join()) {
      throw new Error(`LTI_STORE_UNSUPPORTED_REPLACE: ${keyColumns.join()} on ${c.table}`);
    }
    const updates = Object.fromEntries(Object.entries(row).filter(([column]) => !c.key.includes(column)));
    await this.db
      .insertInto(c.table)
      .values(row as never)
      .onConflict((oc) => oc.columns(c.key as never).doUpdateSet(updates as never))
      .execute();
    return true;
  }

  async Modify(secret: string | false, name: string, query: Query, modification: Row): Promise<boolean> {
    if (!query || !modification) throw new Error('MISSING_PARAMS');
    const c = collectionOf(name);
    const existing = await this.Get(secret, name, query);
    if (!existing) return true;
    for (const current of existing) {
      const { createdAt: _createdAt, ...item } = current;
      const next = { ...item, ...modification };
      const rawIndex = secret
        ? { ...columnsToFields(c, current), ...pick(modification, Object.keys(c.fields)) }
        : undefined;
      const row = await this.#row(c, secret, next, rawIndex);
      let u = this.db.updateTable(c.table).set({ ...row, created_at: undefined } as never);
      for (const [column, value] of Object.entries(whereColumns(c, query))) {
        u = u.where(column as never, '=', value as never);
      }
      await u.execute();
    }
    return true;
  }

  async Delete(name: string, query: Query): Promise<boolean> {
    if (!query) throw new Error('MISSING_PARAMS');
    const c = collectionOf(name);
    // ltijs deletes a used state without waiting (three places in Provider.js): a rejection there would be unhandled
    // and end the process. A state left behind is harmless (its cookie is cleared, the row expires in ten minutes).
    if (name === 'state') return this.#delete(c, query).catch(() => false);
    return this.#delete(c, query);
  }

  async #delete(c: Collection, query: Query): Promise<boolean> {
    let d = this.db.deleteFrom(c.table);
    for (const [column, value] of Object.entries(whereColumns(c, query))) {
      d = d.where(column as never, '=', value as never);
    }
    await d.execute();
    return true;
  }

  async Encrypt(data: string, secret: string): Promise<{ iv: string; data: string }> {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', keyOf(secret), iv);
    const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
    return { iv: iv.toString('hex'), data: encrypted.toString('hex') };
  }

  async Decrypt(data: string, iv: string, secret: string): Promise<string> {
    const decipher = createDecipheriv('aes-256-cbc', keyOf(secret), Buffer.from(iv, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'hex')), decipher.final()]).toString();
  }

  async #row(c: Collection, secret: string | false, item: Row, index: Query | undefined): Promise<Row> {
    const now = Date.now();
    const doc = secret ? await this.Encrypt(JSON.stringify(item), secret) : item;
    return {
      ...columnsOf(c, secret ? (index ?? {}) : item),
      doc: JSON.stringify(doc),
      created_at: now,
      expires_at: c.ttlSeconds ? now + c.ttlSeconds * 1000 : null,
    };
  }

  /** Removes expired rows now and then, so nonces and states do not accumulate. */
  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const c of Object.values(COLLECTIONS)) {
      if (c.ttlSeconds) await this.db.deleteFrom(c.table).where('expires_at', '<', now).execute();
    }
  }
}

function pick(values: Row, keys: string[]): Row {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.includes(k)));
}

function columnsToFields(c: Collection, row: Row): Query {
  return pick(row, Object.keys(c.fields));
}
