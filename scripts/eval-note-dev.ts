/**
 * `npx tsx scripts/eval-note-dev.ts`: the note linter's figures on train and dev only (the held-out test split is never
 * read): precision and recall of judgment and names per language on dev, and leave-one-writer-out figures over train and
 * dev, where every learned part (the judgment model, the name scorer) is trained on the other writers' sentences and
 * scored on the writer left out. Dev has been read to tune the rules, so it flatters; leave-one-writer-out is the figure
 * that predicts unseen writing for the learned parts (the hand rules were chosen on all of train and dev, so their part
 * of it flatters too). `--thresholds a,b,c` scores the name scorer at other thresholds.
 */
import type { NameScorer } from '../shared/note-name-scorer';
import { nameLogOdds } from '../shared/note-name-scorer';
import type { JudgementModel } from '../shared/note-judgement';
import { lintNote } from '../shared/note-linter';
import { type CorpusSentence, loadCorpus } from '../tests/support/note-corpus';
import { nameExamples, THRESHOLD, trainNameScorer } from './train-name-scorer';
import { read, trainJudges, trainLinear } from './train-note-model';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (c: Counts, predicted: boolean, actual: boolean) => {
  if (predicted && actual) c.tp++;
  else if (predicted) c.fp++;
  else if (actual) c.fn++;
};
const pr = (c: Counts) =>
  `P ${(c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp)).toFixed(3)} R ${(c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn)).toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;

type Figures = Record<string, Counts>;
const judges = (s: CorpusSentence) => s.label === 'evaluative' || s.label === 'inference';

/** Adds one sentence's judgment and name outcome to the figures of its language (as the bench counts them). */
function score(figures: Figures, s: CorpusSentence, options: Parameters<typeof lintNote>[1]) {
  const flags = lintNote(s.text, options);
  figures[`${s.lang} judgment`] ??= zero();
  figures[`${s.lang} names`] ??= zero();
  const j = figures[`${s.lang} judgment`]!;
  const n = figures[`${s.lang} names`]!;
  if (s.label !== 'name')
    add(
      j,
      flags.some((f) => f.kind !== 'name'),
      judges(s),
    );
  add(
    n,
    flags.some((f) => f.kind === 'name'),
    s.label === 'name',
  );
}

const print = (title: string, figures: Figures) => {
  console.log(title);
  for (const key of ['en judgment', 'en names', 'es judgment', 'es names'])
    if (figures[key]) console.log(`  ${key.padEnd(12)} ${pr(figures[key]!)}`);
};

const arg = process.argv.indexOf('--thresholds');
const thresholds = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [THRESHOLD];

// Dev, with the linter as shipped.
const dev = loadCorpus('dev');
const devFigures: Figures = {};
for (const s of dev) score(devFigures, s, {});
print('dev, as shipped', devFigures);
const devRules: Figures = {};
for (const s of dev) score(devRules, s, { nameScorer: null });
print('dev, name rules alone', devRules);

// Leave one writer out, over train and dev.
const all = [...loadCorpus('train'), ...dev];
const reads = new Map(all.map((s) => [s, read(s.text)]));
const writers = [...new Set(all.map((s) => s.writer))].sort();
const rules: Figures = {};
const scored = new Map<number, Figures>(thresholds.map((t) => [t, {}]));
const tokenLevel = new Map<number, { negKept: number; neg: number; posKept: number; pos: number }>(
  thresholds.map((t) => [t, { negKept: 0, neg: 0, posKept: 0, pos: 0 }]),
);
for (const writer of writers) {
  const others = all.filter((s) => s.writer !== writer);
  const mine = all.filter((s) => s.writer === writer);
  const judged = others.filter((s) => s.label !== 'name');
  const model: JudgementModel = {
    // The shipped model's settings (scripts/train-note-model.ts chose them on dev).
    judges: trainJudges(
      judged.map((s) => ({ read: reads.get(s)!, writer: s.writer, y: judges(s) ? 1 : 0 })),
      0.001,
      1,
      0.05,
    ),
    inference: trainLinear(
      judged.filter(judges).map((s) => ({ read: reads.get(s)!, y: s.label === 'inference' ? 1 : 0 })),
      0.003,
      2,
      0.05,
    ),
    threshold: 0.65,
    wholeEvidence: 0,
  };
  const scorer = trainNameScorer(others);
  for (const s of mine) score(rules, s, { model, nameScorer: null });
  for (const t of thresholds) {
    const withT: NameScorer = { ...scorer, threshold: t };
    for (const s of mine) score(scored.get(t)!, s, { model, nameScorer: withT });
    const tl = tokenLevel.get(t)!;
    for (const s of mine.filter((x) => x.lang === 'es'))
      for (const e of nameExamples(s)) {
        const kept = nameLogOdds(withT, e.features) >= t;
        if (e.y) [tl.pos, tl.posKept] = [tl.pos + 1, tl.posKept + (kept ? 1 : 0)];
        else [tl.neg, tl.negKept] = [tl.neg + 1, tl.negKept + (kept ? 1 : 0)];
      }
  }
}
print(`leave one writer out (${writers.length} writers), name rules alone`, rules);
for (const t of thresholds) {
  print(`leave one writer out, name scorer at ${t}`, scored.get(t)!);
  const tl = tokenLevel.get(t)!;
  console.log(
    `  es words: kept ${tl.posKept} of ${tl.pos} flagged names in name sentences, ${tl.negKept} of ${tl.neg} name-like words in other sentences`,
  );
}
