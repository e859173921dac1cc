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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error type of the project: everything thrown on purpose is an AppError or a subclass. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; fields?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.fields = options.fields;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldIssue[] = []) {
    super('VALIDATION_FAILED', message, { status: 400, fields });
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
    super('UNAUTHENTICATED', message, { status: 401 });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this.') {
    super('FORBIDDEN', message, { status: 403 });
  }
}

/** A paired extension's device token asked for something outside what the extension does. */
export class DeviceScopeError extends AppError {
  constructor() {
    super(
      'DEVICE_SCOPE',
      'A paired browser extension can only send clips and check on them. Open Tasting Menu from your LMS for the rest.',
      { status: 403 },
    );
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`, { status: 404 });
  }
}

export class ConfigError extends AppError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, { status: 500 });
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
      { status: 503, cause: options.cause },
    );
  }
}

/** A launch that must not create a session. `reason` is a stable, loggable code such as `DEPLOYMENT_UNKNOWN`. */
export class LtiLaunchError extends AppError {
  readonly reason: string;

  constructor(reason: string, message: string, status = 401) {
    super('LTI_LAUNCH_REFUSED', message, { status });
    this.reason = reason;
  }
}

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
