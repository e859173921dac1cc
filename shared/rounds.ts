import { z } from 'zod';
import { WireProblemSchema } from './error-body';
import { type MessageKey, translator } from './i18n';
import { PersonRefSchema } from './strategy';
import { safeText } from './text';
import { LocalDateSchema, LocalTimeSchema, OccurrenceSchema, TimeZoneSchema } from './visits';
import { OCCURRENCES } from './zoned-time';

/**
 * A round: a coach-planned morning of visits. Groups of 4–5 teachers rotate through 4–5 classrooms around one
 * focus. The plan itself is made by the pure planner in shared/rounds-planner.ts.
 */
export const ROUND_STATUSES = ['draft', 'published'] as const;
export const FOCUS_KINDS = ['strategy', 'tag', 'problem'] as const;

/** A list of people (ids) on the round form, with its messages (keys written out whole, one set per list). */
const ids = (m: { list: MessageKey; none: MessageKey; many: MessageKey; repeated: MessageKey }) =>
  z
    .array(safeText().min(1), { error: m.list })
    .min(1, m.none)
    .max(60, m.many)
    .refine((list) => new Set(list).size === list.length, m.repeated);

export const RoundInputSchema = z.object({
  title: safeText({ error: 'errors.field.strategy.title' })
    .trim()
    .min(1, 'errors.field.strategy.title')
    .max(120, 'errors.field.round.title-long'),
  focus: z.object({
    kind: z.enum(FOCUS_KINDS, { error: 'errors.field.round.focus-kind' }),
    value: safeText({ error: 'errors.field.round.focus' })
      .trim()
      .min(1, 'errors.field.round.focus')
      .max(300, 'errors.field.round.focus-long'),
  }),
  date: LocalDateSchema,
  start: LocalTimeSchema,
  timeZone: TimeZoneSchema,
  occurrence: OccurrenceSchema,
  slotMinutes: z
    .number({ error: 'errors.field.round.slot-number' })
    .int()
    .min(5, 'errors.field.door.minutes-min')
    .max(30, 'errors.field.round.slot-max')
    .default(10),
  gapMinutes: z
    .number({ error: 'errors.field.round.gap-number' })
    .int()
    .min(0, 'errors.field.round.gap-min')
    .max(30, 'errors.field.round.gap-max')
    .default(5),
  participantIds: ids({
    list: 'errors.field.round.participants-list',
    none: 'errors.field.round.participants-none',
    many: 'errors.field.round.participants-many',
    repeated: 'errors.field.round.participants-repeated',
  }),
  hostIds: ids({
    list: 'errors.field.round.hosts-list',
    none: 'errors.field.round.hosts-none',
    many: 'errors.field.round.hosts-many',
    repeated: 'errors.field.round.hosts-repeated',
  }),
  /** Where each host's classroom is (host id → room or link). */
  locations: z.record(safeText(), safeText().trim().max(200, 'errors.field.round.location-long')).default({}),
  lookFor: safeText()
    .trim()
    .max(300, 'errors.field.round.look-for-long')
    .nullish()
    .transform((s) => (s ? s : null)),
  /** The person was told the time is outside the school day (a weekend, before or after the bells) and keeps it. */
  confirmOutsideSchoolDay: z.boolean({ error: 'errors.field.api.confirm-outside' }).default(false),
  /** The cycle this round belongs to (shared/cycles.ts), if any. */
  cycleId: safeText().max(100, 'errors.field.api.cycle-id-long').nullish(),
});
export type RoundInput = z.input<typeof RoundInputSchema>;
export type RoundData = z.output<typeof RoundInputSchema>;

/** PUT /api/rounds/:id/groups: the coach's hand-adjusted groups (person ids); the rotation is made again from them. */
export const RoundGroupsInputSchema = z.object({
  groups: z
    .array(z.array(safeText().min(1)).min(1, 'errors.field.round.group-empty'))
    .min(1, 'errors.field.round.groups-none'),
});
export type RoundGroupsInput = z.infer<typeof RoundGroupsInputSchema>;

/**
 * POST /api/rounds/:id/publish. A plan with trade-offs (hosts who also visit, rooms only one group visits) is
 * published only once the coach has read them and says so: until then 422 ROUND_TRADEOFFS_UNCONFIRMED lists them.
 */
export const RoundPublishInputSchema = z
  .object({
    confirmTradeoffs: z.boolean({ error: 'errors.field.api.confirm-tradeoffs' }).default(false),
  })
  .prefault({}); // no body at all is an unconfirmed publish
export type RoundPublishInput = z.input<typeof RoundPublishInputSchema>;
export type RoundPublishData = z.output<typeof RoundPublishInputSchema>;

export const RoundSlotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  visits: z.array(z.object({ hostId: z.string(), group: z.number().int(), visitorIds: z.array(z.string()) })),
});

/** A slot a host declined, on the coach's round page: why, and where the coach moved the group once re-planned. */
export const RoundDeclineSchema = z.object({
  id: z.string(),
  hostId: z.string(),
  startsAt: z.string(),
  reason: z.string(),
  declinedAt: z.string(),
  replanned: z.object({ host: PersonRefSchema, location: z.string() }).nullable(),
});
export type RoundDecline = z.infer<typeof RoundDeclineSchema>;

export const RoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
  date: z.string(),
  start: z.string(),
  timeZone: z.string(),
  /** Set only when `start` happens twice on `date` (clocks go back): which one the round starts at. */
  occurrence: z.enum(OCCURRENCES).nullable(),
  slotMinutes: z.number().int(),
  gapMinutes: z.number().int(),
  lookFor: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  /** The cycle the round belongs to, or null for a round on its own. */
  cycleId: z.string().nullable(),
  participants: z.array(PersonRefSchema),
  hosts: z.array(PersonRefSchema.extend({ location: z.string() })),
  groups: z.array(z.array(z.string())),
  slots: z.array(RoundSlotSchema),
  /**
   * What this plan costs (hosts who also visit see fewer rooms, rooms only one group visits), shown before publishing:
   * `message` in US English, `problem` its catalog words (shared/problems.ts) for the reader's language.
   */
  tradeoffs: z.array(
    z.object({
      kind: z.enum(['host-also-visits', 'room-visited-once']),
      message: z.string(),
      problem: WireProblemSchema,
    }),
  ),
  /** Slots their hosts declined once the round was published (shared/round-hosts.ts). */
  declines: z.array(RoundDeclineSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Round = z.infer<typeof RoundSchema>;

export const RoundListSchema = z.object({ items: z.array(RoundSchema) });

/**
 * GET /api/round-notices: what the asking coach needs to act on in the rounds they planned (a participant cancelled a
 * round visit, so a group is one short). Participation logistics, never a judgement of the person.
 */
export const RoundNoticeSchema = z.object({
  id: z.string(),
  /** A participant cancelled a round visit, or a host declined a slot of their room (then `person` is the host). */
  kind: z.enum(['visit_cancelled', 'slot_declined']),
  round: z.object({ id: z.string(), title: z.string() }),
  person: PersonRefSchema,
  /** A declined slot: the host's reason, and the decline the coach can re-plan. */
  decline: z.object({ id: z.string(), reason: z.string(), replanned: z.boolean() }).nullable(),
  /** Whose classroom the cancelled visit was to, and when it starts. */
  host: z.object({ name: z.string() }),
  startsAt: z.string(),
  /** Why they canceled, in their words (null for notices from before reasons were asked). */
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type RoundNotice = z.infer<typeof RoundNoticeSchema>;
export const RoundNoticeListSchema = z.object({ items: z.array(RoundNoticeSchema) });

/** GET /api/people: colleagues who have opened Tasting Menu in this school (staff only), to pick for a round. */
export const PeopleSchema = z.object({
  items: z.array(PersonRefSchema.extend({ role: z.enum(['teacher', 'coach']) })),
});

/** The debrief moves from what we saw to what we do next; the facilitator (the round's coach) moves the phase. */
export const DEBRIEF_PHASES = ['description', 'analysis', 'prediction', 'next', 'done'] as const;
export type DebriefPhase = (typeof DEBRIEF_PHASES)[number];

/**
 * What a phase needs before the group moves on from it: the evidence before analysis, a pattern before prediction,
 * the prediction before the next level of work, and that next level before finishing. Pure, shared by the server
 * (which refuses to move on without it unless the coach skips, saying why) and the app (which says what is missing).
 */
export interface DebriefProgress {
  cards: number;
  /** Cards grouped into a pattern. */
  groupedCards: number;
  prediction: string | null;
  nextLevel: string | null;
}
/** What each phase needs, one message each (shared/i18n); `done` needs nothing. */
export const PHASE_NEEDS: Record<DebriefPhase, MessageKey | null> = {
  description: 'debrief.needs.description',
  analysis: 'debrief.needs.analysis',
  prediction: 'debrief.needs.prediction',
  next: 'debrief.needs.next',
  done: null,
};

/** What `phase` still needs, in US English (the API's `needs`; the app says them with `PHASE_NEEDS`). */
export function phaseNeeds(phase: DebriefPhase, p: DebriefProgress): string[] {
  const has = {
    description: p.cards > 0,
    analysis: p.groupedCards > 0,
    prediction: Boolean(p.prediction?.trim()),
    next: Boolean(p.nextLevel?.trim()),
    done: true,
  }[phase];
  const need = PHASE_NEEDS[phase];
  return has || !need ? [] : [translator('en')(need)];
}

/** The phases left behind when moving from `from` to `to` (none when moving back or staying). */
export function phasesPassed(from: DebriefPhase, to: DebriefPhase): DebriefPhase[] {
  const a = DEBRIEF_PHASES.indexOf(from);
  const b = DEBRIEF_PHASES.indexOf(to);
  return b > a ? DEBRIEF_PHASES.slice(a, b) : [];
}

export const DebriefSchema = z.object({
  roundId: z.string(),
  title: z.string(),
  focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
  phase: z.enum(DEBRIEF_PHASES),
  /** The asker runs the debrief (the coach who planned the round). */
  facilitator: z.boolean(),
  /** Evidence cards: text only — no writer, no classroom. `mine` lets a writer withdraw their own card. */
  cards: z.array(
    z.object({ id: z.string(), text: z.string(), patternId: z.string().nullable(), mine: z.boolean() }),
  ),
  patterns: z.array(z.object({ id: z.string(), name: z.string() })),
  prediction: z.string().nullable(),
  nextLevel: z.string().nullable(),
  summarizedAt: z.string().nullable(),
  /** What the current phase still needs before the group moves on ([] when it has it). */
  needs: z.array(z.string()),
  /** Phases the coach moved on from without what they need, and why. */
  skips: z.array(z.object({ phase: z.enum(DEBRIEF_PHASES), reason: z.string(), at: z.string() })),
});
export type Debrief = z.infer<typeof DebriefSchema>;

/** POST /api/rounds/:id/debrief/cards: a writer adds one of their own notes from this round as a card. */
export const DebriefCardInputSchema = z.object({ noteId: safeText().min(1, 'errors.field.api.note-id') });
export type DebriefCardInput = z.infer<typeof DebriefCardInputSchema>;

/** POST /api/rounds/:id/debrief/patterns (facilitator). */
export const DebriefPatternInputSchema = z.object({
  name: safeText({ error: 'errors.field.debrief.pattern' })
    .trim()
    .min(1, 'errors.field.debrief.pattern')
    .max(120, 'errors.field.debrief.pattern-long'),
});
export type DebriefPatternInput = z.infer<typeof DebriefPatternInputSchema>;

/** PUT /api/rounds/:id/debrief/cards/:cardId (facilitator): group a card into a pattern, or take it out. */
export const DebriefCardMoveSchema = z.object({ patternId: safeText().nullable() });
export type DebriefCardMove = z.infer<typeof DebriefCardMoveSchema>;

/** PUT /api/rounds/:id/debrief (facilitator): the phase and the group's words. */
export const DebriefUpdateSchema = z.object({
  phase: z.enum(DEBRIEF_PHASES, { error: 'errors.field.debrief.phase' }).optional(),
  prediction: safeText().trim().max(2000, 'errors.field.debrief.prediction-long').nullish(),
  nextLevel: safeText().trim().max(2000, 'errors.field.debrief.next-long').nullish(),
  /** Move on although a phase lacks what it needs: the coach says why (kept with the debrief). */
  skipReason: safeText()
    .trim()
    .min(3, 'errors.field.debrief.skip')
    .max(300, 'errors.field.debrief.skip-long')
    .optional(),
});
export type DebriefUpdate = z.infer<typeof DebriefUpdateSchema>;

/** Round summaries in the school picture: the group's patterns and words, with no names and no rooms. */
export const RoundSummarySchema = z.object({
  title: z.string(),
  date: z.string(),
  focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
  patterns: z.array(z.object({ name: z.string(), cards: z.number().int() })),
  prediction: z.string().nullable(),
  nextLevel: z.string().nullable(),
});
