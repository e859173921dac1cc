import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { lintNote } from '../../shared/note-linter';
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
  /** Share of descriptive sentences with no flag of any kind: what a writer of good evidence sees. */
  descriptiveClean: number;
}

function score(pairs: Array<{ predicted: boolean; actual: boolean }>): ClassScore {
  const truePositives = pairs.filter((p) => p.predicted && p.actual).length;
  const predicted = pairs.filter((p) => p.predicted).length;
  const actual = pairs.filter((p) => p.actual).length;
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: actual === 0 ? 1 : truePositives / actual,
    truePositives,
    predicted,
    actual,
  };
}

export function scoreLinter(sentences: LabelledSentence[]): LinterScores {
  const linted = sentences.map((s) => ({ label: s.label, flags: lintNote(s.text) }));
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
    descriptiveClean: descriptive.filter((s) => s.flags.length === 0).length / descriptive.length,
  };
}

/**
 * Precision and recall of the note linter on the labelled set (goal ≥ 0.9 for evaluative and for name), and how
 * many sentences it lints per second, in `rounds` passes over the set.
 */
export async function linterFigures(rounds: number): Promise<Figure[]> {
  const sentences = loadNoteSentences();
  const scores = scoreLinter(sentences);
  const ratio = (name: string, s: ClassScore, which: 'precision' | 'recall'): Figure => ({
    name: `linter.${name}.${which}`,
    value: s[which],
    unit: `ratio (goal >= 0.9; ${s.truePositives} of ${which === 'precision' ? s.predicted : s.actual})`,
  });

  for (const s of sentences) lintNote(s.text); // warm-up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of sentences) lintNote(s.text);
  const seconds = (performance.now() - start) / 1000;

  return [
    ratio('evaluative', scores.evaluative, 'precision'),
    ratio('evaluative', scores.evaluative, 'recall'),
    ratio('name', scores.name, 'precision'),
    ratio('name', scores.name, 'recall'),
    {
      name: 'linter.descriptive.unflagged',
      value: scores.descriptiveClean,
      unit: `ratio (descriptive sentences with no flag at all, of ${sentences.filter((s) => s.label === 'descriptive').length})`,
    },
    {
      name: 'linter.throughput',
      value: (rounds * sentences.length) / seconds,
      unit: `sentences/s (${sentences.length} sentences x ${rounds} rounds)`,
    },
  ];
}
