/**
 * `npx tsx tests/bench/score-file.ts FILE.jsonl`: the linter's precision and recall, per language, on a file of labelled
 * sentences in the corpus's raw form (one `{text, label, lang, writer}` per line), such as a fresh writer's file in
 * tests/fixtures/note-corpus/unsplit/ scored once before and once after a change (see the corpus README). The split
 * files themselves are refused: dev is read by `scripts/eval-note-dev.ts`, and the held-out split only by the bench.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RawSentenceSchema } from '../support/note-corpus';
import { type ClassScore, scoreCorpus } from './note-linter';

const file = process.argv[2];
const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/note-corpus');
if (!file || dirname(resolve(file)) === corpusDir) {
  console.error(
    'usage: tsx tests/bench/score-file.ts FILE.jsonl (a labelled file outside the corpus splits)',
  );
  process.exit(2);
}
const sentences = readFileSync(file, 'utf8')
  .split('\n')
  .flatMap((line, i) => {
    if (line.trim() === '') return [];
    const parsed = RawSentenceSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    return [{ ...parsed.data, id: `${parsed.data.writer}-${String(i + 1).padStart(4, '0')}` }];
  });
const counts = (s: ClassScore) =>
  `P ${s.precision.toFixed(3)} (${s.truePositives}/${s.predicted}) R ${s.recall.toFixed(3)} (${s.truePositives}/${s.actual})`;
for (const lang of ['en', 'es'] as const) {
  const set = sentences.filter((s) => s.lang === lang);
  if (set.length === 0) continue;
  const score = scoreCorpus(set);
  console.log(
    `${lang}: ${set.length} sentences; all flags ${counts(score.all)}; judgment ${counts(score.evaluative)}; names ${counts(score.name)}; descriptive with no flag ${score.descriptiveClean.toFixed(3)}`,
  );
}
