import { z } from 'zod';
import { DIALOGUE_PARTS } from './dialogue';
import { NOTE_PROMPTS } from './notes';
import { safeText, safeToken } from './text';

/**
 * District networks across schools (issue #17 item 5). A district spans several schools (LMS deployments); their
 * coaches visit each other's rounds. A host school opens a round to the district with its problem of practice;
 * visiting coaches take a seat, visit its rooms and write notes, which belong to the host school's visited teacher.
 * The picture stays with the host school. The district page shows only what builds the community: how many visits
 * crossed schools, which schools hosted and visited (schools, never people), and the evidence patterns that recur in
 * at least three schools.
 */
export const DISTRICT_SCHOOL_STATUSES = ['invited', 'member'] as const;

/** Patterns recur across schools when their rounds' pictures show them in at least this many schools. */
export const DISTRICT_PATTERN_SCHOOLS = 3;

/** POST /api/districts: a coach starts a district with their school as its first member. */
export const DistrictInputSchema = z.object({
  name: safeText({ error: 'errors.field.district.name' })
    .trim()
    .min(2, 'errors.field.district.name')
    .max(120, 'errors.field.district.name-long'),
});
export type DistrictInput = z.infer<typeof DistrictInputSchema>;

/** POST /api/districts/join: another school's coach redeems a single-use invitation code. */
export const DistrictJoinInputSchema = z.object({
  code: safeToken({ error: 'errors.field.district.code' })
    .trim()
    .min(6, 'errors.field.district.code-short')
    .max(64, 'errors.field.district.code-long'),
});
export type DistrictJoinInput = z.infer<typeof DistrictJoinInputSchema>;

/** POST /api/districts/:id/rounds: a host school's coach opens one of its published rounds to the district. */
export const DistrictRoundInputSchema = z.object({
  roundId: safeToken({ error: 'errors.field.district.round' }).min(1, 'errors.field.district.round'),
  problem: safeText({ error: 'errors.field.district.problem' })
    .trim()
    .min(3, 'errors.field.district.problem')
    .max(300, 'errors.field.problem.text-long'),
});
export type DistrictRoundInput = z.infer<typeof DistrictRoundInputSchema>;

/** POST /api/districts/:id/rounds/:roundId/visits: a seated visitor visits one of the round's rooms. */
export const DistrictVisitInputSchema = z.object({
  doorId: safeToken({ error: 'errors.field.district.room' }).min(1, 'errors.field.district.room'),
});
export type DistrictVisitInput = z.infer<typeof DistrictVisitInputSchema>;

export const DistrictSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The asker's school's membership: `invited` until its coach accepts. */
  status: z.enum(DISTRICT_SCHOOL_STATUSES),
});
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;

export const DistrictInviteSchema = z.object({
  /** Shown once: only its hash is stored. */
  code: z.string(),
  expiresAt: z.string(),
});
export type DistrictInvite = z.infer<typeof DistrictInviteSchema>;

export const DistrictRoundSummarySchema = z.object({
  roundId: z.string(),
  title: z.string(),
  problem: z.string(),
  hostSchool: z.string(),
  date: z.string(),
  /** The asker's school hosts it. */
  mine: z.boolean(),
  /** The asker has a seat in it. */
  seated: z.boolean(),
});
export type DistrictRoundSummary = z.infer<typeof DistrictRoundSummarySchema>;

/** GET /api/districts/:id: aggregates only — schools, never people; counts, never notes. */
export const DistrictPageSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Each school's label: its own name (Settings), or the platform's; no two the same (" (2)" after a repeat). */
  schools: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(DISTRICT_SCHOOL_STATUSES) })),
  /** Visits by a coach of one school in another school's room that have started. */
  crossedVisits: z.number().int(),
  /** Host school → visiting school, with how many such visits: a map of schools, keyed by their ids (names are labels). */
  connections: z.array(
    z.object({
      hostId: z.string(),
      host: z.string(),
      visitorId: z.string(),
      visitor: z.string(),
      visits: z.number().int(),
    }),
  ),
  /** Names of evidence patterns shown in the round pictures of at least DISTRICT_PATTERN_SCHOOLS host schools. */
  patterns: z.array(z.string()),
  rounds: z.array(DistrictRoundSummarySchema),
});
export type DistrictPage = z.infer<typeof DistrictPageSchema>;

/**
 * The host round's briefing as a seated visitor reads it: the coach's words and the norms, and whether the visitor has
 * read the current words. Never the host school's people: no groups, roles or whose room.
 */
export const VisitorBriefingSchema = z.object({
  why: z.string().nullable(),
  lookFors: z.string().nullable(),
  norms: z.array(z.string()),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** The acknowledgement covers the current words. */
  current: z.boolean(),
});
export type VisitorBriefing = z.infer<typeof VisitorBriefingSchema>;

/** GET /api/districts/:id/rounds/:roundId for a seated visitor: the round's doors, their visits and their own notes. */
export const CrossRoundSchema = z.object({
  roundId: z.string(),
  title: z.string(),
  problem: z.string(),
  hostSchool: z.string(),
  lookFor: z.string().nullable(),
  briefing: VisitorBriefingSchema,
  doors: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      location: z.string(),
      /** The asker's visit of this door, when they booked it. */
      visitId: z.string().nullable(),
    }),
  ),
  notes: z.array(
    z.object({
      id: z.string(),
      visitId: z.string(),
      prompt: z.enum(NOTE_PROMPTS),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type CrossRound = z.infer<typeof CrossRoundSchema>;

/**
 * POST /api/districts/:id/rounds/:roundId/visits/:visitId/cancel: a seated visitor cancels a visit, saying why (as
 * every round visit requires); the host round's coach reads it under "Needs your attention".
 */
export const CrossCancelInputSchema = z.object({
  reason: safeText({ error: 'errors.field.district.cancel-reason' })
    .trim()
    .min(1, 'errors.field.district.cancel-reason')
    .max(300, 'errors.field.debrief.skip-long'),
});
export type CrossCancelInput = z.infer<typeof CrossCancelInputSchema>;

/**
 * GET/POST /api/districts/:id/rounds/:roundId/dialogue/:doorId: the reflective dialogue after a seated visitor's visit,
 * private to that room's host and its visitors. The visitor reads the entries by role, never by name: the host school's
 * people stay its own.
 */
export const CrossDialogueSchema = z.object({
  doorId: z.string(),
  location: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  open: z.boolean(),
  canWrite: z.array(z.enum(DIALOGUE_PARTS)),
  entries: z.array(
    z.object({
      id: z.string(),
      part: z.enum(DIALOGUE_PARTS),
      text: z.string(),
      /** The host of the room, the asker, or another visitor of the room. */
      by: z.enum(['host', 'me', 'visitor']),
      createdAt: z.string(),
    }),
  ),
  expiresOn: z.string(),
});
export type CrossDialogue = z.infer<typeof CrossDialogueSchema>;
