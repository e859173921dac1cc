import { z } from 'zod';
import type { MessageKey } from './i18n';
import { SHARE_WORDS } from './notes';
import { DEBRIEF_PHASES, FOCUS_KINDS, ROUND_STATUSES } from './rounds';
import { PersonRefSchema } from './strategy';
import { safeText } from './text';

/**
 * Problems of practice and cycles (issue #17 items 2 and 4). Teachers propose the problem the school works on, and
 * vote or comment on the proposals before a cycle starts; the coach closes proposals and starts a cycle from one.
 * A cycle is a series of rounds on that problem: each round's next level of work becomes the next round's focus, and
 * the picture is shown round by round. Proposals are ranked by their votes; people never are.
 */
export const PROBLEM_STATUSES = ['open', 'closed', 'chosen'] as const;
export const VOTE_CHOICES = ['for', 'against'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** POST /api/problems: a teacher (or coach) proposes a problem of practice. */
export const ProblemInputSchema = z.object({
  title: safeText({ error: 'errors.field.problem.text' })
    .trim()
    .min(3, 'errors.field.problem.text-short')
    .max(300, 'errors.field.problem.text-long'),
  why: safeText()
    .trim()
    .max(1000, 'errors.field.problem.reason-long')
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type ProblemInput = z.input<typeof ProblemInputSchema>;
export type ProblemData = z.output<typeof ProblemInputSchema>;

/** PUT /api/problems/:id/vote: one vote per person and proposal, which they can change (or take back with DELETE). */
export const ProblemVoteInputSchema = z.object({
  choice: z.enum(VOTE_CHOICES, { error: 'errors.field.problem.vote' }),
});
export type ProblemVoteInput = z.infer<typeof ProblemVoteInputSchema>;

/** POST /api/problems/:id/comments: checked like a note for names, so no student (or colleague) is ever named. */
export const ProblemCommentInputSchema = z.object({
  text: safeText({ error: 'errors.field.comment.text' })
    .trim()
    .min(1, 'errors.field.comment.text')
    .max(1000, 'errors.field.comment.text-long'),
});
export type ProblemCommentInput = z.infer<typeof ProblemCommentInputSchema>;

export const ProblemSchema = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string().nullable(),
  status: z.enum(PROBLEM_STATUSES),
  proposer: PersonRefSchema,
  /** Counts only: who voted how is never shown, except the asker's own vote. */
  votes: z.object({ for: z.number().int(), against: z.number().int() }),
  myVote: z.enum(VOTE_CHOICES).nullable(),
  comments: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      author: PersonRefSchema,
      mine: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  /** The cycle started from it, once the coach chose it. */
  cycleId: z.string().nullable(),
  createdAt: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Open proposals first, ranked by votes (for minus against, then for), then the closed and chosen ones. */
export const ProblemListSchema = z.object({ items: z.array(ProblemSchema) });

const personIds = (min: number, tooFew: MessageKey) =>
  z
    .array(safeText().min(1), { error: 'errors.field.cycle.people-list' })
    .min(min, tooFew)
    .max(60, 'errors.field.cycle.people-max')
    .refine((list) => new Set(list).size === list.length, 'errors.field.cycle.people-repeated');

/** At most this many menu strategies go alongside a cycle's picture over time. */
export const CYCLE_MAX_STRATEGIES = 12;

/** POST /api/cycles (coach): start a cycle on a proposal, with at least three volunteers to begin with. */
export const CycleInputSchema = z.object({
  problemId: safeText({ error: 'errors.field.cycle.problem' }).min(1, 'errors.field.cycle.problem'),
  title: safeText()
    .trim()
    .max(120, 'errors.field.round.title-long')
    .nullish()
    .transform((s) => (s ? s : null)),
  memberIds: personIds(3, 'errors.field.cycle.members-few'),
  /** Menu strategies the cycle works with: their "I tried it" counts go alongside the picture over time. */
  strategyIds: z
    .array(safeText().min(1))
    .max(CYCLE_MAX_STRATEGIES, 'errors.field.cycle.strategies-max')
    .refine((list) => new Set(list).size === list.length, 'errors.field.cycle.strategies-repeated')
    .default([]),
});
export type CycleInput = z.input<typeof CycleInputSchema>;
export type CycleData = z.output<typeof CycleInputSchema>;

/** POST /api/cycles/:id/members (coach): the cycle grows; nobody is taken out by adding. */
export const CycleMembersInputSchema = z.object({
  personIds: personIds(1, 'errors.field.cycle.people-none'),
});
export type CycleMembersInput = z.infer<typeof CycleMembersInputSchema>;

/**
 * POST /api/cycles/:id/strategies (coach): a menu strategy joins a running cycle, e.g. when a debrief points to it;
 * DELETE /api/cycles/:id/strategies/:strategyId takes one out that was added by mistake.
 */
export const CycleStrategyInputSchema = z.object({
  strategyId: safeText({ error: 'errors.field.cycle.strategy' }).min(1, 'errors.field.cycle.strategy'),
});
export type CycleStrategyInput = z.infer<typeof CycleStrategyInputSchema>;

export const CYCLE_STATUSES = ['active', 'ended'] as const;

export const CycleSchema = z.object({
  id: z.string(),
  title: z.string(),
  problem: z.object({ id: z.string(), title: z.string() }),
  status: z.enum(CYCLE_STATUSES),
  members: z.array(PersonRefSchema),
  strategies: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Its rounds, oldest first. Teachers see published rounds only; coaches see drafts too. */
  rounds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      date: z.string(),
      status: z.enum(ROUND_STATUSES),
      phase: z.enum(DEBRIEF_PHASES),
      focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
      lookFor: z.string().nullable(),
      /** The debrief's next level of work, once the debrief is done. */
      nextLevel: z.string().nullable(),
    }),
  ),
  /** What the next round starts from: the last finished debrief's next level of work (null before the first). */
  next: z.object({ fromRound: z.string(), focus: z.string(), lookFor: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type Cycle = z.infer<typeof CycleSchema>;
export const CycleListSchema = z.object({ items: z.array(CycleSchema) });

/**
 * GET /api/cycles/:id/picture: the picture round by round. A round's share words are shown only when its notes span
 * enough visits in enough classrooms (the school picture's thresholds); teachers see finished rounds only.
 */
export const CyclePictureSchema = z.object({
  cycleId: z.string(),
  minVisits: z.number().int(),
  minHosts: z.number().int(),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
  rounds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      date: z.string(),
      /** Null when the round is below the thresholds: nothing of it is shown. */
      shares: z.array(z.object({ theme: z.string(), share: z.enum(SHARE_WORDS) })).nullable(),
    }),
  ),
  /** "I tried it" per strategy of the cycle; null when fewer than `minTried` people did (too few to show). */
  strategies: z.array(z.object({ id: z.string(), title: z.string(), tried: z.number().int().nullable() })),
  minTried: z.number().int(),
});
export type CyclePicture = z.infer<typeof CyclePictureSchema>;

/** Fewer people than this who tried a strategy are told as "fewer than 3", never as a number. */
export const MIN_TRIED_SHOWN = 3;

const FOCUS_MAX = 300;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * The next round's focus and look-for from a debrief's next level of work: its first sentence is the focus, the
 * whole text (clipped to the field's length) is what visitors look for. Pure: the server sends it, the form fills it.
 */
export function nextRoundFocus(nextLevel: string): { focus: string; lookFor: string | null } {
  const text = nextLevel.replace(/\s+/g, ' ').trim();
  const first = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const rest = text.slice(first.length).trim();
  return { focus: clip(first, FOCUS_MAX), lookFor: rest ? clip(text, FOCUS_MAX) : null };
}
