import { AppError, type ErrorCode, type ErrorMessage } from '../../../shared/errors';

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

/**
 * What another framework 4xx (an http-errors error that marks itself safe to show) tells the client, by its status:
 * http-errors words its own message in English only, so it is left for the logs.
 */
const STATUS_MESSAGES: Record<number, ErrorMessage> = {
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.request.not-found',
  405: 'errors.request.method',
  408: 'errors.request.timeout',
  413: 'errors.request.too-large',
  415: 'errors.request.media-type',
  416: 'errors.request.range',
  429: 'errors.request.too-many',
};

/** A framework's 4xx keeps its own status (a 413, a 415): the code is the nearest of ours, VALIDATION_FAILED if none. */
class FrameworkError extends AppError {
  override readonly status: number;

  constructor(status: number, message: ErrorMessage) {
    super(CODE_OF_STATUS[status] ?? 'VALIDATION_FAILED', message);
    this.status = status;
  }
}

const asAppError = (status: number, message: ErrorMessage) => new FrameworkError(status, message);

/**
 * What an error thrown by Express or its middleware (not by our code) means for the client: body-parser's errors,
 * Express's URIError for a broken percent-escape in a route parameter, and any http-errors error that marks itself
 * safe to show (`expose`) with a 4xx status, each with words of the catalog. Undefined for anything else, which stays a 500.
 */
export function frameworkError(error: unknown): AppError | undefined {
  if (error instanceof URIError) return asAppError(400, 'errors.request.percent-escape');
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, statusCode, expose } = error as Record<string, unknown>;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known) return asAppError(known.status, known.message);
  const code = typeof status === 'number' ? status : statusCode;
  if (expose === true && typeof code === 'number' && code >= 400 && code < 500)
    return asAppError(code, STATUS_MESSAGES[code] ?? 'errors.request.invalid');
  return undefined;
}
