import { z } from 'zod';
import { SHARE_WORDS } from './notes';
import { RoundSummarySchema } from './rounds';

/**
 * GET /api/picture/rounds: the school picture of finished rounds, for every teacher and coach of the school (issue #17
 * item 2). Each finished round's debrief summary (the group's patterns, prediction and next level of work) and the
 * patterns of evidence across its visits in words — shown only when the round spans at least `minVisits` visits in
 * `minHosts` classrooms, as for the coaches' picture. Aggregates only: no room, no teacher, no note.
 */
export const FinishedRoundPictureSchema = RoundSummarySchema.extend({
  id: z.string(),
  /** For each evidence theme, in how many of the round's visits notes showed it; null below the thresholds. */
  evidence: z
    .array(z.object({ theme: z.string(), label: z.string(), share: z.enum(SHARE_WORDS) }))
    .nullable(),
});
export type FinishedRoundPicture = z.infer<typeof FinishedRoundPictureSchema>;

export const FinishedRoundPicturesSchema = z.object({
  items: z.array(FinishedRoundPictureSchema),
  minVisits: z.number().int(),
  minHosts: z.number().int(),
});
export type FinishedRoundPictures = z.infer<typeof FinishedRoundPicturesSchema>;
