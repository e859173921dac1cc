import { AppError, type ErrorCode, type ErrorMessage, type Verbatim } from '../../../shared/errors';

/** body-parser's error types (http-errors with a 4xx status), with what the client should be told. */
const BODY_ERRORS: Record<string, { status: number; message: ErrorMessage }> = {
  'entity.parse.failed': { status: 400, message: 'errors.request.json' },
  'entity.too.large': { status: 413, message: 'errors.request.too-large' },
  'encoding.unsupported': { status: 415, message: 'errors.request.encoding' },
  'charset.unsupported': { status: 415, message: 'errors.request.charset' },
  'request.aborted': { status: 400, message: 'errors.request.aborted' },
  'request.size.invalid': { status: 400, message: 'errors.request.size' },
  'parameters.too.many': { status: 413, message: 'errors.request.parameters' },
  // 'stream.encoding.set' is left out on purpose: it means our own code misused a stream, a 500.
};

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** A framework's 4xx keeps its own status (a 413, a 415): the code is the nearest of ours, VALIDATION_FAILED if none. */
class FrameworkError extends AppError {
  override readonly status: number;

  constructor(status: number, message: ErrorMessage | Verbatim) {
    super(CODE_OF_STATUS[status] ?? 'VALIDATION_FAILED', message);
    this.status = status;
  }
}

const asAppError = (status: number, message: ErrorMessage | Verbatim) => new FrameworkError(status, message);

/**
 * What an error thrown by Express or its middleware (not by our code) means for the client: body-parser's errors,
 * Express's URIError for a broken percent-escape in a route parameter, and any http-errors error that marks itself
 * safe to show (`expose`) with a 4xx status. Undefined for anything else, which stays a 500.
 */
export function frameworkError(error: unknown): AppError | undefined {
  if (error instanceof URIError) return asAppError(400, 'errors.request.percent-escape');
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, statusCode, expose, message } = error as Record<string, unknown>;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known) return asAppError(known.status, known.message);
  const code = typeof status === 'number' ? status : statusCode;
  if (expose === true && typeof code === 'number' && code >= 400 && code < 500)
    // The framework's own message is English only (http-errors writes it).
    return asAppError(
      code,
      typeof message === 'string' && message ? { verbatim: message } : 'errors.request.invalid',
    );
  return undefined;
}
