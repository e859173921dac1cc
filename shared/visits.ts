import { z } from 'zod';
import type { MessageKey } from './i18n';
import { PersonRefSchema } from './strategy';
import { safeText } from './text';
import { isTimeZone, OCCURRENCES } from './zoned-time';

/**
 * Sampling visits: a host opens their door for a short sample of a strategy (an open door), colleagues book a seat
 * (a visit). Times are stored as UTC instants together with the host's IANA time zone; each viewer sees them in
 * their own zone.
 */
export const DEFAULT_DOOR_MINUTES = 10;
export const DEFAULT_CAPACITY = 4;
export const MAX_CAPACITY = 6;
export const MAX_REPEAT_WEEKS = 12;

export const DOOR_STATUSES = ['open', 'cancelled'] as const;
export const VISIT_STATUSES = ['booked', 'cancelled'] as const;

export const LocalDateSchema = z
  .string({ error: 'errors.field.date.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.field.date.format')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'errors.field.date.missing');

export const LocalTimeSchema = z
  .string({ error: 'errors.field.time.required' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.field.time.format');

/**
 * For a local time the clocks show twice (the hour they go back): which one is meant. Without it such a time is
 * refused with a question, never guessed.
 */
export const OccurrenceSchema = z.enum(OCCURRENCES, { error: 'errors.field.time.occurrence' }).optional();

export const TimeZoneSchema = z
  .string({ error: 'errors.field.time-zone.required' })
  .max(64)
  .refine(isTimeZone, 'errors.field.time-zone.format');

const optionalText = (tooLong: MessageKey, max: number) =>
  safeText()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => (s ? s : null));

/** POST /api/doors: a host offers a slot (repeated weekly when `repeatWeeks` > 1). */
export const DoorInputSchema = z.object({
  strategyId: safeText({ error: 'errors.field.door.strategy' }).min(1, 'errors.field.door.strategy'),
  date: LocalDateSchema,
  start: LocalTimeSchema,
  minutes: z
    .number({ error: 'errors.field.door.minutes-number' })
    .int('errors.field.door.minutes-whole')
    .min(5, 'errors.field.door.minutes-min')
    .max(60, 'errors.field.door.minutes-max')
    .default(DEFAULT_DOOR_MINUTES),
  timeZone: TimeZoneSchema,
  occurrence: OccurrenceSchema,
  location: safeText({ error: 'errors.field.door.location' })
    .trim()
    .min(1, 'errors.field.door.location-empty')
    .max(200, 'errors.field.door.location-long'),
  capacity: z
    .number({ error: 'errors.field.door.seats-number' })
    .int('errors.field.door.seats-whole')
    .min(1, 'errors.field.door.seats-min')
    .max(MAX_CAPACITY, 'errors.field.door.seats-max')
    .default(DEFAULT_CAPACITY),
  visitorNote: optionalText('errors.field.door.visitor-note-long', 300),
  /** A guiding "look for" prompt visitors see before the visit. No rubric, no checklist. */
  lookFor: optionalText('errors.field.door.look-for-long', 300),
  repeatWeeks: z
    .number({ error: 'errors.field.door.repeat-number' })
    .int('errors.field.door.repeat-whole')
    .min(1, 'errors.field.door.repeat-min')
    .max(MAX_REPEAT_WEEKS, 'errors.field.door.repeat-max')
    .default(1),
  /** The person was told the time is outside the school day (a weekend, before or after the bells) and keeps it. */
  confirmOutsideSchoolDay: z.boolean({ error: 'errors.field.api.confirm-outside' }).default(false),
});
export type DoorInput = z.input<typeof DoorInputSchema>;
export type DoorData = z.output<typeof DoorInputSchema>;

/** The most doors one page of GET /api/doors holds, and how many it holds when the client does not say. */
/** Where a page of doors ends: the last door's start and id. */
export const DoorCursorSchema = z.object({ s: z.iso.datetime(), i: z.string().min(1).max(100) });
export type DoorCursor = z.infer<typeof DoorCursorSchema>;

/** The `nextCursor` of a page of doors: the last door's start and id (opaque to clients). */
export const encodeDoorCursor = (cursor: DoorCursor): string => `${cursor.s}~${cursor.i}`;

/** A cursor as `encodeDoorCursor` wrote it; anything else fails the query's validation on `cursor`. */
const doorCursor = safeText()
  .max(200)
  .transform((raw, ctx): DoorCursor => {
    const at = raw.indexOf('~');
    const parsed = DoorCursorSchema.safeParse({ s: raw.slice(0, at), i: raw.slice(at + 1) });
    if (at > 0 && parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'errors.field.page.cursor' });
    return z.NEVER;
  });

export const MAX_DOOR_PAGE = 100;
export const DEFAULT_DOOR_PAGE = 50;

/**
 * GET /api/doors: doors starting in [from, to), optionally filtered, one page at a time in start order. `cursor` is
 * the `nextCursor` of the page before (opaque to clients); `limit` is the page size.
 */
export const DoorQuerySchema = z
  .object({
    from: z.iso.datetime({ error: 'errors.field.api.from', offset: true }),
    to: z.iso.datetime({ error: 'errors.field.api.to', offset: true }),
    strategyId: safeText().max(100).optional(),
    subject: safeText().trim().max(60).optional(),
    tag: safeText().trim().toLowerCase().max(30).optional(),
    mine: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    cursor: doorCursor.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_DOOR_PAGE).default(DEFAULT_DOOR_PAGE),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'errors.field.range.order', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    message: 'errors.field.range.long',
    path: ['to'],
  });
export type DoorQuery = z.infer<typeof DoorQuerySchema>;

export const DoorSchema = z.object({
  id: z.string(),
  strategy: z.object({ id: z.string(), title: z.string() }).nullable(),
  host: PersonRefSchema,
  roundId: z.string().nullable(),
  /** A round's classroom: the coach who planned the round and wrote its note for visitors (null for open doors). */
  plannedBy: PersonRefSchema.nullable(),
  seriesId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  timeZone: z.string(),
  location: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  seatsLeft: z.number().int(),
  visitorNote: z.string().nullable(),
  lookFor: z.string().nullable(),
  status: z.enum(DOOR_STATUSES),
  /** The asker hosts this door. */
  mine: z.boolean(),
  /** The asker's own booking of this door, if any. */
  myVisit: z.object({ id: z.string(), status: z.enum(VISIT_STATUSES) }).nullable(),
  /** Who booked: shown to the host only (null for everyone else). */
  visitors: z.array(PersonRefSchema).nullable(),
});
export type Door = z.infer<typeof DoorSchema>;

/**
 * A door in a list (GET /api/doors): what a door's card on the screen shows, without what only the door's own page
 * or the visits list uses (its series, its length in minutes: the card shows start and end).
 */
export const DoorCardSchema = DoorSchema.omit({ seriesId: true, minutes: true });
export type DoorCard = z.infer<typeof DoorCardSchema>;

/** One page of GET /api/doors; `nextCursor` asks for the page after it, null on the last page. */
export const DoorListSchema = z.object({ items: z.array(DoorCardSchema), nextCursor: z.string().nullable() });
export type DoorList = z.infer<typeof DoorListSchema>;

/** POST /api/doors answers with every door the request created (one per week). */
export const DoorsCreatedSchema = z.object({ items: z.array(DoorSchema), seriesId: z.string().nullable() });

export const VisitSchema = z.object({
  id: z.string(),
  status: z.enum(VISIT_STATUSES),
  cancelledBy: z.enum(['visitor', 'host']).nullable(),
  /** The host's thank-you, when they sent one. */
  thanks: z.object({ message: z.string(), at: z.string() }).nullable(),
  door: DoorSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;

/**
 * Where a page of "my visits" ends: `a` the instant that splits upcoming from past (fixed by the first page, so a visit
 * ending while the pages are read is neither shown twice nor skipped), `p` the part (upcoming or past), then the last
 * visit's end and id.
 */
export const VisitCursorSchema = z.object({
  a: z.iso.datetime(),
  p: z.enum(['upcoming', 'past']),
  e: z.iso.datetime(),
  i: z.string().min(1).max(100),
});
export type VisitCursor = z.infer<typeof VisitCursorSchema>;

/** The `nextCursor` of a page of visits (opaque to clients). */
export const encodeVisitCursor = (c: VisitCursor): string => `${c.a}~${c.p}~${c.e}~${c.i}`;

/** A cursor as `encodeVisitCursor` wrote it; anything else fails the query's validation on `cursor`. */
const visitCursor = safeText()
  .max(300)
  .transform((raw, ctx): VisitCursor => {
    const [a, p, e, ...rest] = raw.split('~');
    const parsed = VisitCursorSchema.safeParse({ a, p, e, i: rest.join('~') });
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'errors.field.page.cursor' });
    return z.NEVER;
  });

export const MAX_VISIT_PAGE = 100;
export const DEFAULT_VISIT_PAGE = 50;

/**
 * GET /api/visits: my visits one page at a time, the upcoming ones first (those not yet over, soonest end first), then
 * the past ones, newest first. `cursor` is the `nextCursor` of the page before; `limit` is the page size.
 */
export const VisitQuerySchema = z.object({
  cursor: visitCursor.optional(),
  limit: z.coerce
    .number({ error: 'errors.field.api.limit' })
    .int('errors.field.api.limit-whole')
    .min(1, 'errors.field.api.limit-min')
    .max(MAX_VISIT_PAGE, 'errors.field.api.limit-max')
    .default(DEFAULT_VISIT_PAGE),
});
export type VisitQuery = z.infer<typeof VisitQuerySchema>;

/**
 * One page of GET /api/visits; `nextCursor` asks for the page after it, null on the last page (and when an older server
 * answered every visit at once, without one).
 */
export const VisitListSchema = z.object({
  items: z.array(VisitSchema),
  nextCursor: z.string().nullable().default(null),
});
export type VisitList = z.infer<typeof VisitListSchema>;

/** POST /api/visits */
export const VisitInputSchema = z.object({
  doorId: safeText({ error: 'errors.field.api.door-id' }).min(1, 'errors.field.api.door-id'),
});
export type VisitInput = z.infer<typeof VisitInputSchema>;

/** The most characters of the reason a visitor gives for canceling a round visit. */
export const MAX_CANCEL_REASON = 300;

/**
 * POST /api/visits/:id/cancel. A round visit needs a short reason, which the coach who planned the round reads ("Needs
 * your attention"); like a note it may never name anyone. An open door's visit cancels without one (none is kept).
 */
export const VisitCancelInputSchema = z
  .object({
    reason: optionalText('errors.field.visit.reason-long', MAX_CANCEL_REASON),
  })
  .prefault({}); // no body at all: no reason
export type VisitCancelInput = z.input<typeof VisitCancelInputSchema>;
export type VisitCancelData = z.output<typeof VisitCancelInputSchema>;

/**
 * GET/POST /api/calendar: the person's private, revocable calendar feed. Only a hash of its secret is stored, so the
 * URL is shown once, in the answer to POST (which also replaces any older link); GET says whether a link is active.
 */
export const CalendarFeedSchema = z.object({
  active: z.boolean(),
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
