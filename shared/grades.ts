import { nearestEntry } from './spelling';

/**
 * Grades as teachers type them ("7th", "Grade 7", "gr7", "Kindergarten", "grades 6–8") read as one grade or a range
 * of grades (K = 0 … 12), so free text finds the school's own entry: "7th" → "7" when the school lists single grades,
 * "7th" → "6-8" when it lists bands. Pure, so the server (strategy form, menu filter) and the app use the same rule.
 */
export interface GradeSpan {
  from: number;
  to: number;
}

const NUMBER_WORDS: Record<string, string> = {
  kindergarten: 'k',
  kinder: 'k',
  kg: 'k',
  first: '1',
  one: '1',
  second: '2',
  two: '2',
  third: '3',
  three: '3',
  fourth: '4',
  four: '4',
  fifth: '5',
  five: '5',
  sixth: '6',
  six: '6',
  seventh: '7',
  seven: '7',
  eighth: '8',
  eight: '8',
  ninth: '9',
  nine: '9',
  tenth: '10',
  ten: '10',
  eleventh: '11',
  eleven: '11',
  twelfth: '12',
  twelve: '12',
};

/** Words around a grade that say nothing about which grade: "Grade 7", "gr. 7", "Year 7", "7th grade". */
const FILLER = new Set(['grade', 'grades', 'gr', 'grd', 'year', 'years', 'yr', 'class', 'level']);

function gradeNumber(token: string): number | undefined {
  if (token === 'k') return 0;
  const n = Number(token);
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
}

/** The grade or range of grades a text names, or undefined when it names none ("Any", "Middle school"). */
export function gradeSpan(text: string): GradeSpan | undefined {
  const tokens = text
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/\bto\b|\bthrough\b|\bthru\b/g, '-')
    // "gr7", "7th", "1st", "K-2": split letters from digits and drop ordinal endings.
    .replace(/(\d+)(st|nd|rd|th)\b/g, '$1')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .match(/[a-z]+|\d+|-/g);
  if (!tokens) return undefined;
  const grades: number[] = [];
  let range = false;
  for (const raw of tokens) {
    if (raw === '-') {
      range = true;
      continue;
    }
    const token = NUMBER_WORDS[raw] ?? raw;
    if (FILLER.has(token)) continue;
    const grade = gradeNumber(token);
    if (grade === undefined) return undefined;
    grades.push(grade);
  }
  if (grades.length === 1 && !range) return { from: grades[0]!, to: grades[0]! };
  if (grades.length === 2 && range && grades[0]! <= grades[1]!) return { from: grades[0]!, to: grades[1]! };
  return undefined;
}

/**
 * The entry of a school's grade list that free text stands for: the same entry in any case; else the entry naming the
 * same grade or range ("7th" → "7", "K–2" → "K-2"); else the narrowest entry whose range holds it ("7th" → "6-8");
 * else, for words, the nearest entry by spelling ("Any" → "Any"). Undefined when none is close.
 */
export function nearestGrade(text: string, entries: readonly string[]): string | undefined {
  const typed = text.trim().toLowerCase();
  if (!typed) return undefined;
  const exact = entries.find((e) => e.toLowerCase() === typed);
  if (exact) return exact;
  const span = gradeSpan(typed);
  if (!span) return nearestEntry(text, entries);
  let best: { entry: string; width: number } | undefined;
  for (const entry of entries) {
    const s = gradeSpan(entry);
    if (!s || s.from > span.from || s.to < span.to) continue;
    const width = s.to - s.from;
    if (!best || width < best.width) best = { entry, width };
  }
  return best?.entry;
}
