import { z } from 'zod';
import type { MessageKey } from './i18n';
import { RoundSummarySchema } from './rounds';
import { safeText } from './text';

/**
 * Positive-evidence notes: short, low-inference, strength-focused notes a visitor writes about a visit. A note belongs
 * to the visited teacher (the host): the host reads every note about their room, the writer reads their own, and
 * nobody else reads individual notes — coaches included. Coaches see only the school-wide picture.
 */
export const NOTE_PROMPTS = ['students', 'teacher', 'prediction'] as const;
export type NotePrompt = (typeof NOTE_PROMPTS)[number];

/** The guiding prompts, in the order the editor shows them. */
export const PROMPT_TEXT: Record<NotePrompt, string> = {
  students: 'What did students say or do?',
  teacher: 'What did the teacher say or do?',
  prediction: 'What would a student here know and be able to do?',
};

/** The guiding prompts' message keys (shared/i18n): what the interface shows, in its language. */
export const PROMPT_KEYS: Record<NotePrompt, MessageKey> = {
  students: 'note.prompt.students',
  teacher: 'note.prompt.teacher',
  prediction: 'note.prompt.prediction',
};

export const MAX_NOTE_LENGTH = 500;

export const NoteInputSchema = z.object({
  visitId: safeText({ error: 'errors.field.api.visit-id' }).min(1, 'errors.field.api.visit-id'),
  prompt: z.enum(NOTE_PROMPTS, { error: 'errors.field.note.prompt' }),
  text: safeText({ error: 'errors.field.note.text' })
    .trim()
    .min(1, 'errors.field.note.text')
    .max(MAX_NOTE_LENGTH, 'errors.field.note.text-long'),
  /** The writer saw the linter's evaluative or inference flags and saves anyway. Names can never be confirmed. */
  confirmFlags: z.boolean().default(false),
});
export type NoteInput = z.input<typeof NoteInputSchema>;
export type NoteData = z.output<typeof NoteInputSchema>;

/** PATCH /api/notes/:id (the writer). */
export const NoteEditSchema = NoteInputSchema.pick({ text: true, confirmFlags: true });
export type NoteEditInput = z.input<typeof NoteEditSchema>;
export type NoteEdit = z.output<typeof NoteEditSchema>;

/** GET /api/notes: notes about my room or the notes I wrote, optionally for one visit. */
export const NotesQuerySchema = z.object({
  which: z.enum(['about', 'written'], { error: 'errors.field.api.which' }),
  visitId: safeText().max(100).optional(),
});
export type NotesQuery = z.infer<typeof NotesQuerySchema>;

export const NoteFlagSchema = z.object({
  kind: z.enum(['evaluative', 'inference', 'name']),
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  suggestion: z.string().optional(),
});

export const NoteSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  prompt: z.enum(NOTE_PROMPTS),
  text: z.string(),
  /** When the visit happened, and what was sampled (no other person's name). */
  visit: z.object({
    startsAt: z.string(),
    strategyTitle: z.string().nullable(),
    /** The round the visit belonged to (the debrief lists the writer's notes of its round). */
    roundId: z.string().nullable(),
    roundTitle: z.string().nullable(),
  }),
  /** The writer's name: shown to the host (who was visited by them) and to the writer; null otherwise. */
  writer: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The host marked it useful. */
  useful: z.boolean(),
  mine: z.boolean(),
  aboutMe: z.boolean(),
  expiresAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteListSchema = z.object({ items: z.array(NoteSchema), expiresOn: z.string() });

/** POST /api/notes/:id/useful */
export const UsefulInputSchema = z.object({ useful: z.boolean({ error: 'errors.field.api.useful' }) });
export type UsefulInput = z.infer<typeof UsefulInputSchema>;

/** POST /api/visits/:id/thanks: the host thanks a visitor. */
export const ThanksInputSchema = z.object({
  message: safeText({ error: 'errors.field.thanks.message' })
    .trim()
    .min(1, 'errors.field.thanks.message')
    .max(300, 'errors.field.thanks.message-long'),
});
export type ThanksInput = z.infer<typeof ThanksInputSchema>;

/** GET/PUT /api/notes/retention (coach): the day notes are deleted, for the whole school. */
export const RetentionSchema = z.object({
  expiresOn: z
    .string({ error: 'errors.field.date.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.field.retention.format'),
});
export type Retention = z.infer<typeof RetentionSchema>;

/** How a share of visits is told: never a raw per-room number. */
export const SHARE_WORDS = ['few', 'some', 'many', 'most'] as const;
export type ShareWord = (typeof SHARE_WORDS)[number];

/** few < 25 % ≤ some < 50 % ≤ many < 75 % ≤ most. */
export function shareWord(part: number, whole: number): ShareWord {
  const share = whole === 0 ? 0 : part / whole;
  return share >= 0.75 ? 'most' : share >= 0.5 ? 'many' : share >= 0.25 ? 'some' : 'few';
}

/** The picture shows a group only when it spans at least this many visits and this many different classrooms. */
export const PICTURE_MIN_VISITS = 3;
export const PICTURE_MIN_HOSTS = 3;

export const PictureGroupSchema = z.object({
  /** What the group is: the whole school, a strategy (title) or a tag. */
  kind: z.enum(['school', 'strategy', 'tag']),
  label: z.string(),
  /** Patterns of evidence: for each theme, in how many of the group's visits notes showed it, in words. */
  themes: z.array(z.object({ theme: z.string(), label: z.string(), share: z.enum(SHARE_WORDS) })),
});

export const PictureSchema = z.object({
  by: z.enum(['strategy', 'tag']),
  groups: z.array(PictureGroupSchema),
  /** Groups with evidence that are held back because they span too few visits or classrooms. */
  withheld: z.number().int(),
  minVisits: z.number().int(),
  minHosts: z.number().int(),
  /** Finished debriefs of published rounds: the groups' own patterns, predictions and next level of work. */
  rounds: z.array(RoundSummarySchema),
});
export type Picture = z.infer<typeof PictureSchema>;

/** GET /api/picture and /api/picture.csv: grouped by tag (the default) or by strategy. */
export const PictureQuerySchema = z.object({
  by: z.enum(['strategy', 'tag'], { error: 'errors.field.api.picture-by' }).default('tag'),
});
export type PictureQuery = z.infer<typeof PictureQuerySchema>;
