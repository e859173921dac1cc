/**
 * Splits the raw note corpus (one JSON Lines file per independent writer) into train, dev and a held-out test split,
 * once: `npx tsx scripts/split-note-corpus.ts RAW_DIR`. The split is stable: each sentence goes where the SHA-256 of
 * its text falls, per writer and label (60 % train, 20 % dev, 20 % test), so rerunning it on the same files writes the
 * same splits and adding a writer never moves another writer's sentences; writers in TUNING_ONLY_WRITERS go to train
 * and dev only. How the corpus was written and why the test split is never tuned on: tests/fixtures/note-corpus/README.md.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusSentenceSchema, type CorpusSentence, RawSentenceSchema } from '../tests/support/note-corpus';

const rawDir = process.argv[2];
if (!rawDir) {
  console.error('usage: tsx scripts/split-note-corpus.ts RAW_DIR (a folder of <writer>.jsonl files)');
  process.exit(2);
}
const out = new URL('../tests/fixtures/note-corpus/', import.meta.url);
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
/**
 * Writers who wrote after the split, knowing the linter (see the README): their sentences may tune it, so they go to
 * train and dev only (75 % and 25 %), never to the held-out test split.
 */
const TUNING_ONLY_WRITERS = new Set(['w7', 'w22', 'w23']);

const seen = new Set<string>();
const groups = new Map<string, CorpusSentence[]>();
let dropped = 0;
for (const file of readdirSync(rawDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const lines = readFileSync(join(rawDir, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const raw = RawSentenceSchema.parse(JSON.parse(line));
    const text = raw.text.trim().replace(/\s+/g, ' ');
    const key = text.toLowerCase();
    if (seen.has(key)) {
      dropped++;
      return;
    }
    seen.add(key);
    const sentence = CorpusSentenceSchema.parse({
      ...raw,
      text,
      id: `${raw.writer}-${String(i + 1).padStart(4, '0')}`,
    });
    const group = `${raw.writer}/${raw.lang}/${raw.label}`;
    groups.set(group, [...(groups.get(group) ?? []), sentence]);
  });
}

const splits: Record<'train' | 'dev' | 'test', CorpusSentence[]> = { train: [], dev: [], test: [] };
for (const sentences of groups.values()) {
  const ordered = [...sentences].sort((a, b) => hash(a.text).localeCompare(hash(b.text)));
  ordered.forEach((s, i) => {
    if (TUNING_ONLY_WRITERS.has(s.writer)) {
      splits[i % 4 < 3 ? 'train' : 'dev'].push(s);
      return;
    }
    const slot = i % 5;
    splits[slot < 3 ? 'train' : slot === 3 ? 'dev' : 'test'].push(s);
  });
}
for (const [name, sentences] of Object.entries(splits)) {
  sentences.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(new URL(`${name}.jsonl`, out), `${sentences.map((s) => JSON.stringify(s)).join('\n')}\n`);
  console.log(`${name}: ${sentences.length}`);
}
console.log(`duplicates dropped: ${dropped}`);
