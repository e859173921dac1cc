import { z } from 'zod';
import { safeText } from './text';

/**
 * The reflective dialogue after a visit (the coaching-rounds model): one short thread per visited lesson (a door),
 * private to its host and the visitors who were booked into it. Visitors write what they noticed and what they are
 * wondering; the host replies and says what they will try next. Append-only: one entry per person and part, so the
 * host's reply always answers what the visitors actually wrote. Never used by the picture; no scores.
 */
export const VISITOR_PARTS = ['noticed', 'wondering'] as const;
export const HOST_PARTS = ['reply', 'next_step'] as const;
export const DIALOGUE_PARTS = [...VISITOR_PARTS, ...HOST_PARTS] as const;
export type DialoguePart = (typeof DIALOGUE_PARTS)[number];

/** The same limit as a note, so the same text box serves both. */
export const MAX_DIALOGUE_LENGTH = 500;

/** POST /api/doors/:id/dialogue */
export const DialogueEntryInputSchema = z.object({
  part: z.enum(DIALOGUE_PARTS, { error: 'errors.field.dialogue.part' }),
  text: safeText({ error: 'errors.field.dialogue.text' })
    .trim()
    .min(1, 'errors.field.dialogue.text')
    .max(MAX_DIALOGUE_LENGTH, 'errors.field.dialogue.text-long'),
  /** The writer saw the linter's judgment or inference flags on "noticed" and saves anyway; never for names. */
  confirmFlags: z.boolean().default(false),
});
export type DialogueEntryInput = z.input<typeof DialogueEntryInputSchema>;
export type DialogueEntryData = z.output<typeof DialogueEntryInputSchema>;

export const DialogueEntrySchema = z.object({
  id: z.string(),
  part: z.enum(DIALOGUE_PARTS),
  text: z.string(),
  /** Who wrote it: the host and the visitors are peers who were in the room together. */
  author: z.object({ id: z.string(), name: z.string() }),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type DialogueEntry = z.infer<typeof DialogueEntrySchema>;

export const DialogueSchema = z.object({
  doorId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  strategyTitle: z.string().nullable(),
  host: z.object({ id: z.string(), name: z.string() }),
  /** The asker's side of the thread. */
  role: z.enum(['host', 'visitor']),
  /** The thread opens once the visit has ended. */
  open: z.boolean(),
  /** The parts the asker can still write (each once). */
  canWrite: z.array(z.enum(DIALOGUE_PARTS)),
  entries: z.array(DialogueEntrySchema),
  /** Entries are deleted with the school's notes, on this day. */
  expiresOn: z.string(),
});
export type Dialogue = z.infer<typeof DialogueSchema>;
