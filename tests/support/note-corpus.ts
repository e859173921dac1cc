/**
 * The independent note corpus in tests/fixtures/note-corpus (how it was written and split: its README.md). Train and
 * dev may be read by anything that tunes the linter; the test split is read only to report held-out figures.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const CORPUS_LABELS = ['descriptive', 'evaluative', 'inference', 'name'] as const;
export type CorpusLabel = (typeof CORPUS_LABELS)[number];

/** A line of a writer's raw file, as written. */
export const RawSentenceSchema = z.object({
  text: z.string().trim().min(1),
  label: z.enum(CORPUS_LABELS),
  lang: z.enum(['en', 'es']),
  writer: z.string().regex(/^w\d+$/),
});

export const CorpusSentenceSchema = RawSentenceSchema.extend({ id: z.string().regex(/^w\d+-\d{4}$/) });
export type CorpusSentence = z.infer<typeof CorpusSentenceSchema>;

export type CorpusSplit = 'train' | 'dev' | 'test';

export function loadCorpus(split: CorpusSplit): CorpusSentence[] {
  const file = new URL(`../fixtures/note-corpus/${split}.jsonl`, import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = CorpusSentenceSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`note-corpus/${split}.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
