import { z } from 'zod';
import { FOCUS_KINDS } from './rounds';
import { PersonRefSchema } from './strategy';
import { safeText } from './text';

/**
 * Hosts in a round's decisions (issue #17 item 2): a host chooses what visitors look for in their room, within the
 * round's focus, and can decline one of their slots with a reason the coach reads.
 */

/** The look-fors a round offers its hosts: the coach's look-for prompt, one per line. */
export function roundLookFors(lookFor: string | null): string[] {
  const lines = (lookFor ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

/** What the host's visitors read as "Look for:": the picked look-fors, then the host's own. */
export function hostLookForText(picked: readonly string[], own: string | null): string {
  return [...picked, ...(own ? [own] : [])].join(' · ');
}

export const MAX_HOST_LOOK_FORS = 3;

/** PUT /api/rounds/:id/host/look-for: some of the round's look-fors and/or one of the host's own. */
export const HostLookForInputSchema = z
  .object({
    picked: z
      .array(safeText({ error: 'errors.field.look-for.text' }).trim().min(1, 'errors.field.look-for.empty'), {
        error: 'errors.field.look-for.picked',
      })
      .max(MAX_HOST_LOOK_FORS, 'errors.field.look-for.many')
      .refine((list) => new Set(list).size === list.length, 'errors.field.look-for.repeated')
      .default([]),
    own: safeText({ error: 'errors.field.look-for.own' })
      .trim()
      .max(200, 'errors.field.look-for.own-long')
      .nullish()
      .transform((s) => (s ? s : null)),
  })
  .refine((d) => d.picked.length > 0 || d.own !== null, {
    message: 'errors.field.look-for.choose',
    path: ['picked'],
  });
export type HostLookForInput = z.input<typeof HostLookForInputSchema>;
export type HostLookForData = z.output<typeof HostLookForInputSchema>;

/** POST /api/doors/:id/decline: the host of a round slot declines it, saying why (the coach reads it). */
export const DeclineInputSchema = z.object({
  reason: safeText({ error: 'errors.field.decline.reason' })
    .trim()
    .min(3, 'errors.field.decline.reason')
    .max(300, 'errors.field.debrief.skip-long'),
});
export type DeclineInput = z.infer<typeof DeclineInputSchema>;

/** POST /api/rounds/:id/declines/:declineId/replan (coach): the declined slot's group goes to another room. */
export const ReplanInputSchema = z.object({
  hostId: safeText({ error: 'errors.field.replan.host' }).min(1, 'errors.field.replan.host'),
  location: safeText()
    .trim()
    .max(200, 'errors.field.round.location-long')
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type ReplanInput = z.input<typeof ReplanInputSchema>;
export type ReplanData = z.output<typeof ReplanInputSchema>;

export const HOST_SLOT_STATUSES = ['open', 'declined', 'cancelled'] as const;

/** GET /api/rounds/:id/host: a round as one of its hosts sees it — their own room's slots only. */
export const RoundHostingSchema = z.object({
  round: z.object({
    id: z.string(),
    title: z.string(),
    focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
    plannedBy: PersonRefSchema,
  }),
  /** The round's look-fors to pick from. */
  lookFors: z.array(z.string()),
  /** The host's choice, or null while the round's look-for stands. */
  choice: z.object({ picked: z.array(z.string()), own: z.string().nullable() }).nullable(),
  /** What the room's visitors read now. */
  lookFor: z.string().nullable(),
  /** The choice can change until the host's first slot starts. */
  canChoose: z.boolean(),
  slots: z.array(
    z.object({
      doorId: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      location: z.string(),
      visitors: z.number().int(),
      status: z.enum(HOST_SLOT_STATUSES),
      /** The host's reason, when they declined it. */
      declineReason: z.string().nullable(),
      canDecline: z.boolean(),
    }),
  ),
});
export type RoundHosting = z.infer<typeof RoundHostingSchema>;

/** GET /api/host-notices: what a host is told about their room (its visits fed a finished round's picture). */
export const HostNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['picture_fed']),
  round: z.object({ id: z.string(), title: z.string() }),
  createdAt: z.string(),
});
export type HostNotice = z.infer<typeof HostNoticeSchema>;
export const HostNoticeListSchema = z.object({ items: z.array(HostNoticeSchema) });
