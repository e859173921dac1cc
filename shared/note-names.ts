import { FIRST_NAMES, NAMES_THAT_ARE_WORDS } from './first-names';

/**
 * Name detection for the note linter (shared/note-linter.ts): titles with what follows them ("Mr. O'Brien"), roster
 * name tokens and common given names. Notes never name people, so a name flag blocks saving.
 */

/** What the note linter's tokenizer gives each word; only the fields name detection reads. */
export interface NameToken {
  start: number;
  /** Lower case, without accents, with ’ as ' — what the rules compare. */
  key: string;
  /** As written without accents and without a possessive 's: what names are compared with. */
  base: string;
  end: number;
  /** End offset without a possessive 's, so "Rivera's" flags "Rivera". */
  nameEnd: number;
  capitalised: boolean;
  /** Only spaces between this word and the one before. */
  joined: boolean;
  /** Only an optional full stop and spaces before this word: it can follow a title ("Mr. O'Brien"). */
  afterTitle: boolean;
}

export type NameWhy = 'title' | 'roster' | 'first-name';

export interface NameCandidate {
  kind: 'name';
  why: NameWhy;
  start: number;
  end: number;
  /** Token range. */
  from: number;
  to: number;
}

// The same word handling as the note linter's tokenizer: accents folded away, sets of words from a string.
const MARKS = /\p{M}/gu;
const UPPER = /^\p{Lu}/u;
const ASCII = /^[\x20-\x7e]*$/;
const fold = (s: string) => (ASCII.test(s) ? s : s.normalize('NFD').replace(MARKS, ''));
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

const foldAll = (set: ReadonlySet<string>) => new Set([...set].map(fold));
const NAME_LIST = foldAll(FIRST_NAMES);
const WORD_NAMES = foldAll(NAMES_THAT_ARE_WORDS);
const TITLES = words(`
  Mr Mrs Ms Miss Mx Dr Prof Professor Senor Senora Senorita Sr Sra Srta Mme Mlle Madame Monsieur Herr Frau Coach
  Principal Maestro Maestra Profe Profesor Profesora Sensei`);
/** Capitalised words that are never a name after a title or a given name ("Miss The…", "Priya I…"). */
const NOT_NAMES = words(`
  the a an and or but if i in on at of to for with by from as so then than when while after before this that
  these those it its we they he she you our their his her my all each every some no not one two three`);

/** Roster name tokens, without accents, kept per roster array so typing does not rebuild them. */
const rosterCache = new WeakMap<string[], ReadonlySet<string>>();
export function rosterTokens(roster: string[] | undefined): ReadonlySet<string> {
  if (!roster || roster.length === 0) return EMPTY;
  const cached = rosterCache.get(roster);
  if (cached) return cached;
  const out = new Set<string>();
  for (const full of roster) {
    for (const part of full.split(/\s+/)) {
      const clean = fold(part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/’/g, "'"));
      if (clean.length < 2 || !UPPER.test(clean) || TITLES.has(clean)) continue;
      out.add(clean);
      for (const piece of clean.split('-')) if (piece.length >= 2 && UPPER.test(piece)) out.add(piece);
    }
  }
  rosterCache.set(roster, out);
  return out;
}
const EMPTY: ReadonlySet<string> = new Set();

/** A word that can continue a name: capitalised and not a function word ("Miss The…", "Priya I…"). */
const nameLike = (t: NameToken | undefined): t is NameToken => !!t && t.capitalised && !NOT_NAMES.has(t.key);

function listedName(t: NameToken): boolean {
  if (NAME_LIST.has(t.base)) return !WORD_NAMES.has(t.base);
  if (!t.base.includes('-')) return false;
  return t.base.split('-').some((p) => NAME_LIST.has(p) && !WORD_NAMES.has(p));
}

export function findNames(tokens: NameToken[], roster: ReadonlySet<string>): NameCandidate[] {
  const out: NameCandidate[] = [];
  const name = (why: NameWhy, from: number, to: number): NameCandidate => ({
    kind: 'name',
    why,
    start: tokens[from]!.start,
    end: tokens[to - 1]!.nameEnd,
    from,
    to,
  });
  const possessive = (t: NameToken) => t.nameEnd !== t.end;
  const inRoster = (u: NameToken) =>
    roster.has(u.base) || (u.base.includes('-') && u.base.split('-').some((p) => roster.has(p)));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.capitalised) continue;
    // A title, an optional full stop, then one or two capitalised words: "Mr. O'Brien", "Ms Ana Rivera".
    const next = tokens[i + 1];
    if (TITLES.has(t.base) && !possessive(t) && nameLike(next) && next.afterTitle) {
      let to = i + 2;
      if (!possessive(next) && nameLike(tokens[to]) && tokens[to]!.joined) to++;
      out.push(name('title', i, to));
      i = to - 1;
      continue;
    }
    const why = inRoster(t) ? 'roster' : listedName(t) ? 'first-name' : undefined;
    if (!why) continue;
    // A given name runs on into a capitalised family name: "Anne Frank's diary".
    let to = i + 1;
    while (to - i < 3 && !possessive(tokens[to - 1]!) && nameLike(tokens[to]) && tokens[to]!.joined) {
      const u = tokens[to]!;
      if (TITLES.has(u.base) && !inRoster(u)) break;
      to++;
    }
    out.push(name(why, i, to));
    i = to - 1;
  }
  return out;
}
