import { isMessageKey, type Language, type MessageKey, translator } from './i18n';
import type { WireProblem, WireProblemParam } from './error-body';

/**
 * A problem said as words of the catalog rather than as an English sentence: a message key and its placeholders'
 * values, so each reader gets it in their own language (the round planner's problems, a plan's trade-offs, the
 * briefing roles' problems, why a text cannot be stored). The server renders it for an error's message; the app,
 * which receives it in the error body (`fields[].problem`) or the round (`tradeoffs[].problem`), renders it itself.
 */
export interface Problem {
  key: MessageKey;
  params?: Record<string, ProblemParam>;
}
/**
 * A value: a name or a number as it is (`count` also picks the plural form), a list of them (said as a list in the
 * reader's language: "1, 2 and 3", "1, 2 y 3"), or words of their own.
 */
export type ProblemParam = string | number | readonly (string | number)[] | Problem;

/** A problem in one language. */
export function problemText(problem: Problem, language: Language): string {
  const t = translator(language);
  if (!problem.params) return t(problem.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) params[name] = paramText(value, language);
  return t(problem.key, params);
}

function paramText(value: ProblemParam, language: Language): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isList(value)) return new Intl.ListFormat(language, { type: 'conjunction' }).format(value.map(String));
  return problemText(value, language);
}

const isList = (value: ProblemParam | WireProblemParam): value is readonly (string | number)[] =>
  Array.isArray(value);

/**
 * A problem from the wire as a typed one, when every key in it is in this catalog (an older app meeting a newer
 * server's key gets undefined, and shows the server's message instead).
 */
export function knownProblem(problem: WireProblem): Problem | undefined {
  if (!isMessageKey(problem.key)) return undefined;
  if (!problem.params) return { key: problem.key };
  const params: Record<string, ProblemParam> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    if (typeof value === 'string' || typeof value === 'number' || isList(value)) params[name] = value;
    else {
      const inner = knownProblem(value);
      if (!inner) return undefined;
      params[name] = inner;
    }
  }
  return { key: problem.key, params };
}

/** A problem from the wire in one language, or undefined when it names a key this catalog does not have. */
export function wireProblemText(problem: WireProblem, language: Language): string | undefined {
  const known = knownProblem(problem);
  return known && problemText(known, language);
}
