import { fold, WORD } from './note-words';

/**
 * The sentence model behind the note linter's phrase rules: a logistic regression over lower-cased words and word
 * pairs, trained offline on the note corpus (scripts/train-note-model.ts writes shared/note-model.ts). It reads one
 * sentence at a time and says whether the sentence judges; the phrase rules keep the precise spans and messages, and
 * the model catches what they miss (idioms, advice, judgement dressed as description). Words inside quotation marks
 * are one placeholder for the model: what someone said or displayed is content, not the writer's judgement.
 */

/** A linear model over sentence features: `weights[feature]`, summed with `bias`, is the log-odds. */
export interface LinearModel {
  bias: number;
  weights: Readonly<Record<string, number>>;
}

export interface JudgementModel {
  /** Does the sentence judge (evaluative or inference)? */
  judges: LinearModel;
  /** Flag a sentence when the probability reaches this. */
  threshold: number;
  /** Among sentences that judge: is it an inference (positive) or an evaluation (negative)? */
  inference: LinearModel;
  /**
   * A sentence flagged as a whole (no words in it stand out) needs its known words, without the bias, to weigh more
   * than this: the back-off for sentences the model barely knows (see `judgeSentence`).
   */
  wholeEvidence: number;
}

/** A word as the model sees it. `key` is lower case without accents; a quotation is one word, `"`. */
export interface ModelWord {
  start: number;
  end: number;
  key: string;
}

const CAPITAL = /^\p{Lu}/u;
const NUMBER = /^\d+(?:st|nd|rd|th|s)?$/;
/** Punctuation that ends a sentence when it comes between two words. */
const SENTENCE_END = /[.!?\n]/;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'vs', 'e.g', 'i.e', 'approx', 'min']);
/** The quotation placeholder. */
export const QUOTED = '"';

/**
 * As the subject a sentence opens with, words for the students are one word for the model, "students" (Spanish:
 * "alumnos"): which one a writer starts with is their habit, not a judgement. Apart, "kids" took on the habits of the
 * writers who typed it on a phone, who also judged more, and "Kids shared answers with a partner." read as a judgement
 * where "Students shared …" did not. Elsewhere in a sentence the word is left as written.
 */
const STUDENTS: ReadonlyMap<string, string> = new Map([
  ...['kids', 'kiddos', 'children', 'pupils', 'learners', 'ss'].map((w): [string, string] => [w, 'students']),
  ...['kid', 'child', 'pupil', 'learner'].map((w): [string, string] => [w, 'student']),
  ...['ninos', 'chicos', 'estudiantes', 'chavales', 'chamacos'].map((w): [string, string] => [w, 'alumnos']),
]);

function keyOf(raw: string): string {
  const folded = fold(raw).replace(/’/g, "'");
  const key = folded.toLowerCase();
  return NUMBER.test(key) ? '0' : key;
}

/**
 * The text's sentences as model words. `quotes` are closed quotations (UTF-16 ranges): each becomes one `"` word
 * and never ends a sentence.
 */
export function modelSentences(
  text: string,
  quotes: ReadonlyArray<readonly [number, number]>,
): ModelWord[][] {
  const sentences: ModelWord[][] = [];
  let current: ModelWord[] = [];
  let previousEnd = 0;
  let wordEnd = 0;
  let q = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    while (q < quotes.length && quotes[q]![1] <= start) q++;
    const quote = quotes[q];
    const inQuote = quote !== undefined && quote[0] <= start;
    const gap = text.slice(previousEnd, start);
    const last = current[current.length - 1];
    // A quotation that ends with its sentence's punctuation ('… said "Go." Then …') ends it when a capital follows.
    const quoteEnds =
      last?.key === QUOTED && !inQuote && SENTENCE_END.test(text.slice(wordEnd, start)) && CAPITAL.test(m[0]);
    if (
      last &&
      (quoteEnds || (SENTENCE_END.test(gap) && !(gap.startsWith('.') && ABBREVIATIONS.has(last.key))))
    ) {
      sentences.push(withStudents(current));
      current = [];
    }
    if (inQuote) {
      const previous = current[current.length - 1];
      if (!previous || previous.key !== QUOTED || previous.start !== quote[0])
        current.push({ start: quote[0], end: quote[1], key: QUOTED });
    } else {
      current.push({ start, end: start + m[0].length, key: keyOf(m[0]) });
    }
    // Punctuation inside a quotation ("… tell you that?") does not end the sentence around it.
    wordEnd = start + m[0].length;
    previousEnd = inQuote ? Math.max(quote[1], wordEnd) : wordEnd;
  }
  if (current.length > 0) sentences.push(withStudents(current));
  return sentences;
}

/**
 * Function words: not features on their own (they carry style, not judgement, and would make poor spans), only as
 * part of a pair ("was handled", "could the").
 */
const FUNCTION_WORDS = new Set(
  `a an the and or but of to in on at for with by from as is are was were be been being it its it's this that these
  those he she they them his her hers their theirs i you we our my me him us there then than if when while which who
  whom whose what do does did had has have having into about over after before s own`.split(/\s+/),
);

/**
 * Spanish function words. Unlike the English ones they stay features on their own: Spanish says much of its judgement
 * with them ("se le fue de las manos", "lo de las pizarras es oro"), and without them the model missed a tenth of the
 * Spanish judgements in train. But alone they are never a span ("Se" in "Se lavaron las manos.", "de que") nor the
 * evidence that flags a sentence as a whole ("los" in "Repasaron los verbos."): only in a pair with another word.
 */
const FUNCTION_WORDS_ES = new Set(
  `el la los las lo un una unos unas al del de en con por para sin sobre entre desde hasta y e o u ni pero que se su
  sus le les me te nos mi mis tu tus yo ellos ellas es son era eran fue fueron ser sido ha han habia hay`.split(
    /\s+/,
  ),
);

/**
 * A sentence's features: each word, each pair of neighbouring words, and the first word marked as first — except
 * function words alone and pairs of function words, which carry style rather than judgement and would make poor spans.
 */
export function sentenceFeatures(words: ReadonlyArray<ModelWord>): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.key;
    const functional = FUNCTION_WORDS.has(w);
    if (!functional) out.add(w);
    if (i === 0) {
      if (!functional) out.add(`^ ${w}`);
    } else if (!functional || !FUNCTION_WORDS.has(words[i - 1]!.key)) out.add(`${words[i - 1]!.key} ${w}`);
  }
  return [...out];
}

/** The sentence with the class subject it opens with, if any, as "students" (see `STUDENTS`). */
function withStudents(sentence: ModelWord[]): ModelWord[] {
  const n = classSubject(sentence);
  const last = sentence[n - 1];
  const key = last && STUDENTS.get(last.key);
  if (key) sentence[n - 1] = { ...last, key };
  return sentence;
}

/** A sentence has at most this many unknown-word features: `?1` … `?4`. */
export const UNKNOWN_MAX = 4;

/**
 * A word the judgement model has no weight for (not a function word, number or quotation) is unknown. A sentence
 * with n of them gets the features `?1` … `?n` (at most `UNKNOWN_MAX`), so each unknown word adds its own weight.
 * Without them the model read a sentence of words it did not know as its prior, the corpus's share of judgements, and
 * flagged plain description in new words ("Pairs compared answers on mini whiteboards before the class vote."):
 * trained with them, it learns that description is where new words turn up (things, materials, subjects).
 */
export function unknownFeatures(model: LinearModel, words: ReadonlyArray<ModelWord>): string[] {
  let n = 0;
  for (const w of words)
    if (w.key !== QUOTED && w.key !== '0' && !FUNCTION_WORDS.has(w.key) && model.weights[w.key] === undefined)
      n++;
  const out: string[] = [];
  for (let i = 1; i <= Math.min(n, UNKNOWN_MAX); i++) out.push(`?${i}`);
  return out;
}

export function logOdds(model: LinearModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return z;
}

export const probability = (z: number) => 1 / (1 + Math.exp(-z));

export interface ModelJudgement {
  kind: 'evaluative' | 'inference';
  /** UTF-16 offsets of the words that weigh most towards a judgement. */
  start: number;
  end: number;
  probability: number;
  /** The summed weight of the span's words. */
  weight: number;
  /** No run of words weighs much (below `SPAN_WEIGHT`): the span is the whole sentence, which says little that was seen. */
  whole: boolean;
}

/** A run of words must weigh this much to be the span; below it the model's reason is the sentence as a whole. */
export const SPAN_WEIGHT = 0.5;

/**
 * A word leans to judgement, for a whole-sentence flag, when it carries at least this much: the weight below which the
 * training script drops a feature (scripts/train-note-model.ts, `minWeight`) and keeps a word only so that it counts
 * as known. Below it a word is neutral: "aide" at 0.01 was the second word that let "carried" flag "The aide carried
 * the bins over to the children." as a whole once the w12 and w13 sentences were in train.
 */
const LEANS = 0.05;

/** Below this many words, a sentence with no words that stand out needs words that lean to judgement to be flagged. */
const WHOLE_SENTENCE_MIN_WORDS = 6;

/**
 * The words a writer calls the class by. As the subject a sentence opens with, they say who acted, not whether it was
 * good, so there they are never the model's reason: not a span ("Kids" in "Kids lined up at the door.") and not
 * evidence for flagging a sentence as a whole ("The group counted the beads."). They still count in the sentence's
 * probability. Left alone, "kids" leaned to judgement because the writers who typed it on a phone also judged more.
 */
const CLASS_WORDS = new Set(
  `students student kids kid kiddos children child pupils learners ss group groups class everyone everybody alumnos
  alumno ninos ninas chicos chicas estudiantes grupo grupos clase todos todas`.split(/\s+/),
);
/** Words before a class word in the subject a sentence opens with: "The kids", "Los niños", "All the students". */
const SUBJECT_WORDS = new Set([
  'the',
  'all',
  'both',
  'most',
  'some',
  'los',
  'las',
  'el',
  'la',
  'todos',
  'todas',
]);

/** How many words the subject a sentence opens with has, when it names the class: "Kids", "The kids", "Los niños". */
function classSubject(words: ReadonlyArray<ModelWord>): number {
  let n = 0;
  while (n < words.length && n < 3 && SUBJECT_WORDS.has(words[n]!.key)) n++;
  if (n < words.length && CLASS_WORDS.has(words[n]!.key)) return n + 1;
  // "Todos aplaudieron": a word for the class that is also a determiner ("todos los alumnos") can stand alone.
  return n > 0 && CLASS_WORDS.has(words[n - 1]!.key) ? n : 0;
}

/** The longest run of words a model flag may cover. */
const MAX_SPAN_WORDS = 4;

/**
 * The sentence's judgement if the model finds one: its kind, and as span the run of at most four words (outside
 * quotations) whose word and word-pair weights add up to the most, or the whole sentence when no run weighs much.
 */
export function judgeSentence(model: JudgementModel, words: ReadonlyArray<ModelWord>): ModelJudgement | null {
  const features = sentenceFeatures(words);
  // The class as the subject a sentence opens with leans to no judgement: its features keep only a weight below 0.
  const subject = new Set(words.slice(0, classSubject(words)).map((w) => w.key));
  const weight = (f: string) => {
    const w = model.judges.weights[f] ?? 0;
    return subject.size > 0 && f.split(' ').every((k) => k === '^' || subject.has(k)) ? Math.min(0, w) : w;
  };
  const judging = [...features, ...unknownFeatures(model.judges, words)];
  const p = probability(judging.reduce((z, f) => z + weight(f), model.judges.bias));
  if (p < model.threshold) return null;
  // The class named anywhere ("to the group", "for the kids") says who, not how, and a Spanish function word alone
  // says nothing the writer could rephrase: neither is ever the span's reason, nor the evidence for a whole sentence.
  const spanWeight = (f: string) => {
    const w = weight(f);
    return f
      .split(' ')
      .some((k) => k !== 'the' && k !== '^' && !CLASS_WORDS.has(k) && !FUNCTION_WORDS_ES.has(k))
      ? w
      : Math.min(0, w);
  };
  // Each word carries its own weight and half of each pair it belongs to.
  const carried = (by: (f: string) => number) =>
    words.map((w, i) => {
      if (w.key === QUOTED) return Number.NEGATIVE_INFINITY;
      const pairBefore = by(i === 0 ? `^ ${w.key}` : `${words[i - 1]!.key} ${w.key}`);
      const next = words[i + 1];
      const pairAfter = next ? by(`${w.key} ${next.key}`) : 0;
      return by(w.key) + pairBefore / 2 + pairAfter / 2;
    });
  const own = carried(spanWeight);
  let best = { from: -1, to: -1, sum: Number.NEGATIVE_INFINITY };
  for (let from = 0; from < words.length; from++) {
    let sum = 0;
    for (let to = from; to < Math.min(words.length, from + MAX_SPAN_WORDS); to++) {
      sum += own[to]!;
      // A longer run must add weight: each word it takes in carries some.
      if (own[to]! <= 0) break;
      if (sum > best.sum) best = { from, to, sum };
    }
  }
  const kind = probability(logOdds(model.inference, features)) >= 0.5 ? 'inference' : 'evaluative';
  if (best.from < 0 || best.sum < SPAN_WEIGHT) {
    // With no words that stand out, the sentence is flagged only if its known words, without the prior, weigh more
    // than `wholeEvidence` (more than 0 in a short sentence). The prior is the corpus's share of judgements and would
    // flag a plain sentence made of words the model barely knows ("Pairs compared answers on mini whiteboards before
    // the class vote."); the training script chooses the margin on dev. The evidence must also be spread over more
    // than one word: one word that leans to judgement but is too light to be a span is not a sentence that judges as
    // a whole ("carried" in "The aide carried the bins over to the children.").
    const evidence = features.reduce((sum, f) => sum + weight(f), 0);
    if (
      evidence <=
        (words.length < WHOLE_SENTENCE_MIN_WORDS ? Math.max(0, model.wholeEvidence) : model.wholeEvidence) ||
      carried(weight).filter((w) => w >= LEANS).length < 2
    )
      return null;
    const start = words[0]!.start;
    return { kind, start, end: words[words.length - 1]!.end, probability: p, weight: best.sum, whole: true };
  }
  const [start, end] = [words[best.from]!.start, words[best.to]!.end];
  return { kind, start, end, probability: p, weight: best.sum, whole: false };
}
