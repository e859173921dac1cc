import { knownAround } from './note-known-names';
import { NAME_LEXICON, type NameCandidate, type NameToken } from './note-names';
import { words } from './note-words';

/**
 * A learned second opinion on the name finder's flags (issue #15/#18). The name finder's hand rules were chosen on a
 * few dozen misses and did not carry to unseen writing: capitalized subjects, places, holidays, works, programs, teams
 * and people not in the room were flagged as names. This scorer reads a flag — which rule of shared/note-names.ts found
 * it (a title, a listed given name, a capitalized word before a verb …), the named word's shape and context (capital,
 * sentence position, the word lists' verdicts, its ending and the ending's class — "-ción", "-ville" —, whether it sits
 * in an open quotation, how many words the name runs to — a full name is more often an author —, a capitalized run
 * through "de"/"of", the words just before and after, the cue families a few words before, whether a list of
 * well-known people, characters, places and holidays holds the run it stands in) and the sentence's
 * language — and gives the log-odds that it names someone present; a flag below its language's threshold is dropped.
 * One model serves both languages: every feature is also read with the language in front of it, so what holds in both
 * is learnt from both, and what holds in one from that one. Its weights are a logistic regression
 * learnt from the corpus's train split by scripts/train-name-scorer.ts; the thresholds were chosen on
 * leave-one-writer-out figures over train and dev (scripts/eval-note-dev.ts). Roster flags are never dropped.
 */

export interface NameScorer {
  bias: number;
  /** Log-odds below which a flag is dropped, by the language around it. */
  threshold: { en: number; es: number };
  weights: Record<string, number>;
}

/** Function words of each language, to tell a Spanish sentence from an English one. */
const SPANISH = words(`
  de la que el en y los las del se por con una un para es al lo como pero su sus le les muy esta este fue era
  estaba tiene hay cada dijo pregunto sobre cuando mientras ella ellos ese esa otro otra alumnos alumnas clase`);
const ENGLISH = words(`
  the a an of and to in is was were with for on that at by it he she they his her their this from as are be had
  has have students class asked said`);

/** Whether the words around token i (a dozen on each side) are more Spanish than English. */
export function spanishAround(tokens: readonly NameToken[], i: number): boolean {
  let es = 0;
  let en = 0;
  for (let k = Math.max(0, i - 12); k < Math.min(tokens.length, i + 13); k++) {
    const key = tokens[k]!.key;
    if (SPANISH.has(key)) es++;
    if (ENGLISH.has(key)) en++;
  }
  return es > en;
}

const CLAUSE_END = /[.!?;\n]/;
const OF = new Set(['de', 'del', 'of', 'the']);
/** Endings of nouns, subjects and places rather than given names, in both languages (accents folded). */
const SHAPES: [string, RegExp][] = [
  ['noun-es', /(?:cion|sion|dad|ismo|ista|logia|grafia|ica|ico|mento|encia|ancia)$/],
  ['noun-en', /(?:tion|sion|ism|ity|ology|ics|ment|ness|ship)$/],
  ['place', /(?:land|ville|burg|berg|ford|port|polis|stan|shire)$/],
  ['demonym', /(?:es|ano|ense|ish|ese|ian)$/],
];

/** Whether a quotation opened before offset `at`, on its line, is still open there: "…what Atticus tells Scout". */
function inQuote(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const count = (re: RegExp) => line.match(re)?.length ?? 0;
  return count(/[“«]/g) > count(/[”»]/g) || count(/"/g) % 2 === 1;
}
const lowerBase = (t: NameToken) => t.base.toLowerCase();

/** The features of the word at i as a name: its shape, what the word lists say of it, and its neighbours. */
export function wordFeatures(text: string, tokens: readonly NameToken[], i: number): string[] {
  const t = tokens[i]!;
  const w = lowerBase(t);
  const L = NAME_LEXICON;
  const f: string[] = [];
  const gapBefore = (k: number) => text.slice(k > 0 ? tokens[k - 1]!.end : 0, tokens[k]!.start);
  const gapAfter = (k: number) => text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? text.length);
  f.push(t.capitalised ? 'cap' : 'lower');
  if (t.sentenceStart) f.push(t.capitalised ? 'start-cap' : 'start');
  if (t.raw.length > 1 && t.raw === t.raw.toUpperCase()) f.push('all-caps');
  if (L.listed(w)) f.push('listed', t.capitalised ? 'listed-cap' : 'listed-lower');
  if (L.wordName(w)) f.push('word-name');
  if (L.nameList(w)) f.push('name-list');
  if (t.capitalised && !t.sentenceStart && !L.isCommon(w)) f.push('unknown-cap-mid');
  if (L.isCommon(w)) f.push(t.capitalised ? 'common-cap' : 'common');
  // "the Lakers", "la Feria de Ciencias", "Google Classroom": a run of capitalized words is often a thing's name.
  let run = 1;
  for (let k = i + 1; k < tokens.length && tokens[k]!.capitalised && tokens[k]!.joined; k++) run++;
  for (
    let k = i;
    k > 0 && tokens[k]!.joined && tokens[k - 1]!.capitalised && !tokens[k - 1]!.sentenceStart;
    k--
  )
    run++;
  if (t.capitalised) f.push(`cap-run:${Math.min(run, 3)}`);
  if (L.diminutiveOfName(w)) f.push('diminutive');
  // The word's own shape: a noun's or a place's ending, digits, a capital inside ("ClassDojo").
  for (const [shape, re] of SHAPES) if (re.test(w)) f.push(`shape:${shape}`);
  if (/\d/.test(t.raw)) f.push('digit');
  if (/\p{Ll}\p{Lu}/u.test(t.raw)) f.push('camel');
  if (inQuote(text, t.start)) f.push('in-quote');
  // "Día de Muertos", "Treaty of Guadalupe Hidalgo": a capitalized run through "de"/"of" is a thing's name.
  const ofAfter = tokens[i + 1];
  if (t.capitalised && ofAfter && OF.has(ofAfter.key) && tokens[i + 2]?.capitalised && tokens[i + 2]!.joined)
    f.push('run-of-after');
  const ofBefore = tokens[i - 1];
  if (
    t.capitalised &&
    ofBefore &&
    OF.has(ofBefore.key) &&
    tokens[i - 2]?.capitalised &&
    !tokens[i - 2]!.sentenceStart
  )
    f.push('run-of-before');
  if (L.places(w)) f.push('place');
  if (t.nameEnd !== t.end) f.push('possessive');
  if (w.length <= 3) f.push('short');
  f.push(`end:${w.slice(-2)}`);
  // Before: the word (within its clause), whether it is capitalized, and cue families within four words.
  const prev = tokens[i - 1];
  if (!prev || CLAUSE_END.test(gapBefore(i))) f.push('p:^');
  else {
    const gap = gapBefore(i);
    if (/["“«‘]\s*$/.test(gap)) f.push('p:quote');
    else if (/,\s*$/.test(gap)) f.push('p:comma');
    else if (/:\s*$/.test(gap)) f.push('p:colon');
    f.push(`p:${prev.key}`);
    if (prev.capitalised && !prev.sentenceStart) f.push('p-cap');
    const prev2 = tokens[i - 2];
    if (prev2 && prev.joined && !CLAUSE_END.test(gapBefore(i - 1))) f.push(`pp:${prev2.key} ${prev.key}`);
  }
  // "le dio la palabra a Xiomara": the personal "a" after a verb that hands something over.
  if (prev?.key === 'a' && t.joined) {
    for (let k = i - 2; k >= Math.max(0, i - 5) && tokens[k + 1]!.joined; k--)
      if (L.cues.handoff!.has(tokens[k]!.key)) {
        f.push('a-handoff');
        break;
      }
  }
  for (const [family, set] of Object.entries(L.cues)) {
    if (prev && set.has(prev.key) && !CLAUSE_END.test(gapBefore(i))) f.push(`cue1:${family}`);
    for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
      if (CLAUSE_END.test(gapBefore(k + 1))) break;
      if (set.has(tokens[k]!.key)) {
        f.push(`cue:${family}`);
        break;
      }
    }
  }
  // After: the word, whether it continues a name, and whether it is a verb.
  const next = tokens[i + 1];
  const after = gapAfter(i);
  if (!next || CLAUSE_END.test(after)) f.push('n:$');
  else {
    if (/^\s*,/.test(after)) f.push('n:comma');
    else if (/^\s*:/.test(after)) f.push('n:colon');
    else if (/^[.,!?]?["”»’]/.test(after)) f.push('n:quote');
    else {
      f.push(`n:${next.key}`);
      if (next.capitalised) f.push(L.isCommon(next.base.toLowerCase()) ? 'n-cap' : 'n-cap-unknown');
    }
    if (L.isSpanishVerb(next) || L.isPast(next)) f.push(t.capitalised ? 'n-verb-cap' : 'n-verb-lower');
  }
  return f;
}

/** The word a flag names: the one after its title ("la maestra Lupita", "Mr. Ortiz"), else its first. */
export const namedWord = (c: Pick<NameCandidate, 'why' | 'from' | 'to'>): number =>
  c.why === 'title' && c.to > c.from + 1 ? c.from + 1 : c.from;

/** What kind of word the named word is, whatever the finder made of it. */
function wordKind(t: NameToken): string {
  const w = lowerBase(t);
  const L = NAME_LEXICON;
  if (L.listed(w)) return 'listed';
  if (L.diminutiveOfName(w)) return 'diminutive';
  if (L.wordName(w)) return 'word-name';
  if (L.isCommon(w)) return 'common';
  return t.capitalised ? 'unknown-cap' : 'unknown-lower';
}

/**
 * The features of a flag, or in training of a word no rule flagged (rule "none"): the rule that found it when it says
 * more than the word and its context do (a title, a list of names), the kind of word it is, the person context the name
 * finder sees around it whether or not it flagged it (shared/note-names.ts, "before-verb", "after-speech" …), the named
 * word's shape and neighbours; each also with the language in front of it. Word kind and context are read the same
 * way for flagged and unflagged words, so their weights say how often such a word in such a context names someone,
 * not how often the finder was right on the words it was tuned on.
 */
export function nameFeatures(
  text: string,
  tokens: readonly NameToken[],
  c: Pick<NameCandidate, 'why' | 'from' | 'to' | 'rule'>,
  contexts: readonly string[],
): string[] {
  const i = namedWord(c);
  // After a title the word is a family name whatever the lists make of it ("Mrs O'Connor", "Ms. Gray").
  const kind = c.why === 'title' ? 'titled' : wordKind(tokens[i]!);
  const context = contexts[i] ?? 'none';
  const base = [
    `kind:${kind}`,
    `ctx:${context}`,
    `kind-ctx:${kind} ${context}`,
    ...wordFeatures(text, tokens, i),
  ];
  // A full name ("Andrew Jackson", "Diego Velázquez") is more often someone not in the room than a student.
  base.push(`words:${Math.min(c.to - i, 3)}`, `kind-words:${kind} ${Math.min(c.to - i, 3)}`);
  if (c.why === 'title') base.push('rule:title', `title:${tokens[c.from]!.key}`);
  else if (c.rule === 'list') base.push('rule:list');
  const lang = spanishAround(tokens, i) ? 'es' : 'en';
  // A well-known figure, character, place, institution or holiday ("un cartel de Frida Kahlo", "el Día de Muertos",
  // "what Atticus meant"). Read in Spanish notes only until 2026-12-07 (then it cost English a name on
  // leave-one-writer-out); with the English entries and writers added that day, it cost none and dropped false alarms.
  base.push(...knownAround(tokens, i));
  return [`lang:${lang}`, ...base, ...base.map((f) => `${lang}|${f}`)];
}

/** The log-odds that a flag names someone present. */
export function nameLogOdds(scorer: NameScorer, features: readonly string[]): number {
  let z = scorer.bias;
  for (const f of features) z += scorer.weights[f] ?? 0;
  return z;
}

/** Whether a flag stays: a roster name always, any other when the scorer reads it as someone present. */
export function keepsName(
  scorer: NameScorer,
  text: string,
  tokens: readonly NameToken[],
  contexts: readonly string[],
  c: NameCandidate,
): boolean {
  if (c.why === 'roster') return true;
  const features = nameFeatures(text, tokens, c, contexts);
  return nameLogOdds(scorer, features) >= scorer.threshold[features[0] === 'lang:es' ? 'es' : 'en'];
}
