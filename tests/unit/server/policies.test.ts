import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  authorize,
  can,
  card,
  cycleRound,
  dialogue,
  door,
  type Kind,
  note,
  pictureGroup,
  policies,
  registration,
  type Subject,
  strategy,
  type Who,
} from '../../../lti-server/src/domain/policies';
import { ForbiddenError } from '../../../shared/errors';

// Who may do what, as one table: docs/permissions.md says the same in words. Each row is
// [role, action, subject in its situation, expected answer]: ALLOWED, or the exact refusal the asker reads (403).
const TEACHER = 'teacher-1';
const COLLEAGUE = 'teacher-2';
const ANOTHER = 'teacher-3';
const COACH = 'coach-1';
const actors: Record<Who['role'], Who> = {
  teacher: { personId: TEACHER, role: 'teacher' },
  coach: { personId: COACH, role: 'coach' },
};
const ALLOWED = true;

interface Row {
  role: Who['role'];
  kind: Kind;
  action: string;
  /** What the actor is asked about, read after "may" / "may not": "curate a strategy". */
  doing: string;
  ask: (actor: Who) => string | true;
  expected: string | true;
}

/** The actor's answer through the entry points the domain uses: `can`, and `authorize`'s ForbiddenError. */
function answer<K extends Kind>(actor: Who, action: Action<K>, subject: Subject<K>): string | true {
  const allowed = can(actor, action, subject);
  try {
    authorize(actor, action, subject);
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(allowed).toBe(false);
    return (error as ForbiddenError).message;
  }
  expect(allowed).toBe(true);
  return true;
}

function row<K extends Kind>(
  role: Who['role'],
  action: Action<K>,
  subject: Subject<K>,
  doing: string,
  expected: string | true,
): Row {
  const kind = (typeof subject === 'string' ? subject : subject.kind) as Kind;
  return { role, kind, action, doing, ask: (actor) => answer(actor, action, subject), expected };
}

const ONLY_CURATORS = 'Only coaches curate the menu.';
const NOTE_IS_THE_HOSTS =
  'A note belongs to the teacher who was visited: only they and the person who wrote it can read it.';

const pending = { contributorId: TEACHER, status: 'pending' } as const;
const approved = { contributorId: TEACHER, status: 'approved' } as const;
const colleagues = { contributorId: COLLEAGUE, status: 'pending' } as const;
const DIALOGUE_IS_THE_ROOMS =
  'A visit’s dialogue is private to the teacher who was visited and the visitors who were there.';
const dialogueInMyRoom = dialogue({ hostId: TEACHER, visitorIds: [COLLEAGUE] });
const dialogueIVisited = dialogue({ hostId: COLLEAGUE, visitorIds: [TEACHER, ANOTHER] });
const dialogueOfOthers = dialogue({ hostId: COLLEAGUE, visitorIds: [ANOTHER] });
const noteAboutMyRoom = note({ hostId: TEACHER, writerId: COLLEAGUE });
const noteIWrote = note({ hostId: COLLEAGUE, writerId: TEACHER });
const noteAboutOthers = note({ hostId: COLLEAGUE, writerId: ANOTHER });
const noteACoachWrote = note({ hostId: COLLEAGUE, writerId: COACH });

const table: Row[] = [
  // The menu: coaches curate; a contributor revises their own strategy until it is on the menu.
  row('teacher', 'curate', 'strategy', 'curate a strategy', ONLY_CURATORS),
  row('coach', 'curate', 'strategy', 'curate a strategy', ALLOWED),
  row(
    'teacher',
    'list-unpublished',
    'strategy',
    'list pending or retired strategies',
    'Only coaches can list pending or retired strategies.',
  ),
  row('coach', 'list-unpublished', 'strategy', 'list pending or retired strategies', ALLOWED),
  row('teacher', 'merge', 'strategy', 'merge strategies', 'Only coaches merge strategies.'),
  row('coach', 'merge', 'strategy', 'merge strategies', ALLOWED),
  row('teacher', 'audit', 'strategy', "read a strategy's audit trail", 'Only coaches see the audit trail.'),
  row('coach', 'audit', 'strategy', "read a strategy's audit trail", ALLOWED),
  row('teacher', 'export', 'strategy', 'export the menu', 'Only coaches export the menu.'),
  row('coach', 'export', 'strategy', 'export the menu', ALLOWED),
  row('teacher', 'edit', strategy(pending), 'edit their own pending strategy', ALLOWED),
  row(
    'teacher',
    'edit',
    strategy(approved),
    'edit their own strategy once it is on the menu',
    'This strategy is on the menu already; ask a coach to change it.',
  ),
  row(
    'teacher',
    'edit',
    strategy(colleagues),
    "edit a colleague's strategy",
    'Only the contributor or a coach can edit this strategy.',
  ),
  row('coach', 'edit', strategy(approved), "edit a teacher's strategy on the menu", ALLOWED),
  row(
    'teacher',
    'host',
    strategy(approved, [COLLEAGUE, TEACHER]),
    'open their door for a strategy they are credited with',
    ALLOWED,
  ),
  row(
    'teacher',
    'host',
    strategy(colleagues, [COLLEAGUE]),
    "open their door for a colleague's strategy",
    'You can open your door only for a strategy you contributed.',
  ),
  row(
    'coach',
    'host',
    strategy(colleagues, [COLLEAGUE]),
    "open their door for a teacher's strategy",
    'You can open your door only for a strategy you contributed.',
  ),
  row(
    'coach',
    'host',
    strategy(approved, [COACH]),
    'open their door for a strategy they are credited with',
    ALLOWED,
  ),

  // Open doors belong to their host.
  row('teacher', 'cancel', door({ hostId: TEACHER }), 'cancel their own open door', ALLOWED),
  row(
    'teacher',
    'cancel',
    door({ hostId: COLLEAGUE }),
    "cancel a colleague's open door",
    'Only the host can cancel an open door.',
  ),
  row(
    'coach',
    'cancel',
    door({ hostId: COLLEAGUE }),
    "cancel a teacher's open door",
    'Only the host can cancel an open door.',
  ),
  row('teacher', 'book', door({ hostId: COLLEAGUE }), "book a visit at a colleague's open door", ALLOWED),
  row(
    'teacher',
    'book',
    door({ hostId: TEACHER }),
    'book a visit at their own open door',
    'This is your own open door: you host it.',
  ),
  row('coach', 'book', door({ hostId: COLLEAGUE }), "book a visit at a teacher's open door", ALLOWED),
  // A round's classroom is its host's: they decline a slot and choose what visitors look for there.
  row('teacher', 'decline', door({ hostId: TEACHER }), 'decline a round slot of their own room', ALLOWED),
  row(
    'teacher',
    'decline',
    door({ hostId: COLLEAGUE }),
    "decline a round slot of a colleague's room",
    'Only the teacher whose room it is can decline a round slot.',
  ),
  row(
    'coach',
    'decline',
    door({ hostId: COLLEAGUE }),
    "decline a round slot of a teacher's room",
    'Only the teacher whose room it is can decline a round slot.',
  ),
  row(
    'teacher',
    'choose-look-for',
    door({ hostId: TEACHER }),
    'choose what visitors look for in their room',
    ALLOWED,
  ),
  row(
    'teacher',
    'choose-look-for',
    door({ hostId: COLLEAGUE }),
    "choose what visitors look for in a colleague's room",
    'Only the teacher whose room it is chooses what visitors look for there.',
  ),
  row(
    'coach',
    'choose-look-for',
    door({ hostId: COLLEAGUE }),
    "choose what visitors look for in a teacher's room",
    'Only the teacher whose room it is chooses what visitors look for there.',
  ),
  row(
    'coach',
    'choose-look-for',
    door({ hostId: COACH }),
    'choose what visitors look for in their own room',
    ALLOWED,
  ),

  // Trust rule: a visit's dialogue is only its host's and its visitors'; coaches and other teachers never (404 upstream).
  row('teacher', 'read', dialogueInMyRoom, 'read the dialogue of a visit to their room', ALLOWED),
  row('teacher', 'read', dialogueIVisited, 'read the dialogue of a visit they made', ALLOWED),
  row(
    'teacher',
    'read',
    dialogueOfOthers,
    "read the dialogue of other teachers' visit",
    DIALOGUE_IS_THE_ROOMS,
  ),
  row('coach', 'read', dialogueOfOthers, "read the dialogue of other teachers' visit", DIALOGUE_IS_THE_ROOMS),
  row('teacher', 'write-visitor-part', dialogueIVisited, 'write what they noticed as a visitor', ALLOWED),
  row(
    'teacher',
    'write-visitor-part',
    dialogueInMyRoom,
    'write a visitor’s part about their own room',
    'Only the visitors write what they noticed and what they are wondering.',
  ),
  row('coach', 'write-visitor-part', dialogueOfOthers, 'write a visitor’s part', DIALOGUE_IS_THE_ROOMS),
  row('teacher', 'write-host-part', dialogueInMyRoom, 'reply in the dialogue of their room', ALLOWED),
  row(
    'teacher',
    'write-host-part',
    dialogueIVisited,
    'reply as the host of a room they visited',
    'Only the teacher who was visited writes the reply and what they’ll try next.',
  ),
  row('coach', 'write-host-part', dialogueOfOthers, 'reply as the host', DIALOGUE_IS_THE_ROOMS),
  // Trust rule: a note belongs to the visited teacher. Only the host and the writer read it; coaches get 403.
  row('teacher', 'read', noteAboutMyRoom, 'read a note about their own room', ALLOWED),
  row('teacher', 'read', noteIWrote, 'read a note they wrote', ALLOWED),
  row('teacher', 'read', noteAboutOthers, "read a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('coach', 'read', noteAboutOthers, "read a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('coach', 'read', noteACoachWrote, 'read a note they wrote as a visitor', ALLOWED),
  row('teacher', 'edit', noteIWrote, 'change a note they wrote', ALLOWED),
  row(
    'teacher',
    'edit',
    noteAboutMyRoom,
    'change a note about their room',
    'Only the writer can change a note.',
  ),
  row('teacher', 'edit', noteAboutOthers, "change a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('coach', 'edit', noteAboutOthers, "change a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('teacher', 'remove', noteAboutMyRoom, 'delete a note about their own room', ALLOWED),
  row('teacher', 'remove', noteIWrote, 'delete a note they wrote', ALLOWED),
  row('teacher', 'remove', noteAboutOthers, "delete a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('coach', 'remove', noteAboutOthers, "delete a note about another teacher's room", NOTE_IS_THE_HOSTS),
  row('teacher', 'mark-useful', noteAboutMyRoom, 'mark a note about their room useful', ALLOWED),
  row(
    'teacher',
    'mark-useful',
    noteIWrote,
    'mark a note they wrote useful',
    'Only the visited teacher marks a note useful.',
  ),
  row(
    'coach',
    'mark-useful',
    noteAboutOthers,
    "mark a note about another teacher's room useful",
    NOTE_IS_THE_HOSTS,
  ),
  row(
    'teacher',
    'change',
    'retention',
    'set how long notes are kept',
    'Only coaches set how long notes are kept.',
  ),
  row('coach', 'change', 'retention', 'set how long notes are kept', ALLOWED),

  // Rounds and their debriefs: coaches plan and facilitate; a card is its author's (or the facilitator's) to take out.
  row('teacher', 'plan', 'round', 'plan a round', 'Only coaches plan rounds.'),
  row('coach', 'plan', 'round', 'plan a round', ALLOWED),
  row(
    'teacher',
    'brief',
    'round',
    'write a round’s briefing or change its roles',
    'Only coaches write a round’s briefing and change its roles.',
  ),
  row('coach', 'brief', 'round', 'write a round’s briefing or change its roles', ALLOWED),
  row(
    'teacher',
    'facilitate',
    'debrief',
    'move a debrief along',
    'The coach facilitating the round moves the debrief along.',
  ),
  row('coach', 'facilitate', 'debrief', 'move a debrief along', ALLOWED),
  row('teacher', 'withdraw', card({ authorId: TEACHER }), 'take out a debrief card they added', ALLOWED),
  row(
    'teacher',
    'withdraw',
    card({ authorId: COLLEAGUE }),
    "take out a colleague's debrief card",
    'Only the person who added a card, or the facilitator, can take it out.',
  ),
  row('coach', 'withdraw', card({ authorId: COLLEAGUE }), "take out a teacher's debrief card", ALLOWED),

  // Trust rule: coaches see only aggregates over at least 3 visits in at least 3 classrooms; never one teacher.
  row('teacher', 'read', 'picture', 'see the school-wide picture', 'The school-wide picture is for coaches.'),
  row('coach', 'read', 'picture', 'see the school-wide picture', ALLOWED),
  row('coach', 'read', pictureGroup(3, 3), 'see a picture group of 3 visits in 3 classrooms', ALLOWED),
  row(
    'coach',
    'read',
    pictureGroup(2, 2),
    'see a picture group of 2 visits',
    'A group is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),
  row(
    'coach',
    'read',
    pictureGroup(6, 1),
    "see a picture group of one teacher's room (a per-teacher score)",
    'A group is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),
  row(
    'coach',
    'read',
    pictureGroup(5, 2),
    'see a picture group of 5 visits in 2 classrooms',
    'A group is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),
  row(
    'teacher',
    'read',
    pictureGroup(10, 10),
    'see a picture group',
    'The school-wide picture is for coaches.',
  ),
  // The picture of finished rounds is the school's: teachers see it too, with the same thresholds.
  row('teacher', 'read-finished', 'picture', 'see the picture of finished rounds', ALLOWED),
  row('coach', 'read-finished', 'picture', 'see the picture of finished rounds', ALLOWED),
  row(
    'teacher',
    'read-finished',
    pictureGroup(3, 3),
    "see a finished round's evidence over 3 visits in 3 classrooms",
    ALLOWED,
  ),
  row(
    'teacher',
    'read-finished',
    pictureGroup(6, 2),
    "see a finished round's evidence over 2 classrooms",
    'A group is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),
  row(
    'coach',
    'read-finished',
    pictureGroup(2, 2),
    "see a finished round's evidence over 2 visits",
    'A group is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),

  // Problems of practice and cycles: everyone proposes and votes; coaches close proposals, start and grow cycles.
  row('teacher', 'close', 'problem', 'close a proposal', 'Only coaches close proposals.'),
  row('coach', 'close', 'problem', 'close a proposal', ALLOWED),
  row('teacher', 'start', 'cycle', 'start a cycle', 'Only coaches start a cycle.'),
  row('coach', 'start', 'cycle', 'start a cycle', ALLOWED),
  row('teacher', 'grow', 'cycle', 'add people to a cycle', 'Only coaches add people to a cycle.'),
  row('coach', 'grow', 'cycle', 'add people to a cycle', ALLOWED),
  row(
    'teacher',
    'change-strategies',
    'cycle',
    'change a cycle’s strategies',
    'Only coaches change a cycle’s strategies.',
  ),
  row('coach', 'change-strategies', 'cycle', 'change a cycle’s strategies', ALLOWED),
  row('teacher', 'end', 'cycle', 'end a cycle', 'Only coaches end a cycle.'),
  row('coach', 'end', 'cycle', 'end a cycle', ALLOWED),
  row(
    'teacher',
    'take-part',
    'district',
    'take part in a district network',
    'District networks are for coaches and school leaders.',
  ),
  row('coach', 'take-part', 'district', 'take part in a district network', ALLOWED),
  // The picture over time: the school's teachers see finished rounds; a round shows only above the thresholds.
  row(
    'teacher',
    'list',
    cycleRound(true, 0, 0),
    'see that a finished round is in the picture over time',
    ALLOWED,
  ),
  row(
    'teacher',
    'list',
    cycleRound(false, 9, 9),
    'see a round whose debrief is not finished in the picture over time',
    'Teachers see a round in the picture over time once its debrief is finished.',
  ),
  row(
    'coach',
    'list',
    cycleRound(false, 0, 0),
    'see that an unfinished round is in the picture over time',
    ALLOWED,
  ),
  row(
    'teacher',
    'read',
    cycleRound(true, 3, 3),
    'read a finished round of 3 visits in 3 classrooms',
    ALLOWED,
  ),
  row(
    'teacher',
    'read',
    cycleRound(true, 6, 1),
    "read a finished round of one teacher's room",
    'A round is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),
  row(
    'coach',
    'read',
    cycleRound(false, 3, 3),
    'read an unfinished round of 3 visits in 3 classrooms',
    ALLOWED,
  ),
  row(
    'coach',
    'read',
    cycleRound(false, 2, 2),
    'read a round of 2 visits',
    'A round is shown only when it spans at least 3 visits in at least 3 classrooms.',
  ),

  // The school's settings and LMS registration.
  row('teacher', 'read', 'settings', 'see the settings', 'Only coaches see the settings.'),
  row('coach', 'read', 'settings', 'see the settings', ALLOWED),
  row('teacher', 'update', 'settings', 'change the settings', 'Only coaches change the settings.'),
  row('coach', 'update', 'settings', 'change the settings', ALLOWED),
  row(
    'teacher',
    'read',
    registration(true),
    'see the LMS registration',
    'Only coaches see the LMS registration.',
  ),
  row('coach', 'read', registration(true), 'see the LMS registration', ALLOWED),
  row(
    'coach',
    'read',
    registration(false),
    'see an LMS registration the tool has no record of',
    'Your school is not registered.',
  ),
];

const named = table.map((r) => ({
  ...r,
  name:
    r.expected === true ? `a ${r.role} may ${r.doing}` : `a ${r.role} may not ${r.doing}: "${r.expected}"`,
}));

describe('who may do what', () => {
  it.each(named)('$name', ({ role, ask, expected }) => {
    expect(ask(actors[role])).toBe(expected);
  });

  it('when a policy has an action, then the table asks it of a teacher and of a coach', () => {
    const asked = new Set(table.map((r) => `${r.role} ${r.kind}.${r.action}`));
    const missing = Object.entries(policies).flatMap(([kind, actions]) =>
      Object.keys(actions).flatMap((action) =>
        (['teacher', 'coach'] as const).flatMap((role) =>
          asked.has(`${role} ${kind}.${action}`) ? [] : [`${role} ${kind}.${action}`],
        ),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('when a policy has an action, then docs/permissions.md lists it', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/permissions.md'), 'utf8');
    const actions = Object.entries(policies).flatMap(([kind, a]) =>
      Object.keys(a).map((x) => `${kind}.${x}`),
    );
    expect(actions.filter((a) => !doc.includes(`\`${a}\``))).toEqual([]);
  });

  it('when a rule refuses, then the asker gets a 403 with the FORBIDDEN code', () => {
    const error = (() => {
      try {
        authorize(actors.coach, 'read', noteAboutOthers);
      } catch (e) {
        return e as ForbiddenError;
      }
    })();
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.status).toBe(403);
  });

  it('when an action has no rules, then nobody may do it', () => {
    expect(can(actors.coach, 'delete' as Action<'strategy'>, 'strategy')).toBe(false);
  });
});
