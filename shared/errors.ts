import type { z } from 'zod';
import zodEnglish from 'zod/v4/locales/en.js';
import zodSpanish from 'zod/v4/locales/es.js';
import {
  type CodeWithStatus,
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
} from './error-body';
import { isMessageKey, LANGUAGES, type Language, type MessageKey, type Translate, translator } from './i18n';
import { type Problem, problemText } from './problems';

export {
  type CodeWithStatus,
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorBody,
  ErrorBodySchema,
  type ErrorCode,
  type FieldIssue,
} from './error-body';

/**
 * What an error says, as words of the catalog (`errors.*` keys in shared/i18n) with their placeholders' values, so
 * each asker reads it in their own language while the code stays the same. A value may itself be words (rendered in
 * the same language) or a list of them.
 */
export interface ErrorText {
  key: MessageKey;
  params?: Record<string, ErrorParam>;
}
export type ErrorParam = string | number | Words | ErrorList;
/** Words the catalog does not hold (a validator's own message, an LMS's answer): the same in every language. */
export interface Verbatim {
  verbatim: string;
}
/** Words already written in each language, by something that words them itself (the note linter's flags). */
export interface EachLanguage {
  each: Record<Language, string>;
}

/** Words a helper says itself in every interface language (`say` gets the language and its translator). */
export function eachLanguage(say: (language: Language, t: Translate) => string): EachLanguage {
  return {
    each: Object.fromEntries(
      LANGUAGES.map((language) => [language, say(language, translator(language))]),
    ) as Record<Language, string>,
  };
}
/** Several words in one placeholder, e.g. the sentences of a plan's problems. */
export interface ErrorList {
  items: readonly Words[];
  separator: string;
}
/**
 * A problem a shared helper words (shared/problems.ts): rendered like other words, and also sent whole with a field
 * (`fields[].problem`) so the app can say it in its reader's language.
 */
export interface ProblemWords {
  problem: Problem;
}
export type Words = ErrorText | Verbatim | EachLanguage | ProblemWords;
/** How a thrower names an error's words: a key alone, or a key with values. */
export type ErrorMessage = MessageKey | ErrorText;

/** A field's problem as it is thrown (its words rendered for each asker like the error's own). */
export interface FieldProblem {
  path: string;
  message: ErrorMessage | Verbatim | EachLanguage | ProblemWords;
}

const wordsOf = (message: ErrorMessage | Verbatim | EachLanguage | ProblemWords): Words =>
  typeof message === 'string' ? { key: message } : message;

/** Renders words in one language. */
export function renderWords(words: Words, language: Language): string {
  if ('verbatim' in words) return words.verbatim;
  if ('each' in words) return words.each[language];
  if ('problem' in words) return problemText(words.problem, language);
  const t = translator(language);
  if (!words.params) return t(words.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.params)) params[name] = renderParam(value, language);
  return t(words.key, params);
}

function renderParam(value: ErrorParam, language: Language): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('items' in value) return value.items.map((item) => renderWords(item, language)).join(value.separator);
  return renderWords(value, language);
}

/**
 * The one error type of the project: everything thrown on purpose is an AppError or a subclass. It is thrown with
 * catalog words (`errors.*` keys); `.message` and `.fields` hold them in English for logs, and the HTTP error
 * handler answers with `toErrorBody(error, language)` in the asker's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;
  /** The words of the message and of each field (same order as `fields`), rendered per language by `toErrorBody`. */
  readonly words: Words;
  readonly fieldWords: readonly Words[];

  constructor(
    code: ErrorCode,
    message: ErrorMessage | Verbatim,
    options: { fields?: readonly FieldProblem[]; cause?: unknown } = {},
  ) {
    const words = wordsOf(message);
    super(renderWords(words, 'en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.words = words;
    this.fieldWords = (options.fields ?? []).map((field) => wordsOf(field.message));
    this.fields = options.fields?.map((field, i) => ({
      path: field.path,
      message: renderWords(this.fieldWords[i]!, 'en'),
    }));
  }
}

export class ValidationError extends AppError {
  constructor(message: ErrorMessage, fields: readonly FieldProblem[] = []) {
    super('VALIDATION_FAILED', message, { fields });
  }

  /**
   * Turns a zod error into field-level messages, naming where the input came from. zod's own default messages are
   * worded in every language only when the parse marked them (`parseWords`, `parseAt`); otherwise they stay as zod
   * wrote them.
   */
  static fromZod(source: MessageKey, error: z.ZodError): ValidationError {
    return ValidationError.fromProblems(source, zodProblems(error));
  }

  /** Field problems (e.g. `parseWords`'s) as one error naming where the input came from. */
  static fromProblems(source: MessageKey, fields: readonly FieldProblem[]): ValidationError {
    const summary: ErrorList = {
      items: fields.map((f) => ({
        key: 'errors.validation.field',
        params: { path: f.path, message: wordsOf(f.message) },
      })),
      separator: '; ',
    };
    return new ValidationError(
      { key: 'errors.validation.invalid', params: { source: { key: source }, summary } },
      fields,
    );
  }
}

/**
 * What the per-call error map of `parseWords` answers for an issue whose schema has no message of its own: it marks
 * zod's default message so that `issueWords` words it in every language. Per parse, never a global `z.config` (one
 * server answers readers of several languages at the same time).
 */
const ZOD_DEFAULT = '\u0000zod-default';
const MARK_DEFAULTS = { error: () => ZOD_DEFAULT, reportInput: true } as const;

type ZodLocale = (issue: z.core.$ZodRawIssue) => string;
const zodLocale =
  (locale: () => { localeError: z.core.$ZodErrorMap }): ZodLocale =>
  (issue) => {
    const said = locale().localeError(issue);
    return (typeof said === 'string' ? said : said?.message) ?? 'Invalid input';
  };
/** zod's own wording of its default messages in each interface language (the locales zod ships). */
const ZOD_LOCALES: Record<Language, ZodLocale> = { en: zodLocale(zodEnglish), es: zodLocale(zodSpanish) };

/**
 * A zod issue's words: a schema's own message may be a catalog key (`errors.field.*`), whose `{{minimum}}` and
 * `{{maximum}}` are the issue's bounds and whose other placeholders a custom issue's `params` fill; zod's default
 * message, when the parse marked it, in each language as zod's locales say it; any other message as written. A custom
 * issue's value may be a name or a number, or words already said in each language (`{ each }`: a weekday, a time).
 */
export function issueWords(issue: z.core.$ZodIssue): ErrorText | Verbatim | EachLanguage {
  if (issue.message === ZOD_DEFAULT) {
    const raw = issue as z.core.$ZodRawIssue;
    const each = {} as Record<Language, string>;
    for (const language of Object.keys(ZOD_LOCALES) as Language[])
      each[language] = ZOD_LOCALES[language](raw);
    return { each };
  }
  if (!isMessageKey(issue.message)) return { verbatim: issue.message };
  const params: Record<string, ErrorParam> = {};
  if (issue.code === 'custom')
    for (const [name, value] of Object.entries(issue.params ?? {}))
      if (typeof value === 'string' || typeof value === 'number' || isEachLanguage(value))
        params[name] = value;
  if (issue.code === 'too_small') params.minimum = Number(issue.minimum);
  if (issue.code === 'too_big') params.maximum = Number(issue.maximum);
  return { key: issue.message, params };
}

/** A custom issue's value already said in every interface language (a weekday, a bell's time: shared/school-day.ts). */
function isEachLanguage(value: unknown): value is EachLanguage {
  if (typeof value !== 'object' || value === null || !('each' in value)) return false;
  const each = (value as { each: unknown }).each;
  return (
    typeof each === 'object' &&
    each !== null &&
    Object.keys(ZOD_LOCALES).every(
      (language) => typeof (each as Record<string, unknown>)[language] === 'string',
    )
  );
}

/** A field's problem as words (`parseWords`): render them with `renderWords` in the reader's language. */
export interface FieldWords {
  path: string;
  message: Words;
}

const zodProblems = (error: z.ZodError): FieldWords[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issueWords(issue),
  }));

/**
 * Validates a value against a schema without throwing: on failure, each field's problem as words (render them with
 * `renderWords` in the reader's language), zod's default messages included. For a form that checks its input itself.
 */
export function parseWords<T extends z.ZodType>(
  schema: T,
  value: unknown,
): { success: true; data: z.infer<T> } | { success: false; fields: FieldWords[] } {
  const result = schema.safeParse(value, MARK_DEFAULTS);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, fields: zodProblems(result.error) };
}

export class UnauthenticatedError extends AppError {
  constructor(message: ErrorMessage = 'errors.unauthenticated') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: ErrorMessage = 'errors.forbidden') {
    super('FORBIDDEN', message);
  }
}

/** A paired extension's device token asked for something outside what the extension does. */
export class DeviceScopeError extends AppError {
  constructor() {
    super('DEVICE_SCOPE', 'errors.device-scope');
  }
}

export class NotFoundError extends AppError {
  /** `message` names the missing thing, usually "… was not found." (`errors.not-found.*`). */
  constructor(message: ErrorMessage) {
    super('NOT_FOUND', message);
  }
}

/** Something that existed but expired (a pairing code, an insert request): still NOT_FOUND to clients, but 410. */
export class GoneError extends AppError {
  override readonly status = 410;

  constructor(message: ErrorMessage) {
    super('NOT_FOUND', message);
  }
}

/** The request clashes with the current state: a published round, a merged strategy, a full door, a booked time. */
export class ConflictError extends AppError {
  constructor(code: CodeWithStatus<409>, message: ErrorMessage, fields?: readonly FieldProblem[]) {
    super(code, message, { fields });
  }
}

/**
 * Well-formed input the rules refuse: a round that cannot be planned, a note that names people, a time outside the
 * school day that nobody confirmed (422).
 */
export class UnprocessableError extends AppError {
  constructor(code: CodeWithStatus<422>, message: ErrorMessage, fields?: readonly FieldProblem[]) {
    super(code, message, { fields });
  }
}

/** A broken invariant on our side; the client sees a 500 with this message. */
export class InternalError extends AppError {
  constructor(message: ErrorMessage) {
    super('INTERNAL', message);
  }
}

/** A bad setting at start-up, told to the operator on the console: English only. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super('CONFIG_INVALID', { verbatim: message });
  }
}

/** An LMS answered something Tasting Menu cannot use (an error status, a configuration without required fields). */
export class PlatformAnswerError extends AppError {
  override readonly status = 502;

  constructor(message: ErrorMessage) {
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
    super('DATABASE_UNAVAILABLE', 'errors.database-unavailable', { cause: options.cause });
  }
}

/**
 * A launch that must not create a session. `reason` is a stable, loggable code such as `DEPLOYMENT_UNKNOWN`; the
 * refusal page says it in other languages by that reason (http/launch-pages.ts), so `message` is English.
 */
export class LtiLaunchError extends AppError {
  readonly reason: string;
  override readonly status: LaunchRefusalStatus;

  constructor(reason: string, message: string, status: LaunchRefusalStatus = 401) {
    super('LTI_LAUNCH_REFUSED', { verbatim: message });
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

/**
 * Validates a value against a schema or throws a ValidationError that names the boundary: `source` is a catalog
 * message (`errors.source.*`) naming the request's part, so the sentence around the fields is one language too.
 */
export function parseAt<T extends z.ZodType>(source: MessageKey, schema: T, value: unknown): z.infer<T> {
  const result = parseWords(schema, value);
  if (!result.success) throw ValidationError.fromProblems(source, result.fields);
  return result.data;
}

/** An error's answer in one language (the asker's: `requestLanguage(…)`), English by default; codes never change. */
export function toErrorBody(error: AppError, language: Language = 'en'): ErrorBody {
  const fields = error.fields?.map((field, i) => {
    const words = error.fieldWords[i];
    return {
      path: field.path,
      message: words ? renderWords(words, language) : field.message,
      ...(words && 'problem' in words ? { problem: words.problem } : {}),
    };
  });
  return {
    error: {
      code: error.code,
      message: renderWords(error.words, language),
      ...(fields && fields.length > 0 ? { fields } : {}),
    },
  };
}
