/** One benchmark figure: `name: value unit`, with a baseline from the same run and the ratio when there is one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** Decimals for the value and the baseline, where two would round a figure onto its goal (0.946 read as 0.95). */
  digits?: number;
}

/** Nearest-rank percentile of a list of samples (p in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function formatFigure(f: Figure): string {
  const value = (n: number) => (f.digits === undefined ? fmt(n) : n.toFixed(f.digits));
  const base = f.baseline
    ? ` (baseline ${f.baseline.label}: ${value(f.baseline.value)} ${f.unit}, ratio ${fmt(f.value / f.baseline.value)}x)`
    : '';
  return `${f.name}: ${value(f.value)} ${f.unit}${base}`;
}

/** mulberry32: a small seeded PRNG, so every run seeds the same data and asks the same queries. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
