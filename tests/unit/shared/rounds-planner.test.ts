import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PlanInput,
  type PlanResult,
  planFromGroups,
  planProblems,
  planRound,
  planTradeoffs,
  type RoundPlan,
  tradeoffProblem,
  type Tradeoff,
  withNames,
} from '../../../shared/rounds-planner';
import { type Problem, problemText } from '../../../shared/problems';

/** The planner's problems as a US English reader reads them. */
const english = (problems: Problem[]) => problems.map((problem) => problemText(problem, 'en'));
const said = (result: PlanResult) => (result.ok ? result : { ok: false, problems: english(result.problems) });
const tradeoffText = (t: Tradeoff, nameOf: (id: string) => string) =>
  problemText(tradeoffProblem(t, nameOf), 'en');

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const permutation = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

/** 4–40 teachers in any order; 1–8 hosts in any order, some of them (maybe none) teachers in the round; maybe a seed. */
const anyRound: fc.Arbitrary<PlanInput> = fc
  .record({ teacherCount: fc.integer({ min: 4, max: 40 }), hostCount: fc.integer({ min: 1, max: 8 }) })
  .chain(({ teacherCount, hostCount }) => {
    const teachers = ids('t', teacherCount);
    return fc
      .record({
        participants: permutation(teachers),
        teacherHosts: fc.shuffledSubarray(teachers, { maxLength: Math.min(hostCount, teacherCount) }),
        seed: fc.option(fc.integer(), { nil: undefined }),
      })
      .chain(({ participants, teacherHosts, seed }) =>
        permutation([...teacherHosts, ...ids('h', hostCount - teacherHosts.length)]).map((hosts) => ({
          participants,
          hosts,
          seed,
        })),
      );
  });

/** Whether n teachers can be split into groups of min..max at all, found by trying every number of groups. */
const splittable = (n: number, min = 4, max = 5) =>
  ids('', n).some((_, i) => min * (i + 1) <= n && n <= max * (i + 1));

const splittableRound = anyRound.filter((input) => splittable(input.participants.length));

function planOf(input: PlanInput): RoundPlan {
  const result = planRound(input);
  if (!result.ok) throw new Error(`expected a plan, got: ${english(result.problems).join(' ')}`);
  return result.plan;
}

const spread = (numbers: number[]) => Math.max(...numbers) - Math.min(...numbers);
const hostingIn = (slot: RoundPlan['slots'][number]) => new Set(slot.map((visit) => visit.hostId));

describe('planRound, for any round (property-based)', () => {
  it('when teachers can be split into groups of 4–5, then a plan is made; otherwise one sentence says what to change', () => {
    fc.assert(
      fc.property(anyRound, (input) => {
        const result = planRound(input);
        const n = input.participants.length;
        expect(result.ok).toBe(splittable(n));
        if (!result.ok)
          expect(english(result.problems)).toEqual([
            expect.stringMatching(
              /^\d+ teachers cannot be split into groups of 4–5: add \d more teachers?( or remove \d)?\.$/,
            ),
          ]);
      }),
    );
  });

  it('when a plan is made, then the independent checker finds no problem with it', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        expect(planProblems(input, planOf(input))).toEqual([]);
      }),
    );
  });

  it('when a plan is made, then every participant is in exactly one group and nobody else is in any', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        const members = planOf(input).groups.flat();
        expect([...members].sort()).toEqual([...input.participants].sort());
      }),
    );
  });

  it('when a plan is made, then nobody visits their own room and no host visits while their room has visitors', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        for (const slot of planOf(input).slots) {
          const hosting = hostingIn(slot);
          for (const { hostId, visitorIds } of slot) {
            expect(visitorIds).not.toContain(hostId);
            expect(visitorIds.filter((id) => hosting.has(id))).toEqual([]);
          }
        }
      }),
    );
  });

  it('when a plan is made, then each visit is by every member of the group not hosting then, and never by nobody', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        const plan = planOf(input);
        for (const slot of plan.slots) {
          const hosting = hostingIn(slot);
          for (const { group, visitorIds } of slot) {
            expect(visitorIds).toEqual(plan.groups[group]!.filter((id) => !hosting.has(id)));
            expect(visitorIds.length).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it('when a plan is made, then no two groups are in one room and no group is in two rooms in the same slot', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        for (const slot of planOf(input).slots) {
          const rooms = slot.map((visit) => visit.hostId);
          const groups = slot.map((visit) => visit.group);
          expect(new Set(rooms).size).toBe(rooms.length);
          expect(new Set(groups).size).toBe(groups.length);
        }
      }),
    );
  });

  it('when a plan is made, then in max(groups, hosts) slots each group visits each host room exactly once', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        const plan = planOf(input);
        expect(plan.slots).toHaveLength(Math.max(plan.groups.length, input.hosts.length));
        plan.groups.forEach((_, group) => {
          const rooms = plan.slots
            .flat()
            .filter((visit) => visit.group === group)
            .map((visit) => visit.hostId);
          expect([...rooms].sort()).toEqual([...input.hosts].sort());
        });
      }),
    );
  });

  it('when a plan is made, then group sizes are within 4–5 and differ by at most 1, and so do host counts', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        const { groups } = planOf(input);
        const sizes = groups.map((group) => group.length);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(4);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
        expect(spread(sizes)).toBeLessThanOrEqual(1);
        expect(
          spread(groups.map((group) => group.filter((id) => input.hosts.includes(id)).length)),
        ).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('when the same round is planned twice with the same seed (or none), then the plans are the same', () => {
    fc.assert(
      fc.property(anyRound, (input) => {
        const again = { ...input, participants: [...input.participants], hosts: [...input.hosts] };
        expect(planRound(again)).toEqual(planRound(input));
      }),
    );
  });

  it('when the group bounds are changed, then every plan keeps to them, is balanced and passes the checker', () => {
    const bounds = fc
      .integer({ min: 1, max: 6 })
      .chain((minGroup) =>
        fc.record({ minGroup: fc.constant(minGroup), maxGroup: fc.integer({ min: minGroup, max: 8 }) }),
      );
    fc.assert(
      fc.property(anyRound, bounds, (round, { minGroup, maxGroup }) => {
        const input = { ...round, minGroup, maxGroup };
        const result = planRound(input);
        if (!splittable(input.participants.length, minGroup, maxGroup)) {
          expect(said(result)).toEqual({
            ok: false,
            problems: [expect.stringContaining('cannot be split into groups of')],
          });
        } else if (!result.ok) {
          // Only tiny groups made of hosts can run out of visitors; that is the only other reason to refuse.
          for (const problem of english(result.problems))
            expect(problem).toContain('nobody is left to visit');
        } else {
          const sizes = result.plan.groups.map((group) => group.length);
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(minGroup);
          expect(Math.max(...sizes)).toBeLessThanOrEqual(maxGroup);
          expect(spread(sizes)).toBeLessThanOrEqual(1);
          expect(planProblems(input, result.plan)).toEqual([]);
        }
      }),
    );
  });

  it('when the input is messy (empty or repeated ids, odd bounds, stray groups), then nothing throws and problems are sentences', () => {
    const id = fc.oneof(fc.constantFrom('', ' '), fc.constantFrom(...ids('t', 12), 'h1', 'h2'));
    const messy = fc.record({
      participants: fc.array(id, { maxLength: 20 }),
      hosts: fc.array(id, { maxLength: 10 }),
      seed: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
      minGroup: fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined }),
      maxGroup: fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined }),
    });
    const isWellReported = (input: PlanInput, result: PlanResult) =>
      result.ok
        ? planProblems(input, result.plan).length === 0
        : result.problems.length > 0 &&
          (['en', 'es'] as const).every((language) =>
            result.problems.every((problem) => /^[^{}\s][^{}]*\.$/.test(problemText(problem, language))),
          );
    fc.assert(
      fc.property(messy, fc.array(fc.array(id, { maxLength: 6 }), { maxLength: 4 }), (input, groups) => {
        expect(isWellReported(input, planRound(input))).toBe(true);
        expect(isWellReported(input, planFromGroups(input, groups))).toBe(true);
      }),
    );
  });
});

describe('planRound, by example', () => {
  const twelve = { participants: ids('t', 12), hosts: ['t1', 't2', 't3', 't4'] };

  it('when 12 teachers include 4 hosts, then there are 3 groups of 4 and 4 slots, hosts dealt across the groups', () => {
    const plan = planOf(twelve);
    expect(plan.groups).toEqual([
      ['t1', 't4', 't5', 't6'],
      ['t2', 't7', 't8', 't9'],
      ['t3', 't10', 't11', 't12'],
    ]);
    expect(plan.slots).toHaveLength(4);
    // Slot 1: the rooms of t1, t2 and t3 have visitors, so those three stay behind to host.
    expect(plan.slots[0]).toEqual([
      { hostId: 't1', group: 0, visitorIds: ['t4', 't5', 't6'] },
      { hostId: 't2', group: 1, visitorIds: ['t7', 't8', 't9'] },
      { hostId: 't3', group: 2, visitorIds: ['t10', 't11', 't12'] },
    ]);
  });

  it('when a seed is given, then it shuffles who is in which group but the groups stay balanced', () => {
    const plan = planOf({ ...twelve, seed: 42 });
    expect(plan.groups).not.toEqual(planOf(twelve).groups);
    expect(plan.groups.map((group) => group.filter((id) => twelve.hosts.includes(id)).length).sort()).toEqual(
      [1, 1, 2],
    );
  });

  it('when there are 7 teachers, then the coach is told how many to add or remove', () => {
    expect(said(planRound({ participants: ids('t', 7), hosts: ['h1'] }))).toEqual({
      ok: false,
      problems: ['7 teachers cannot be split into groups of 4–5: add 1 more teacher or remove 2.'],
    });
  });

  it('when there are too few teachers for one group, then the coach is told how many to add', () => {
    expect(said(planRound({ participants: ids('t', 3), hosts: ['h1'] }))).toEqual({
      ok: false,
      problems: ['3 teachers cannot be split into groups of 4–5: add 1 more teacher.'],
    });
  });

  it('when there are only hosts and no participants, then the coach is told to add participants', () => {
    expect(said(planRound({ participants: [], hosts: ['h1', 'h2'] }))).toEqual({
      ok: false,
      problems: ['The round has no teachers to visit the classrooms: add participants.'],
    });
  });

  it('when ids are empty or repeated and there are too many hosts, then each mistake is its own sentence', () => {
    const result = planRound({ participants: [...ids('t', 8), 't1', ''], hosts: ids('h', 9) });
    expect(said(result)).toEqual({
      ok: false,
      problems: [
        'One participant has an empty id.',
        '"t1" is listed 2 times among the participants.',
        'A round visits at most 8 classrooms, but 9 hosts are chosen: remove 1.',
      ],
    });
    expect(said(planRound({ participants: ids('t', 8), hosts: [] }))).toEqual({
      ok: false,
      problems: ['Choose at least one host whose classroom the groups visit.'],
    });
  });

  it('when the group bounds are impossible, then the coach is told, not thrown at', () => {
    expect(said(planRound({ participants: ids('t', 8), hosts: ['h1'], minGroup: 5, maxGroup: 3 }))).toEqual({
      ok: false,
      problems: ['The largest group size must be a whole number of at least 5, the smallest group size.'],
    });
    expect(said(planRound({ participants: 'everyone', hosts: ['h1'] } as unknown as PlanInput))).toEqual({
      ok: false,
      problems: ['The participants must be a list of teachers.'],
    });
  });

  it('when groups of one are all hosts, then the coach is told nobody is left to visit', () => {
    const result = planRound({
      participants: ['a', 'b', 'c'],
      hosts: ['a', 'b', 'c'],
      minGroup: 1,
      maxGroup: 1,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.problems)).toContain(
        'In slot 1, everyone in group 1 is hosting, so nobody is left to visit the room of "a".',
      );
    }
  });
});

describe('planFromGroups', () => {
  const input = { participants: ids('t', 9), hosts: ['t1', 'h1'] };

  it('when the coach moves people between valid groups, then the rotation is made for exactly those groups', () => {
    const groups = [
      ['t9', 't8', 't7', 't6'],
      ['t1', 't2', 't3', 't4', 't5'],
    ];
    const result = planFromGroups(input, groups);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.groups).toEqual(groups);
      expect(planProblems(input, result.plan)).toEqual([]);
    }
  });

  it('when a person is in two groups, then that is reported in a sentence', () => {
    const result = planFromGroups(input, [
      ['t1', 't2', 't3', 't4'],
      ['t4', 't5', 't6', 't7', 't8', 't9'],
    ]);
    expect(said(result)).toEqual({
      ok: false,
      problems: [
        'Group 2 has 6 teachers; each group needs 4–5.',
        '"t4" is in groups 1 and 2; each teacher belongs to one group.',
      ],
    });
  });

  it('when a participant is left out, then that is reported in a sentence', () => {
    expect(said(planFromGroups(input, [ids('t', 4), ['t5', 't6', 't7', 't8']]))).toEqual({
      ok: false,
      problems: ['"t9" is not in any group.'],
    });
  });

  it('when someone is not a participant, then that is reported in a sentence', () => {
    expect(
      said(
        planFromGroups(input, [
          [...ids('t', 4), 'h1'],
          ['t5', 't6', 't7', 't8', 't9'],
        ]),
      ),
    ).toEqual({
      ok: false,
      problems: ['"h1" is in group 1 but is not a participant.'],
    });
  });

  it('when a group is too small, then that is reported in a sentence', () => {
    expect(said(planFromGroups(input, [ids('t', 6), ['t7', 't8', 't9']]))).toEqual({
      ok: false,
      problems: [
        'Group 1 has 6 teachers; each group needs 4–5.',
        'Group 2 has 3 teachers; each group needs 4–5.',
      ],
    });
  });
});

describe('planProblems, on hand-broken plans', () => {
  const input = { participants: ids('t', 12), hosts: ['t1', 't2', 't3', 't4'] };
  const broken = (breakIt: (plan: RoundPlan) => void) => {
    const plan = structuredClone(planOf(input));
    breakIt(plan);
    return english(planProblems(input, plan));
  };

  it('when two groups are put in one room in a slot, then the checker says so', () => {
    const problems = broken((plan) => {
      plan.slots[0]![1]!.hostId = 't1';
    });
    expect(problems).toContain('In slot 1, groups 1 and 2 are both in the room of "t1".');
    expect(problems).toContain('Group 2 never visits the room of "t2".');
  });

  it('when a host is sent to visit their own room, then the checker says so', () => {
    const problems = broken((plan) => {
      plan.slots[0]![0]!.visitorIds.push('t1');
    });
    expect(problems).toEqual(['In slot 1, "t1" visits their own room.']);
  });

  it('when a host is sent visiting while their room has visitors, then the checker says so', () => {
    const problems = broken((plan) => {
      plan.slots[0]![1]!.visitorIds.push('t1');
    });
    expect(problems).toEqual(['In slot 1, "t1" visits the room of "t2" while their own room has visitors.']);
  });

  it('when a free member is left out of a visit or a slot is dropped, then the checker says so', () => {
    expect(
      broken((plan) => {
        plan.slots[0]![0]!.visitorIds.pop();
      }),
    ).toEqual(['In slot 1, "t6" is free but left out of group 1\'s visit to the room of "t1".']);
    expect(
      broken((plan) => {
        plan.slots.pop();
      }),
    ).toContain('Group 1 never visits the room of "t4".');
  });
});

describe('planTradeoffs', () => {
  /** Counted straight from the slots: how many rooms each person visits, how many groups each room receives. */
  function counts(plan: RoundPlan) {
    const rooms = new Map<string, number>();
    const groups = new Map<string, number>();
    for (const slot of plan.slots)
      for (const v of slot) {
        if (v.visitorIds.length > 0) groups.set(v.hostId, (groups.get(v.hostId) ?? 0) + 1);
        for (const id of v.visitorIds) rooms.set(id, (rooms.get(id) ?? 0) + 1);
      }
    return { rooms, groups };
  }

  it('when a plan is made, then exactly the hosts in groups who miss a room and the rooms one group visits are named, with true counts', () => {
    fc.assert(
      fc.property(splittableRound, (input) => {
        const plan = planOf(input);
        const { rooms, groups } = counts(plan);
        const tradeoffs = planTradeoffs(input, plan);
        const others = input.hosts.length - 1;
        const missing = input.participants.filter(
          (id) => input.hosts.includes(id) && (rooms.get(id) ?? 0) < others,
        );
        expect(tradeoffs.flatMap((t) => (t.kind === 'host-also-visits' ? [t.personId] : [])).sort()).toEqual(
          [...missing].sort(),
        );
        for (const t of tradeoffs) {
          if (t.kind === 'host-also-visits') {
            expect(t.roomsVisited).toBe(rooms.get(t.personId) ?? 0);
            expect(t.otherRooms).toBe(others);
          } else expect(t.visits).toBe(groups.get(t.hostId) ?? 0);
        }
        const once = input.hosts.filter((h) => (groups.get(h) ?? 0) <= 1);
        expect(tradeoffs.flatMap((t) => (t.kind === 'room-visited-once' ? [t.hostId] : []))).toEqual(once);
        // Nobody but a host who is also in a group can miss a room: every other participant sees every room.
        for (const id of input.participants)
          if (!input.hosts.includes(id)) expect(rooms.get(id) ?? 0).toBe(input.hosts.length);
      }),
    );
  });

  it('when one group is everyone, then every room is visited once, and that is said', () => {
    const people = ids('t', 5);
    const input = { participants: people, hosts: people.slice(0, 4) };
    const tradeoffs = planTradeoffs(input, planOf(input));
    expect(tradeoffs).toEqual(
      people.slice(0, 4).map((hostId) => ({ kind: 'room-visited-once', hostId, visits: 1 })),
    );
    expect(tradeoffText(tradeoffs[0]!, (id) => id.toUpperCase())).toBe(
      "T1's room is visited by one group only.",
    );
  });

  it('when the coach selects everyone, hosts included, in two groups, then each host is told how few rooms they see', () => {
    const people = ids('t', 10);
    const input = { participants: people, hosts: people.slice(0, 4) };
    const tradeoffs = planTradeoffs(input, planOf(input));
    const hostsWhoVisit = tradeoffs.filter((t) => t.kind === 'host-also-visits');
    expect(hostsWhoVisit.map((t) => t.personId).sort()).toEqual(people.slice(0, 4));
    for (const t of hostsWhoVisit) expect(t.roomsVisited).toBeLessThan(3);
    expect(tradeoffText(hostsWhoVisit[0]!, (id) => id.toUpperCase())).toMatch(
      /^T\d hosts and is also in a group: they visit [0-2] of the 3 other rooms, sitting out while their own room has visitors\.$/,
    );
  });

  it('when no host is in a group and there are two or more groups, then there is nothing to explain', () => {
    const input = { participants: ids('t', 8), hosts: ids('h', 3) };
    expect(planTradeoffs(input, planOf(input))).toEqual([]);
  });
});

describe("the planner's problems as catalog words", () => {
  it('when 7 teachers cannot be split, then the problem is a key with its values, said in Spanish too', () => {
    const result = planRound({ participants: ids('t', 7), hosts: ['h1'] });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          key: 'rounds.problem.split',
          params: {
            teachers: { key: 'rounds.problem.teachers', params: { count: 7 } },
            size: '4–5',
            more: { key: 'rounds.problem.more-teachers', params: { count: 1 } },
            remove: 2,
          },
        },
      ],
    });
    if (!result.ok)
      expect(problemText(result.problems[0]!, 'es')).toBe(
        'No se puede dividir a 7 docentes en grupos de 4–5: añade 1 docente más o quita 2.',
      );
  });

  it('when a person is in three groups, then the groups are a list in the reader language, with their name', () => {
    const input = { participants: ids('t', 13), hosts: ['h1'] };
    const result = planFromGroups(input, [
      ['t1', 't2', 't3', 't4'],
      ['t1', 't5', 't6', 't7', 't8'],
      ['t1', 't9', 't10', 't11', 't12'],
      ['t13'],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const twoGroups = result.problems.find((p) => p.key === 'rounds.problem.two-groups')!;
    const named = withNames(twoGroups, (id) => (id === 't1' ? 'Ana Rivera' : undefined));
    expect(problemText(named, 'en')).toBe(
      '"Ana Rivera" is in groups 1, 2, and 3; each teacher belongs to one group.',
    );
    expect(problemText(named, 'es')).toBe(
      '«Ana Rivera» está en los grupos 1, 2 y 3; cada docente pertenece a un solo grupo.',
    );
    const size = result.problems.find((p) => p.key === 'rounds.problem.group-size' && p.params?.group === 4)!;
    expect(
      problemText(
        withNames(size, () => undefined),
        'es',
      ),
    ).toBe('El grupo 4 tiene 1 docente; cada grupo necesita 4–5.');
  });

  it('when a trade-off is said in Spanish, then its plural follows the number of other rooms', () => {
    const t: Tradeoff = { kind: 'host-also-visits', personId: 'p', roomsVisited: 1, otherRooms: 3 };
    expect(
      problemText(
        tradeoffProblem(t, () => 'Ana'),
        'es',
      ),
    ).toBe(
      'Ana recibe visitas en su aula y también está en un grupo: visita 1 de las otras 3 aulas, porque se queda fuera mientras su propia aula tiene visitantes.',
    );
    expect(
      problemText(
        tradeoffProblem({ kind: 'room-visited-once', hostId: 'h', visits: 0 }, () => 'Bea'),
        'es',
      ),
    ).toBe('Nadie visita el aula de Bea.');
  });
});
