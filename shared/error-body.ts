import { z } from 'zod';

// The wire shape of errors, apart from the error classes: the browser extension reads it without the catalogs.

/**
 * Stable error codes. Clients (the in-LMS app, the extension) switch on these, so a code is never renamed;
 * a new situation gets a new code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONFIG_INVALID',
  'LTI_LAUNCH_REFUSED',
  'LTI_ROLE_REFUSED',
  'PLATFORM_INVALID',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  'DOOR_FULL',
  'VISIT_OVERLAP',
  'ROUND_UNPLANNABLE',
  'NOTE_FLAGGED',
  'DEVICE_SCOPE',
  'OUTSIDE_SCHOOL_DAY',
  'DEBRIEF_PHASE_INCOMPLETE',
  'ROUND_TRADEOFFS_UNCONFIRMED',
  'SEALED_NOTE_UNREADABLE',
  'ROUND_ROLES_INVALID',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP status of each code, decided here and nowhere else: the domain throws an error kind, never a status. A few
 * kinds below answer another status under the same code (an expired NOT_FOUND is a 410), each fixed by its class.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  LTI_LAUNCH_REFUSED: 401,
  LTI_ROLE_REFUSED: 403,
  PLATFORM_INVALID: 400,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
  DOOR_FULL: 409,
  VISIT_OVERLAP: 409,
  ROUND_UNPLANNABLE: 422,
  NOTE_FLAGGED: 422,
  DEVICE_SCOPE: 403,
  OUTSIDE_SCHOOL_DAY: 422,
  DEBRIEF_PHASE_INCOMPLETE: 422,
  ROUND_TRADEOFFS_UNCONFIRMED: 422,
  SEALED_NOTE_UNREADABLE: 422,
  ROUND_ROLES_INVALID: 422,
} as const satisfies Record<ErrorCode, number>;

/** The codes whose status is `S`, e.g. the conflicts (409). */
export type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends S ? C : never;
}[ErrorCode];

/**
 * A problem as words of the catalog (shared/problems.ts): a message key with its placeholders' values, which may be
 * names, numbers, lists of them or words of their own. Keys are plain strings here: a client that does not know one
 * shows the `message` beside it, already in the asker's language.
 */
export type WireProblemParam = string | number | readonly (string | number)[] | WireProblem;
export interface WireProblem {
  key: string;
  params?: Record<string, WireProblemParam>;
}
export const WireProblemSchema: z.ZodType<WireProblem> = z.object({
  key: z.string(),
  params: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.array(z.union([z.string(), z.number()])),
        z.lazy(() => WireProblemSchema),
      ]),
    )
    .optional(),
});

/** A problem with one input field, as the client receives it; `problem` holds its words when a client may say them. */
export interface FieldIssue {
  path: string;
  message: string;
  problem?: WireProblem;
}

/** An error answer of the JSON API; its messages are in the asker's language (see shared/errors.ts). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), message: z.string(), problem: WireProblemSchema.optional() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
