import type { Kysely } from 'kysely';
import { type Language, translator } from '../../../shared/i18n';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Principal } from './sessions';

/** Who is asking, as the use cases need it: every use case runs inside the asker's tenant scope and network. */
export interface Actor {
  scope: TenantScope;
  personId: string;
  networkId: string;
  role: 'teacher' | 'coach';
  /**
   * The asker's language (http/request-language.ts), for the few words the server writes into an answer's data
   * rather than into an error, such as the name said for someone who left the school. US English when not given.
   */
  language?: Language;
}

export function actorFor(
  principal: Principal,
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  language?: Language,
): Actor {
  return {
    scope: new TenantScope(db, principal.tenantId, dialect),
    personId: principal.personId,
    networkId: principal.networkId,
    role: principal.role,
    ...(language ? { language } : {}),
  };
}

/**
 * The name said for someone no longer in the school (a round's or a cycle's people), in the asker's language. Kept per
 * language: the catalogues do not change while the server runs, and i18next's lookup, called once per item of a page,
 * was an eighth of the week view's CPU under load.
 */
export function someoneWhoLeft(actor: Pick<Actor, 'language'>): string {
  const language = actor.language ?? 'en';
  let name = leftNames.get(language);
  if (name === undefined) {
    name = translator(language)('rounds.someone-who-left');
    leftNames.set(language, name);
  }
  return name;
}
const leftNames = new Map<Language, string>();

/**
 * Where a round's visitors go when the coach named no room: the host's classroom, stored in the words of the coach who
 * planned it (a location is data, written once, like a room the coach types).
 */
export function defaultLocation(actor: Pick<Actor, 'language'>, hostName: string): string {
  return translator(actor.language ?? 'en')('rounds.default-location', { name: hostName });
}

/**
 * Everyone's name in the asker's school (person id → name), and `left`, the name said for anyone no longer in it
 * (someoneWhoLeft).
 */
export class Names extends Map<string, string> {
  constructor(
    entries: Iterable<readonly [string, string]>,
    readonly left: string,
  ) {
    super(entries);
  }

  /** A person's name, or the one said for someone who left. */
  of(id: string): string {
    return this.get(id) ?? this.left;
  }
}
