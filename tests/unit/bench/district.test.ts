import { describe, expect, it } from 'vitest';
import { lintNote } from '../../../shared/note-linter';
import { DEFAULT_DOOR_PAGE } from '../../../shared/visits';
import { BENCH_WEEK, districtRows, NOTE_TEXTS, VISITS_PER_TEACHER } from '../../bench/district';

const NOW = Date.UTC(2026, 11, 6, 12);
const around = { tenant: 't', network: 'n', teacherId: 'me' };

/** The launched teacher's visits in a district of `size` strategies: all of them, and those over by NOW. */
function theirVisits(size: number) {
  const rows = districtRows(size, around, NOW);
  const mine = rows.visits.filter((v) => v.visitor_id === 'me');
  return {
    rows,
    all: mine.length,
    past: mine.filter((v) => Date.parse(v.ends_at) <= NOW).length,
  };
}

describe('the API bench district', () => {
  it('when the bench writes notes, then every text is one the linter lets through unconfirmed', () => {
    // A flagged text is refused (422) and the write route would measure refusals, not writes.
    for (const text of NOTE_TEXTS) expect({ text, flags: lintNote(text) }).toEqual({ text, flags: [] });
  });

  it('when the district grows, then it grows by teachers and the launched teacher keeps the same visits', () => {
    const small = theirVisits(1_000);
    const large = theirVisits(10_000);
    expect(large.rows.people.length).toBe(10 * small.rows.people.length);
    expect(large.rows.doors.length).toBe(10 * small.rows.doors.length);
    // "My visits" lists the same page at every size: as many visits as a teacher makes in a year, half of them past.
    expect(small.all).toBe(VISITS_PER_TEACHER);
    expect(large.all).toBe(VISITS_PER_TEACHER);
    expect(small.past).toBe(VISITS_PER_TEACHER / 2);
    expect(large.past).toBe(VISITS_PER_TEACHER / 2);
    // The other teachers visit about as often as the launched one, so they are not an outlier either.
    const perOther = (rows: typeof small.rows) =>
      (rows.visits.length - VISITS_PER_TEACHER) / rows.people.length;
    for (const rows of [small.rows, large.rows]) {
      expect(perOther(rows)).toBeGreaterThan(0.9 * VISITS_PER_TEACHER);
      expect(perOther(rows)).toBeLessThan(1.1 * VISITS_PER_TEACHER);
    }
  });

  it('when a visit is the launched teacher’s, then someone else hosts its door', () => {
    const { rows } = theirVisits(1_000);
    const hostOf = new Map(rows.doors.map((d) => [d.id, d.host_id]));
    for (const v of rows.visits) expect(hostOf.get(v.door_id)).not.toBe(v.visitor_id);
  });

  it('when the week view is benched, then its week holds a full first page at every size, so growth compares equal pages', () => {
    // The week as the bench reads it: from a few minutes after the seed (seeding 100k takes minutes) for seven days.
    const from = NOW + 10 * 60_000 + BENCH_WEEK.from;
    const to = NOW + BENCH_WEEK.from + 7 * 86_400_000;
    for (const size of [1_000, 10_000]) {
      const { doors, people } = districtRows(size, around, NOW);
      const week = doors.filter((d) => Date.parse(d.starts_at) >= from && Date.parse(d.starts_at) < to);
      // One page and one more row: the page knows there is a next one.
      expect(week.length).toBeGreaterThanOrEqual(DEFAULT_DOOR_PAGE + 1);
      // Spread over the week and over the school's teachers, not one crowded hour of one host.
      expect(new Set(week.map((d) => d.host_id)).size).toBeGreaterThan(Math.min(10, people.length / 2));
      expect(new Set(week.map((d) => d.starts_at.slice(0, 10))).size).toBeGreaterThanOrEqual(7);
    }
  }, 20_000);
});
