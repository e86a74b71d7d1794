// Small timing helpers shared by the benchmarks.

export interface BenchResult {
  id: string;
  value: number;
  unit: 'ms' | 'per_s' | 'MB';
  n: number;
  /** The target, shown beside the value; not enforced here (CI does not gate on speed). */
  target?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (samples: number[]): number => percentile(samples, 50);

export async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function samples(count: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await timeMs(() => fn(i)));
  return out;
}

export const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

/** A deterministic generator so every run benchmarks the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
