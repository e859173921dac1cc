import { z } from 'zod';

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
type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends S ? C : never;
}[ErrorCode];

export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error type of the project: everything thrown on purpose is an AppError or a subclass. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldIssue[] = []) {
    super('VALIDATION_FAILED', message, { fields });
  }

  /** Turns a zod error into field-level messages, naming where the input came from. */
  static fromZod(source: string, error: z.ZodError): ValidationError {
    const fields = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new ValidationError(`${source} is not valid: ${summary}`, fields);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in through your LMS to continue.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this.') {
    super('FORBIDDEN', message);
  }
}

/** A paired extension's device token asked for something outside what the extension does. */
export class DeviceScopeError extends AppError {
  constructor() {
    super(
      'DEVICE_SCOPE',
      'A paired browser extension can only send clips and check on them. Open Tasting Menu from your LMS for the rest.',
    );
  }
}

export class NotFoundError extends AppError {
  /** `what` names the missing thing for the usual sentence; `message` replaces the sentence when it says more. */
  constructor(what: string, message = `${what} was not found.`) {
    super('NOT_FOUND', message);
  }
}

/** Something that existed but expired (a pairing code, an insert request): still NOT_FOUND to clients, but 410. */
export class GoneError extends AppError {
  override readonly status = 410;

  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** The request clashes with the current state: a published round, a merged strategy, a full door, a booked time. */
export class ConflictError extends AppError {
  constructor(code: CodeWithStatus<409>, message: string, fields?: FieldIssue[]) {
    super(code, message, { fields });
  }
}

/**
 * Well-formed input the rules refuse: a round that cannot be planned, a note that names people, a time outside the
 * school day that nobody confirmed (422).
 */
export class UnprocessableError extends AppError {
  constructor(code: CodeWithStatus<422>, message: string, fields?: FieldIssue[]) {
    super(code, message, { fields });
  }
}

/** A broken invariant on our side; the client sees a 500 with this message. */
export class InternalError extends AppError {
  constructor(message: string) {
    super('INTERNAL', message);
  }
}

export class ConfigError extends AppError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

/** An LMS answered something Tasting Menu cannot use (an error status, a configuration without required fields). */
export class PlatformAnswerError extends AppError {
  override readonly status = 502;

  constructor(message: string) {
    super('PLATFORM_INVALID', message);
  }
}

/**
 * The database cannot be reached right now (stopped, restarting, failing over): nothing was written, and the same
 * request may succeed in a few seconds. Answered as 503 with a Retry-After header.
 */
export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = 5;

  constructor(options: { cause?: unknown } = {}) {
    super(
      'DATABASE_UNAVAILABLE',
      'Tasting Menu cannot reach its database right now. Please try again in a moment.',
      { cause: options.cause },
    );
  }
}

/** A launch that must not create a session. `reason` is a stable, loggable code such as `DEPLOYMENT_UNKNOWN`. */
export class LtiLaunchError extends AppError {
  readonly reason: string;
  override readonly status: LaunchRefusalStatus;

  constructor(reason: string, message: string, status: LaunchRefusalStatus = 401) {
    super('LTI_LAUNCH_REFUSED', message);
    this.reason = reason;
    this.status = status;
  }
}

/** 401 for a launch that does not prove who it is; 400 for a request no launch sends (a foreign target, bad text). */
export type LaunchRefusalStatus = 400 | 401;

/** A launch from a deployment no administrator registered (checked before ltijs runs and again when it is done). */
export function deploymentUnknownError(): LtiLaunchError {
  return new LtiLaunchError(
    'DEPLOYMENT_UNKNOWN',
    'This LMS deployment is not registered with Tasting Menu. Ask your LMS administrator to register it.',
  );
}

/** Validates a value against a schema or throws a ValidationError that names the boundary. */
export function parseAt<T extends z.ZodType>(source: string, schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(source, result.error);
  return result.data;
}

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function toErrorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields && error.fields.length > 0 ? { fields: error.fields } : {}),
    },
  };
}
