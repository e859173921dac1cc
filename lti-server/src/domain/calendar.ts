import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../../shared/errors';
import { type Language, resolveLanguage, type Translate, translator } from '../../../shared/i18n';
import { buildCalendar, type IcsEvent } from '../../../shared/ics';
import type { CalendarFeed } from '../../../shared/visits';
import { findLiveFeed, liveFeedOf, replaceFeed, revokeFeeds } from '../db/repositories/calendar-feeds';
import { type DoorDetail, hostedDoors } from '../db/repositories/doors';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { getDoor } from './doors';
import { hashToken } from './sessions';
import { briefingText } from './round-briefing';
import { getVisit, myVisits, RECENT_DAYS, type VisitView } from './visits';

const UID_DOMAIN = 'tasting-menu';

// Calendar texts are in the person's interface language (shared/i18n, keys `ics.*`).
function what(door: DoorDetail, t: Translate): string {
  return door.strategyTitle ?? t('ics.round-visit');
}

/** A round's briefing as a calendar event carries it: its text, and when its words last changed. */
type BriefingNote = { text: string; updatedAt: string } | null | undefined;

function visitEvent({ row, door }: VisitView, t: Translate, briefing?: BriefingNote): IcsEvent {
  const d = door.row;
  const cancelled = row.status === 'cancelled' || d.status === 'cancelled';
  return {
    uid: `visit-${row.id}@${UID_DOMAIN}`,
    // The door's changes (a host cancelling) and the visitor's own both raise the event's sequence.
    sequence: row.sequence + d.sequence,
    start: d.startsAt,
    end: d.endsAt,
    stamp: latest([row.updatedAt, d.updatedAt, briefing?.updatedAt]),
    summary: t(cancelled ? 'ics.visit.canceled' : 'ics.visit', { what: what(d, t), host: d.hostName }),
    description: [
      d.lookFor ? t('ics.look-for', { text: d.lookFor }) : '',
      d.visitorNote ? t('ics.from-host', { text: d.visitorNote }) : '',
      t('ics.notes-rule'),
      briefing?.text ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
    location: d.location,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

function hostEvent(d: DoorDetail, t: Translate, briefing?: BriefingNote): IcsEvent {
  const cancelled = d.status === 'cancelled';
  return {
    uid: `door-${d.id}@${UID_DOMAIN}`,
    sequence: d.sequence,
    start: d.startsAt,
    end: d.endsAt,
    stamp: latest([d.updatedAt, briefing?.updatedAt]),
    summary: t(cancelled ? 'ics.door.canceled' : 'ics.door', { what: what(d, t) }),
    description: [
      t('ics.seats', { booked: d.booked, capacity: d.capacity }),
      d.lookFor ? t('ics.look-for', { text: d.lookFor }) : '',
      briefing?.text ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
    location: d.location,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

const latest = (stamps: Array<string | undefined>): string =>
  stamps
    .filter((s): s is string => Boolean(s))
    .sort()
    .at(-1)!;

/** The briefing of each round among `roundIds` that the person is in (one read per round, not per event). */
async function briefingsOf(actor: Actor, roundIds: Array<string | null>, now: Date, language: Language) {
  const ids = [...new Set(roundIds.filter((id): id is string => id !== null))];
  const texts = await Promise.all(ids.map((id) => briefingText(actor, id, now, language)));
  return new Map(ids.map((id, i) => [id, texts[i]]));
}

/** One visit as an .ics file (a download for the visitor's own calendar). */
export async function visitCalendar(actor: Actor, id: string, language: Language = 'en'): Promise<string> {
  const t = translator(language);
  const visit = await getVisit(actor, id);
  const briefings = await briefingsOf(actor, [visit.door.row.roundId], new Date(), language);
  return buildCalendar([visitEvent(visit, t, briefings.get(visit.door.row.roundId ?? ''))], {
    name: t('ics.name.visit'),
  });
}

/** One of the host's open doors as an .ics file. */
export async function doorCalendar(actor: Actor, id: string, language: Language = 'en'): Promise<string> {
  const door = await getDoor(actor, id);
  if (door.row.hostId !== actor.personId) throw new NotFoundError('errors.not-found.door');
  const t = translator(language);
  const briefings = await briefingsOf(actor, [door.row.roundId], new Date(), language);
  return buildCalendar([hostEvent(door.row, t, briefings.get(door.row.roundId ?? ''))], {
    name: t('ics.name.door'),
  });
}

export async function feedStatus(actor: Actor): Promise<CalendarFeed> {
  const live = await liveFeedOf(actor.scope, actor.personId);
  return { active: Boolean(live), url: null, createdAt: live?.createdAt ?? null };
}

/** Makes a new secret feed URL (the old one stops working). The URL is shown once; only its hash is kept. */
export async function createFeed(actor: Actor, publicUrl: string, now: Date): Promise<CalendarFeed> {
  const token = randomBytes(32).toString('base64url');
  const stamp = now.toISOString();
  await replaceFeed(actor.scope, actor.personId, hashToken(token), stamp);
  return { active: true, url: `${publicUrl.replace(/\/$/, '')}/calendar/${token}.ics`, createdAt: stamp };
}

export async function revokeFeed(actor: Actor, now: Date): Promise<void> {
  await revokeFeeds(actor.scope, actor.personId, now.toISOString());
}

/** The feed behind a secret URL: the person's visits and open doors from the last month on, cancellations included. */
export async function feedCalendar(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  token: string,
  now: Date,
): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError('errors.not-found.calendar');
  const feed = await findLiveFeed(db, hashToken(token));
  if (!feed) throw new NotFoundError('errors.not-found.calendar');
  const actor: Actor = {
    scope: new TenantScope(db, feed.tenantId, dialect),
    personId: feed.personId,
    networkId: '',
    role: feed.role,
  };
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const visits = await myVisits(actor, now);
  const hosted = await hostedDoors(actor.scope, actor.personId, since);
  // Calendar apps send no language of the person's: their choice, else their LMS's locale.
  const { language } = resolveLanguage([feed.language, feed.locale]);
  const t = translator(language);
  // A round's events carry its briefing, so participants read it before the round in their own calendar too.
  const briefings = await briefingsOf(
    actor,
    [...visits.map((v) => v.door.row.roundId), ...hosted.map((d) => d.roundId)],
    now,
    language,
  );
  const of = (roundId: string | null) => (roundId ? briefings.get(roundId) : undefined);
  return buildCalendar(
    [
      ...visits.map((v) => visitEvent(v, t, of(v.door.row.roundId))),
      ...hosted.map((d) => hostEvent(d, t, of(d.roundId))),
    ],
    { name: t('ics.name.feed') },
  );
}
