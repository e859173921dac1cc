import { z } from 'zod';
import type { Problem } from './problems';

/**
 * Text that both databases store as given. PostgreSQL refuses U+0000 outright and turns an unpaired surrogate into
 * U+FFFD; SQLite keeps the first and mangles the second the same way. Other control characters store, but nobody
 * types them: they come from hostile or broken clients and break exports (CSV, iCalendar) later. So every
 * user-supplied string follows one rule on both databases: no C0 or C1 control character except tab and line feed,
 * no unpaired surrogate. Carriage returns are normalised to line feeds first, so `\r\n` from a form is welcome.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One line ending: `\r\n` and a lone `\r` become `\n`. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Why `text` cannot be stored, naming the first offending character, as catalog words ("contains a control character
 * (U+0000) that cannot be stored"); undefined when it can.
 */
export function unstorableText(text: string): Problem | undefined {
  const control = CONTROL_RE.exec(text)?.[0];
  if (control !== undefined) return { key: 'errors.text.control', params: { char: codePoint(control) } };
  const surrogate = LONE_SURROGATE_RE.exec(text)?.[0];
  if (surrogate !== undefined)
    return { key: 'errors.text.surrogate', params: { char: codePoint(surrogate) } };
  return undefined;
}

const refuseUnstorable = (text: string, ctx: z.RefinementCtx) => {
  const problem = unstorableText(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.key, params: problem.params, input: text });
};

/**
 * A string schema for anything a person or client sends: `z.string(params)` with line ends normalised and the rule
 * above checked. Chain `.trim()`, `.min()`, `.max()`… as on any string.
 */
export function safeText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(normaliseLineEnds).superRefine(refuseUnstorable);
}

/**
 * The same rule for ids and opaque values that must go back exactly as they came (an LMS's deep-linking `data`):
 * nothing is normalised, so a carriage return is refused like any other control character.
 */
export function safeToken(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine(refuseUnstorable);
}
