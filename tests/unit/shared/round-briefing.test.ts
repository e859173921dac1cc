import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Language, translator } from '../../../shared/i18n';
import { type Problem, problemText } from '../../../shared/problems';
import {
  assignRoles,
  BriefingInputSchema,
  type ClockStop,
  countRoles,
  DEFAULT_NORMS,
  type GroupRoles,
  groupClock,
  nextClockChange,
  normIn,
  ROUND_ROLES,
  rolesProblems,
  storedNorm,
} from '../../../shared/round-briefing';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Plans `rounds` rounds of the same groups one after another, each remembering the roles of the ones before. */
function rotate(groups: string[][], rounds: number, hosts: string[] = []): GroupRoles[][] {
  const past: GroupRoles[][] = [];
  for (let r = 0; r < rounds; r++) past.push(assignRoles(groups, countRoles(past), hosts));
  return past;
}

describe('roles per group, in a fair rotation', () => {
  it('when a group of four meets four times, then each member facilitates exactly once, and keeps time once', () => {
    const group = ids('t', 4);
    const rounds = rotate([group], 4);
    expect(rounds.map((r) => r[0]!.facilitator).sort()).toEqual([...group].sort());
    expect(rounds.map((r) => r[0]!.timekeeper).sort()).toEqual([...group].sort());
    expect(rounds.map((r) => r[0]!.noteTaker).sort()).toEqual([...group].sort());
  });

  it('when groups of 3–5 meet again and again, then nobody holds a role twice before every member held it once, and nobody holds two roles at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (sizes, rounds) => {
          const groups = sizes.map((n, g) => ids(`g${g}-`, n));
          const planned = rotate(groups, rounds);
          groups.forEach((members, g) => {
            for (const role of ROUND_ROLES) {
              const held = new Map<string, number>();
              for (const r of planned) {
                const holder = r[g]![role];
                held.set(holder, (held.get(holder) ?? 0) + 1);
                const counts = members.map((m) => held.get(m) ?? 0);
                expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
              }
            }
            for (const r of planned) expect(new Set(ROUND_ROLES.map((role) => r[g]![role])).size).toBe(3);
          });
        },
      ),
    );
  });

  it('when a host is also in a group, then they are not asked to facilitate or keep time while someone else can', () => {
    const [roles] = assignRoles([['h1', 't2', 't3', 't4']], new Map(), ['h1']);
    expect(roles!.facilitator).not.toBe('h1');
    expect(roles!.timekeeper).not.toBe('h1');
  });

  it('when a group has fewer than three members, then someone holds two roles rather than a role staying empty', () => {
    const [roles] = assignRoles([['a', 'b']], new Map());
    expect(new Set([roles!.facilitator, roles!.timekeeper, roles!.noteTaker])).toEqual(new Set(['a', 'b']));
  });

  it('when roles chosen before still fit their group, then they are kept; a group whose members changed gets new ones', () => {
    const groups = [
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ];
    const chosen: GroupRoles[] = [
      { facilitator: 'd', timekeeper: 'c', noteTaker: 'b' },
      { facilitator: 'a', timekeeper: 'f', noteTaker: 'g' }, // a moved to group 1
    ];
    const roles = assignRoles(groups, new Map(), [], chosen);
    expect(roles[0]).toEqual(chosen[0]);
    expect(groups[1]).toContain(roles[1]!.facilitator);
    expect(rolesProblems(groups, roles, String)).toEqual([]);
  });

  it('when roles name someone outside the group or one person twice, then the problems say so by name, in each language', () => {
    const names = (id: string) => ({ a: 'Ana', e: 'Eve' })[id] ?? id;
    const said = (problems: Problem[], language: Language) => problems.map((p) => problemText(p, language));
    const outside = rolesProblems(
      [['a', 'b', 'c']],
      [{ facilitator: 'e', timekeeper: 'a', noteTaker: 'a' }],
      names,
    );
    expect(outside).toEqual([
      { key: 'briefing.roles.problem.outside.facilitator', params: { name: 'Eve', group: 1 } },
      { key: 'briefing.roles.problem.same-person', params: { group: 1 } },
    ]);
    expect(said(outside, 'en')).toEqual([
      'Eve is not in group 1, so cannot be its facilitator.',
      'In group 1, give each role to a different person.',
    ]);
    expect(said(outside, 'es')).toEqual([
      'Eve no está en el grupo 1, así que no puede encargarse de su facilitación.',
      'En el grupo 1, da cada rol a una persona distinta.',
    ]);
    const count = rolesProblems(
      [['a'], ['b']],
      [{ facilitator: 'a', timekeeper: 'a', noteTaker: 'a' }],
      names,
    );
    expect(said(count, 'en')).toEqual(['The round has 2 groups: give the roles of each (1 given).']);
    expect(said(count, 'es')).toEqual([
      'La ronda tiene 2 grupos: indica los roles de cada uno (se indicaron 1).',
    ]);
  });

  it('when a role holder is nobody in the round, then they are named in the reader language', () => {
    const [problem] = rolesProblems(
      [['a', 'b', 'c']],
      [{ facilitator: 'a', timekeeper: 'b', noteTaker: 'x' }],
      () => ({
        key: 'briefing.roles.problem.someone',
      }),
    );
    expect(problemText(problem!, 'es')).toBe(
      'Alguien que no está en esta ronda no está en el grupo 1, así que no puede encargarse de su toma de notas.',
    );
  });
});

describe('the group clock', () => {
  const at = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00Z`);
  const stop = (start: string, end: string, location: string): ClockStop => ({
    startsAt: new Date(at(start)).toISOString(),
    endsAt: new Date(at(end)).toISOString(),
    location,
    host: `Host of ${location}`,
  });
  const stops = [stop('09:15', '09:25', 'Room 2'), stop('09:00', '09:10', 'Room 1')];

  it('when the group is in a room, then it shows the minutes left there and the next room', () => {
    const clock = groupClock(stops, at('09:03') + 30_000);
    expect(clock).toMatchObject({ kind: 'in-room', minutes: 7, stop: { location: 'Room 1' } });
    expect(clock.kind === 'in-room' && clock.next?.location).toBe('Room 2');
  });

  it('when the group is between rooms or before the first, then it counts down to the next room', () => {
    expect(groupClock(stops, at('08:50'))).toMatchObject({ kind: 'waiting', minutes: 10, first: true });
    expect(groupClock(stops, at('09:12'))).toMatchObject({
      kind: 'waiting',
      minutes: 3,
      first: false,
      next: { location: 'Room 2' },
    });
    expect(groupClock(stops, at('09:20'))).toMatchObject({ kind: 'in-room', next: null });
    expect(groupClock(stops, at('09:25'))).toEqual({ kind: 'done' });
  });

  it('when asked for the next change, then it is the next whole minute of the countdown, and null once the round is over', () => {
    expect(nextClockChange(stops, at('09:03') + 30_000)).toBe(at('09:04'));
    expect(nextClockChange(stops, at('09:09') + 1)).toBe(at('09:10'));
    expect(nextClockChange(stops, at('09:25'))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: at('08:00'), max: at('09:24') }), (now) => {
        const next = nextClockChange(stops, now)!;
        expect(next).toBeGreaterThan(now);
        // Nothing the clock shows changes before `next`, and something does at `next`.
        expect(groupClock(stops, next - 1)).toEqual(groupClock(stops, now));
        expect(groupClock(stops, next)).not.toEqual(groupClock(stops, now));
      }),
    );
  });
});

describe('the briefing input', () => {
  it('when the words are fine, then empty texts become null; an empty norm or no norms at all are refused', () => {
    expect(BriefingInputSchema.parse({ why: ' ', lookFors: 'Talk', norms: ['No names'] })).toEqual({
      why: null,
      lookFors: 'Talk',
      norms: ['No names'],
    });
    expect(BriefingInputSchema.safeParse({ norms: [] }).success).toBe(false);
    expect(BriefingInputSchema.safeParse({ norms: ['  '] }).success).toBe(false);
  });
});

describe('the default norms, in each reader’s language', () => {
  const es = translator('es');
  const en = translator('en');

  it('when a stored norm is a default one, then a Spanish reader reads it in Spanish; a coach’s own norm stays as written', () => {
    expect(DEFAULT_NORMS[1]).toBe('No names: not the teacher’s, not a student’s.');
    expect(normIn(DEFAULT_NORMS[1]!, es)).toBe('Sin nombres: ni el del docente ni el de un estudiante.');
    expect(normIn(DEFAULT_NORMS[1]!, en)).toBe(DEFAULT_NORMS[1]);
    expect(normIn('Llegar a tiempo.', es)).toBe('Llegar a tiempo.');
  });

  it('when the coach saves a default norm shown in Spanish, then it is stored as the default, so English readers read it in English', () => {
    for (const norm of DEFAULT_NORMS) expect(storedNorm(normIn(norm, es), es)).toBe(norm);
    expect(storedNorm('Sin nombres: ni el del docente.', es)).toBe('Sin nombres: ni el del docente.');
  });
});
