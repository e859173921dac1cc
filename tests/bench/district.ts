import { randomUUID } from 'node:crypto';
import type { Database } from '../../lti-server/src/db/schema';
import { DEFAULT_DOOR_PAGE } from '../../shared/visits';
import { rng } from './report';

/**
 * The rows of the API bench's district, in proportion to its menu (per 100,000 strategies: 2,000 teachers, 20,000
 * doors with a booked visit each, 50,000 notes), built around the teacher who launched: pure, so a unit test can check
 * the proportions without a database. The same size always builds the same district (a seeded PRNG), ids aside.
 */

export const SUBJECTS = ['Science', 'Math', 'English', 'History', 'Languages', 'Arts', 'PE', 'Any'];
const BANDS = ['K-2', '3-5', '6-8', '9-12', 'Any'];
const TAGS = Array.from({ length: 30 }, (_, i) => `tag${i}`);
const WORDS =
  'think pair share exit ticket warm up discussion sentence frames retrieval practice cold call wait time gallery walk jigsaw fishbowl debate seminar concept map organizer number talk estimation journal reflection peer feedback rubric checklist whiteboard quiz flashcards vocabulary annotation experiment hypothesis evidence claim reasoning graph timeline source sketch model station rotation routine lesson modeling example analysis partner explain'.split(
    ' ',
  );
/** Evidence as teachers write it, each sentence touching one or two of the picture's themes (none flagged by the linter). */
export const NOTE_TEXTS = [
  'Students explained their answer to a partner before writing it down.',
  'Four groups compared their graphs and each named one difference.',
  'Most students asked a question about the second method.',
  'The teacher waited about five seconds before calling on anyone.',
  'Two students wrote a first draft, then revised it after feedback from peers.',
  'Pairs discussed the question and each shared one example with the class.',
  'Students chose which problem to start with from the board.',
  'Several students wondered aloud whether the rule works for negative numbers.',
];
export const DAY = 86_400_000;
/** Visits a teacher makes in a year, as the seed's proportions give them (20,000 doors for 2,000 teachers). */
export const VISITS_PER_TEACHER = 10;
/** The week the API bench's week view reads, around the seed's `now`: three days back, four ahead. */
export const BENCH_WEEK = { from: -3 * DAY, to: 4 * DAY };
/**
 * Doors the seed puts in BENCH_WEEK at every size: a full first page and one more row (so the page knows there is a
 * next). A 1k district holds about four doors a week, a 100k one about four hundred; without these the week view at 1k
 * would read a page of two doors and at 100k a page of fifty-one, and its growth would measure the page filling, not
 * what a bigger table costs.
 */
export const WEEK_PAGE_DOORS = DEFAULT_DOOR_PAGE + 1;

export interface DistrictRows {
  people: Array<Database['people']>;
  strategies: Array<Database['strategies']>;
  tags: Array<Database['strategy_tags']>;
  credits: Array<Database['strategy_credits']>;
  doors: Array<Database['doors']>;
  visits: Array<Database['visits']>;
  notes: Array<Database['notes']>;
  /** The visits over by `now`, with their door, host and visitor. */
  past: Array<{ visit: string; door: string; host: string; visitor: string }>;
}

export function districtRows(
  size: number,
  around: { tenant: string; network: string; teacherId: string },
  now: number,
): DistrictRows {
  const random = rng(size);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const iso = (ms: number) => new Date(ms).toISOString();
  const { tenant, network, teacherId } = around;

  const teacherCount = Math.max(20, Math.round(size / 50));
  const people: Array<Database['people']> = Array.from({ length: teacherCount }, (_, i) => ({
    id: randomUUID(),
    tenant_id: tenant,
    subject: `bench-${i}`,
    name: `Teacher ${i}`,
    role: 'teacher',
    created_at: iso(now - 400 * DAY),
    last_seen_at: iso(now),
    locale: null,
    time_zone: null,
    language: null,
  }));
  const teachers = [...people.map((p) => p.id), teacherId];

  const strategies: Array<Database['strategies']> = [];
  const tags: Array<Database['strategy_tags']> = [];
  const credits: Array<Database['strategy_credits']> = [];
  for (let i = 0; i < size; i++) {
    const id = randomUUID();
    const title = `${phrase(3)} ${i}`;
    const purpose = phrase(10);
    const steps = [phrase(8), phrase(8), phrase(8)];
    const mine = [...new Set([pick(TAGS), pick(TAGS)])];
    const subject = pick(SUBJECTS);
    const contributor = pick(teachers);
    const roll = random();
    strategies.push({
      id,
      tenant_id: tenant,
      network_id: network,
      contributor_id: contributor,
      client_id: null,
      title,
      purpose,
      steps: JSON.stringify(steps),
      minutes: 1 + Math.floor(random() * 15),
      subject,
      grade_band: pick(BANDS),
      tags: JSON.stringify(mine),
      source_url: null,
      source_title: null,
      excerpt_html: null,
      status: roll < 0.05 ? 'featured' : roll < 0.93 ? 'approved' : 'pending',
      change_message: null,
      change_requested_at: null,
      merged_into_id: null,
      dup_key: title,
      search_text: [title, purpose, ...steps, mine.join(' '), subject].join('\n'),
      created_at: iso(now - 400 * DAY + i * ((400 * DAY) / size)),
      updated_at: iso(now),
    });
    for (const tag of mine) tags.push({ tenant_id: tenant, strategy_id: id, tag });
    credits.push({ tenant_id: tenant, strategy_id: id, person_id: contributor });
  }

  // Doors at random times over the half year behind and the half year ahead, one booked visit each: ten visits a
  // teacher a year at every size (a district grows by teachers, not by visits per teacher). The launched teacher
  // visits exactly VISITS_PER_TEACHER doors spread over the year, half of them past, so their own page is the same at
  // 1k and at 100k; the other visits go to the other teachers at random.
  const doorCount = Math.round(size / 5);
  const others = teachers.filter((id) => id !== teacherId);
  const theirEvery = Math.floor(doorCount / VISITS_PER_TEACHER);
  const doors: Array<Database['doors']> = [];
  const visits: Array<Database['visits']> = [];
  const past: Array<{ visit: string; door: string; host: string; visitor: string }> = [];
  // The first WEEK_PAGE_DOORS doors that are not the launched teacher's go in the benched week, an hour inside its ends
  // (the bench reads the week a little after seeding); the rest fall anywhere in the year.
  const weekSpan = BENCH_WEEK.to - BENCH_WEEK.from - 2 * 3_600_000;
  let inWeek = 0;
  for (let i = 0; i < doorCount; i++) {
    const id = randomUUID();
    const theirs = i % theirEvery === 0 && i / theirEvery < VISITS_PER_TEACHER;
    const host = theirs ? pick(others) : pick(teachers);
    const week = !theirs && inWeek < WEEK_PAGE_DOORS;
    const startsAt = theirs
      ? now - 182 * DAY + Math.floor(((i / theirEvery + 0.5) * 364 * DAY) / VISITS_PER_TEACHER)
      : week
        ? now + BENCH_WEEK.from + 3_600_000 + Math.floor((inWeek++ * weekSpan) / WEEK_PAGE_DOORS)
        : now - 182 * DAY + Math.floor(random() * 364 * DAY);
    const strategy = pick(strategies);
    doors.push({
      id,
      tenant_id: tenant,
      network_id: network,
      host_id: host,
      strategy_id: strategy.id,
      round_id: null,
      series_id: null,
      starts_at: iso(startsAt),
      ends_at: iso(startsAt + 30 * 60_000),
      minutes: 30,
      time_zone: 'UTC',
      location: `Room ${i % 300}`,
      capacity: 3,
      booked: 1,
      visitor_note: null,
      look_for: null,
      status: 'open',
      sequence: 0,
      created_at: iso(startsAt - 7 * DAY),
      updated_at: iso(startsAt - 7 * DAY),
    });
    let visitor = theirs ? teacherId : pick(others);
    if (visitor === host) visitor = others[(others.indexOf(host) + 1) % others.length]!;
    const visit = randomUUID();
    visits.push({
      id: visit,
      tenant_id: tenant,
      door_id: id,
      visitor_id: visitor,
      status: 'booked',
      cancelled_by: null,
      sequence: 0,
      starts_at: iso(startsAt),
      ends_at: iso(startsAt + 30 * 60_000),
      created_at: iso(startsAt - 3 * DAY),
      updated_at: iso(startsAt - 3 * DAY),
      thanks_message: null,
      thanked_at: null,
    });
    if (startsAt < now) past.push({ visit, door: id, host, visitor });
  }
  const notes: Array<Database['notes']> = [];
  const noteCount = Math.round(size / 2);
  for (let i = 0; i < noteCount && past.length > 0; i++) {
    const v = pick(past);
    notes.push({
      id: randomUUID(),
      tenant_id: tenant,
      network_id: network,
      visit_id: v.visit,
      door_id: v.door,
      host_id: v.host,
      writer_id: v.visitor,
      prompt: 'students',
      text: pick(NOTE_TEXTS),
      useful: 0,
      created_at: iso(now - DAY),
      updated_at: iso(now - DAY),
      expires_at: iso(now + 300 * DAY),
    });
  }
  return { people, strategies, tags, credits, doors, visits, notes, past };
}
