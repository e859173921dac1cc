import type { Kysely } from 'kysely';
import { DEFAULT_TENANT_SETTINGS } from '../../../shared/settings';
import { addDays, utcToZoned, zonedToUtc } from '../../../shared/zoned-time';
import { upsertNetwork } from '../db/repositories/networks';
import { upsertPerson } from '../db/repositories/people';
import { hasSavedSettings } from '../db/repositories/tenant-settings';
import {
  deleteTenant,
  findTenantByKey,
  setSchoolName,
  type TenantKey,
  upsertTenant,
} from '../db/repositories/tenants';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { addCard, addPattern, groupCard, updateDebriefPhase } from './debrief';
import {
  DEMO_NOW_DOORS,
  DEMO_PAST_VISITS,
  DEMO_ROUND,
  DEMO_STRATEGIES,
  DEMO_TRIES,
  DEMO_WEEK_DOORS,
  type DemoPerson,
} from './demo-school-data';
import { openDoors } from './doors';
import { writeNote } from './notes';
import { createRound, publishRound } from './rounds';
import { updateSettings } from './settings';
import { createStrategy, curateStrategy, recordTry } from './strategies';
import { bookVisit, myVisits } from './visits';

/** Someone on the demo school's staff, as its LMS knows them (the subject is the LMS's user id). */
export interface DemoStaffMember {
  subject: string;
  name: string;
}

/**
 * Where the demo school lives: its own tenant (a deployment of the sandbox LMS of its own), the course whose menu it
 * fills, and its staff, taken from the sandbox's roster so a launch as one of them lands on the seeded person.
 */
export interface DemoSchoolPlace {
  tenant: TenantKey;
  tenantName: string;
  /** The school's own name (as a coach sets it in Settings): district networks show it, not the platform's. */
  schoolName: string;
  course: { contextId: string; title: string; membershipsUrl: string | undefined };
  coach: DemoStaffMember;
  /** At least twelve; the first three are the ones the sandbox can launch as. */
  teachers: DemoStaffMember[];
  /** The school's time zone: past visits and this week's doors are at school hours there. */
  timeZone: string;
}

export const DEMO_TEACHERS_NEEDED = 12;
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Seeds the demo school once. The last step saves the tenant's settings: that is the marker, so a restart leaves a
 * seeded school alone, and a seed that stopped half-way (the process ended) is thrown away and made again.
 */
export async function seedDemoSchool(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  place: DemoSchoolPlace,
  now: Date,
): Promise<{ seeded: boolean; tenantId: string }> {
  const existing = await findTenantByKey(db, place.tenant);
  if (existing && (await hasSavedSettings(new TenantScope(db, existing.id, dialect))))
    return { seeded: false, tenantId: existing.id };
  if (existing) await deleteTenant(db, existing.id);
  const tenantId = await seed(db, dialect, place, now);
  return { seeded: true, tenantId };
}

/** "Reset demo school": everything in the demo tenant goes (cascading from its row), then a fresh seed at `now`. */
export async function resetDemoSchool(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  place: DemoSchoolPlace,
  now: Date,
): Promise<{ tenantId: string }> {
  const existing = await findTenantByKey(db, place.tenant);
  if (existing) await deleteTenant(db, existing.id);
  return { tenantId: await seed(db, dialect, place, now) };
}

/** School days (Monday to Friday) around `today` in the school's zone: 0 is today, 1 the next, -1 the last. */
function schoolDay(today: string, offset: number): string {
  const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
  let date = today;
  let left = Math.abs(offset);
  const step = offset < 0 ? -1 : 1;
  while (left > 0) {
    date = addDays(date, step);
    if (weekday(date) !== 0 && weekday(date) !== 6) left--;
  }
  return date;
}

async function seed(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  place: DemoSchoolPlace,
  now: Date,
): Promise<string> {
  if (place.teachers.length < DEMO_TEACHERS_NEEDED)
    throw new RangeError(`The demo school needs ${DEMO_TEACHERS_NEEDED} teachers on its roster.`);
  const zone = place.timeZone;
  const stamp = (at: Date) => at.toISOString();
  const setUp = new Date(now.getTime() - 40 * DAY);
  const tenant = await upsertTenant(db, place.tenant, place.tenantName, stamp(setUp));
  await setSchoolName(db, tenant.id, place.schoolName);
  const scope = new TenantScope(db, tenant.id, dialect);
  const network = await upsertNetwork(
    db,
    tenant.id,
    place.course.contextId,
    place.course.title,
    'course',
    stamp(setUp),
    place.course.membershipsUrl,
  );
  const actorOf = async (member: DemoStaffMember, role: Actor['role']): Promise<Actor> => {
    // In the school's zone, so everyone's times read as school hours whatever the viewer's computer says.
    const person = await upsertPerson(
      db,
      tenant.id,
      member.subject,
      member.name,
      role,
      stamp(setUp),
      undefined,
      {
        timeZone: zone,
      },
    );
    return { scope, personId: person.id, networkId: network.id, role };
  };
  const coach = await actorOf(place.coach, 'coach');
  const teachers: Actor[] = [];
  for (const t of place.teachers) teachers.push(await actorOf(t, 'teacher'));
  const who = (p: DemoPerson): Actor => (p === 'coach' ? coach : teachers[p]!);

  // The menu: each strategy added on its day; the coach approves or features it a day later, or leaves it pending.
  const strategyIds = new Map<string, string>();
  const ordered = [...DEMO_STRATEGIES].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const s of ordered) {
    const added = new Date(now.getTime() - s.daysAgo * DAY);
    const { view } = await createStrategy(who(s.by), s.data, added);
    strategyIds.set(s.key, view.row.id);
    if (s.by !== 'coach' && s.status !== 'pending')
      await curateStrategy(coach, view.row.id, 'approve', undefined, new Date(added.getTime() + 3_600_000));
    if (s.status === 'featured')
      await curateStrategy(coach, view.row.id, 'feature', undefined, new Date(added.getTime() + 7_200_000));
  }
  const strategy = (key: string) => {
    const id = strategyIds.get(key);
    if (!id) throw new RangeError(`The demo data names an unknown strategy: ${key}`);
    return id;
  };
  const hostOf = (key: string) => who(DEMO_STRATEGIES.find((s) => s.key === key)!.by);
  const today = utcToZoned(now, zone).date;

  /** Opens a door as its host at `openedAt` (before it starts) and books the visitors right after. */
  const openAndBook = async (
    key: string,
    startsAt: Date,
    openedAt: Date,
    door: { minutes: number; room: string; capacity: number; lookFor: string | null },
    visitors: number[],
  ) => {
    const local = utcToZoned(startsAt, zone);
    const { views } = await openDoors(
      hostOf(key),
      {
        strategyId: strategy(key),
        date: local.date,
        start: local.time,
        minutes: door.minutes,
        timeZone: zone,
        occurrence: 'earlier',
        // The demo's times follow the clock of whoever starts it (a door is under way now, at any hour).
        confirmOutsideSchoolDay: true,
        location: door.room,
        capacity: door.capacity,
        visitorNote: null,
        lookFor: door.lookFor,
        repeatWeeks: 1,
      },
      openedAt,
    );
    const doorId = views[0]!.row.id;
    const visits: string[] = [];
    for (const [i, v] of visitors.entries()) {
      const { view } = await bookVisit(
        teachers[v]!,
        { doorId },
        new Date(openedAt.getTime() + (i + 1) * MINUTE),
      );
      visits.push(view.row.id);
    }
    return { doorId, visits };
  };

  // Past sampling visits, each with its notes, written ten minutes after the visit ended.
  for (const v of DEMO_PAST_VISITS) {
    const startsAt = zonedToUtc(schoolDay(today, -v.day), v.start, zone);
    const opened = new Date(startsAt.getTime() - 3 * DAY);
    const { visits } = await openAndBook(
      v.strategy,
      startsAt,
      opened,
      { minutes: 15, room: v.room, capacity: 4, lookFor: null },
      v.visitors.map((x) => x.who),
    );
    for (const [i, visitor] of v.visitors.entries()) {
      if (!visitor.note) continue;
      await writeNote(
        teachers[visitor.who]!,
        { visitId: visits[i]!, prompt: visitor.note.prompt, text: visitor.note.text, confirmFlags: false },
        new Date(startsAt.getTime() + (25 + i) * MINUTE),
      );
    }
  }

  // The finished round: planned and published three days before, visited, noted, debriefed the same afternoon.
  const roundDate = schoolDay(today, -DEMO_ROUND.day);
  const roundStart = zonedToUtc(roundDate, DEMO_ROUND.start, zone);
  const planned = new Date(roundStart.getTime() - 3 * DAY);
  const round = await createRound(
    coach,
    {
      title: DEMO_ROUND.title,
      focus: DEMO_ROUND.focus,
      date: roundDate,
      start: DEMO_ROUND.start,
      timeZone: zone,
      occurrence: 'earlier',
      confirmOutsideSchoolDay: true,
      slotMinutes: DEMO_ROUND.slotMinutes,
      gapMinutes: DEMO_ROUND.gapMinutes,
      participantIds: DEMO_ROUND.participants.map((p) => teachers[p]!.personId),
      hostIds: DEMO_ROUND.hosts.map((p) => teachers[p]!.personId),
      locations: Object.fromEntries(
        DEMO_ROUND.hosts.map((p, i) => [teachers[p]!.personId, `Room ${[12, 31, 8, 22][i] ?? 1}`]),
      ),
      lookFor: DEMO_ROUND.lookFor,
    },
    planned,
  );
  // The demo's plan is fixed and known: its trade-offs, if any, are confirmed as a coach would after reading them.
  const published = await publishRound(coach, round.id, { confirmTradeoffs: true }, planned);
  const roundEnd = Date.parse(published.slots[published.slots.length - 1]!.endsAt);
  const debriefAt = new Date(roundEnd + 4 * 3_600_000);
  const cards: string[] = [];
  for (const [i, p] of DEMO_ROUND.participants.entries()) {
    const writer = teachers[p]!;
    const visit = (await myVisits(writer, debriefAt)).find(
      (v) => v.door.row.roundId === round.id && v.row.status === 'booked',
    );
    if (!visit) continue;
    const note = await writeNote(
      writer,
      { visitId: visit.row.id, prompt: 'students', text: DEMO_ROUND.notes[i]!, confirmFlags: false },
      new Date(Date.parse(visit.row.endsAt) + 5 * MINUTE),
    );
    const debrief = await addCard(writer, round.id, { noteId: note.id }, debriefAt);
    cards.push(debrief.cards.find((c) => c.mine)!.id);
  }
  for (const pattern of DEMO_ROUND.patterns) {
    const debrief = await addPattern(coach, round.id, { name: pattern.name }, debriefAt);
    const patternId = debrief.patterns.find((p) => p.name === pattern.name)!.id;
    for (const c of pattern.cards) if (cards[c]) await groupCard(coach, round.id, cards[c]!, { patternId });
  }
  await updateDebriefPhase(
    coach,
    round.id,
    { phase: 'done', prediction: DEMO_ROUND.prediction, nextLevel: DEMO_ROUND.nextLevel },
    new Date(debriefAt.getTime() + 40 * MINUTE),
  );

  // "I tried it", with the reflections shared with the contributor.
  for (const [i, t] of DEMO_TRIES.entries())
    await recordTry(
      teachers[t.who]!,
      strategy(t.strategy),
      t.reflection
        ? { state: 'tried', reflection: t.reflection, shareWithContributor: true }
        : { state: 'tried', shareWithContributor: false },
      new Date(now.getTime() - (i + 1) * 5 * 3_600_000),
    );

  // This week's open doors, opened yesterday; then the one happening now and the one starting in two minutes.
  const yesterday = new Date(now.getTime() - DAY);
  for (const d of DEMO_WEEK_DOORS)
    await openAndBook(
      d.strategy,
      zonedToUtc(schoolDay(today, d.day), d.start, zone),
      yesterday,
      { minutes: d.minutes, room: d.room, capacity: d.capacity, lookFor: d.lookFor },
      d.bookedBy,
    );
  const minute = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const { now: current, soon } = DEMO_NOW_DOORS;
  await openAndBook(
    current.strategy,
    new Date(minute - current.startedMinutesAgo * MINUTE),
    new Date(minute - current.startedMinutesAgo * MINUTE - 2 * 3_600_000),
    { minutes: current.minutes, room: current.room, capacity: 4, lookFor: null },
    current.bookedBy,
  );
  await openAndBook(
    soon.strategy,
    // On a whole minute: one to two minutes away, so the door says "Starts in 2 minutes".
    new Date(minute + soon.startsInMinutes * MINUTE),
    new Date(minute - 3_600_000),
    { minutes: soon.minutes, room: soon.room, capacity: 4, lookFor: null },
    soon.bookedBy,
  );

  // The marker, last: the school's settings, saved by its coach.
  await updateSettings(coach, DEFAULT_TENANT_SETTINGS, now);
  return tenant.id;
}
