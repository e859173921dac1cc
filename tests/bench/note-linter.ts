import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { lintNote, type NoteFlag } from '../../shared/note-linter';
import { type CorpusSentence, loadCorpus } from '../support/note-corpus';
import { lintNote as baselineLint } from './baseline/note-linter-v1';
import type { Figure } from './report';

const SentencesSchema = z.array(
  z.object({ text: z.string().min(1), label: z.enum(['descriptive', 'evaluative', 'name']) }),
);
export type LabelledSentence = z.infer<typeof SentencesSchema>[number];

/** The hand-labelled classroom-visit sentences in tests/fixtures (labelling rule: tests/unit/shared/note-linter.test.ts). */
export function loadNoteSentences(): LabelledSentence[] {
  const file = new URL('../fixtures/note-sentences.json', import.meta.url);
  return SentencesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface ClassScore {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

export interface LinterScores {
  /** Over descriptive and evaluative sentences: predicted when there is an evaluative or inference flag. */
  evaluative: ClassScore;
  /** Over all sentences: predicted when there is a name flag. */
  name: ClassScore;
  /**
   * Over all sentences, as a writer meets the linter: predicted when there is any flag, actual when the sentence needs
   * one (a judgment, an inference or a name). Right only with a flag of its kind: a name sentence flagged for a
   * judgment alone counts as a false alarm and a miss, as its name would be saved.
   */
  all: ClassScore;
  /** Share of descriptive sentences with no flag of any kind: what a writer of good evidence sees. */
  descriptiveClean: number;
}

function score(pairs: Array<{ predicted: boolean; actual: boolean }>): ClassScore {
  return classScore(
    pairs.filter((p) => p.predicted && p.actual).length,
    pairs.filter((p) => p.predicted).length,
    pairs.filter((p) => p.actual).length,
  );
}

function classScore(truePositives: number, predicted: number, actual: number): ClassScore {
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: actual === 0 ? 1 : truePositives / actual,
    truePositives,
    predicted,
    actual,
  };
}

export function scoreLinter(
  sentences: LabelledSentence[],
  lint: (text: string) => NoteFlag[] = (t) => lintNote(t),
): LinterScores {
  const linted = sentences.map((s) => ({ label: s.label, flags: lint(s.text) }));
  const judged = linted.filter((s) => s.label !== 'name');
  const descriptive = linted.filter((s) => s.label === 'descriptive');
  return {
    evaluative: score(
      judged.map((s) => ({
        predicted: s.flags.some((f) => f.kind !== 'name'),
        actual: s.label === 'evaluative',
      })),
    ),
    name: score(
      linted.map((s) => ({ predicted: s.flags.some((f) => f.kind === 'name'), actual: s.label === 'name' })),
    ),
    all: overall(linted),
    descriptiveClean: descriptive.filter((s) => s.flags.length === 0).length / descriptive.length,
  };
}

function overall(linted: Array<{ label: LabelledSentence['label']; flags: NoteFlag[] }>): ClassScore {
  const ofItsKind = (s: (typeof linted)[number]) =>
    s.label === 'name' ? s.flags.some((f) => f.kind === 'name') : s.flags.some((f) => f.kind !== 'name');
  return classScore(
    linted.filter((s) => s.label !== 'descriptive' && ofItsKind(s)).length,
    linted.filter((s) => s.flags.length > 0).length,
    linted.filter((s) => s.label !== 'descriptive').length,
  );
}

type Linter = (text: string) => NoteFlag[];

/** The held-out split: for reporting (this bench, and the unit test's 0.9 floor), never for tuning. */
export const heldOutSentences = (): CorpusSentence[] => loadCorpus('test');

const countsOf = (s: ClassScore, which: 'precision' | 'recall') =>
  `${s.truePositives} of ${which === 'precision' ? s.predicted : s.actual}`;

/** Scores any linter on corpus sentences: inference counts with evaluative, as both are judgements to flag. */
export function scoreCorpus(sentences: CorpusSentence[], lint: Linter = (t) => lintNote(t)): LinterScores {
  return scoreLinter(
    sentences.map((s) => ({ text: s.text, label: s.label === 'inference' ? 'evaluative' : s.label })),
    lint,
  );
}

const ONE_THOUSAND_CHARS = (sentences: CorpusSentence[]): string => {
  let text = '';
  for (const s of sentences) {
    if (text.length + s.text.length + 1 > 1000) break;
    text += `${s.text} `;
  }
  return text.trim();
};

/**
 * Precision and recall on the independent corpus (tests/fixtures/note-corpus): the held-out test split, which no change
 * is tuned on, and dev, for the current linter and the frozen baseline (tests/bench/baseline) in the same run; the
 * goals of issue #15 are precision >= 0.95, recall >= 0.9 (over all flags) and name recall >= 0.95 on the held-out
 * English sentences, those of issue #18 precision >= 0.9 and recall >= 0.85 on the held-out Spanish ones.
 * Also the old tuning set, and how long a 1,000-character note takes to lint.
 */
export async function linterFigures(rounds: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Over all flags, the issues' goals (#15 for English, #18 for Spanish); per kind, the bench's own bars in both
  // languages (#15's name recall among them).
  const goals = (lang: 'en' | 'es') => ({
    'all.precision': lang === 'en' ? 0.95 : 0.9,
    'all.recall': lang === 'en' ? 0.9 : 0.85,
    'evaluative.precision': 0.95,
    'evaluative.recall': 0.9,
    'name.precision': 0.9,
    'name.recall': 0.95,
  });
  const report = (
    set: string,
    sentences: CorpusSentence[] | LabelledSentence[],
    corpus: boolean,
    lang: 'en' | 'es' = 'en',
  ) => {
    const now = corpus
      ? scoreCorpus(sentences as CorpusSentence[])
      : scoreLinter(sentences as LabelledSentence[]);
    const before = corpus
      ? scoreCorpus(sentences as CorpusSentence[], baselineLint)
      : scoreLinter(sentences as LabelledSentence[], baselineLint);
    for (const cls of ['all', 'evaluative', 'name'] as const) {
      for (const which of ['precision', 'recall'] as const) {
        const s = now[cls];
        figures.push({
          name: `linter.${set}.${cls}.${which} (${countsOf(s, which)})`,
          value: s[which],
          unit: `ratio (goal >= ${goals(lang)[`${cls}.${which}`]})`,
          digits: 3,
          baseline: { label: `linter v1, ${countsOf(before[cls], which)}`, value: before[cls][which] },
        });
      }
    }
  };
  report(
    'heldout-en',
    loadCorpus('test').filter((s) => s.lang === 'en'),
    true,
  );
  report(
    'dev-en',
    loadCorpus('dev').filter((s) => s.lang === 'en'),
    true,
  );
  report(
    'heldout-es',
    loadCorpus('test').filter((s) => s.lang === 'es'),
    true,
    'es',
  );
  // Spanish dev: a third of it is the w7 sentences written for tuning by a helper who knew the linter (the corpus
  // README); the held-out Spanish figures above come from the independent writers w1–w6, w8 and w9 alone.
  report(
    'dev-es',
    loadCorpus('dev').filter((s) => s.lang === 'es'),
    true,
    'es',
  );
  report('tuning-set-v1', loadNoteSentences(), false);

  const note = ONE_THOUSAND_CHARS(loadCorpus('dev'));
  const time = (lint: Linter) => {
    for (let r = 0; r < 50; r++) lint(note); // warm-up
    const start = performance.now();
    for (let r = 0; r < rounds; r++) lint(note);
    return (performance.now() - start) / rounds;
  };
  figures.push({
    name: 'linter.note-1000-chars',
    value: time((t) => lintNote(t)),
    unit: `ms per ${note.length}-character note (goal < 5 ms)`,
    baseline: { label: 'linter v1', value: time(baselineLint) },
  });
  return figures;
}
