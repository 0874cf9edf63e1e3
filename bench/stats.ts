const round = (value: number) => Math.round(value * 100) / 100;

/** The q-quantile of sorted samples: the smallest that at least a q share of them do not exceed (NaN if none). */
const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/** Percentiles of a sample of durations in milliseconds. */
export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; mean: number; n: number } {
  const sorted = Float64Array.from(samples).sort();
  return {
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    n: sorted.length,
  };
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/**
 * Once what the last answer left to run just after it (the cache write of a search's page) has run: between a
 * timed step and the next, as the seconds between an agent's clicks would.
 */
export const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Mulberry32: a seeded pseudo-random source, so an interval is the same when computed again from the same samples. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How far from the measured one the ratio of two sides' q-quantiles could be: the 2.5th and 97.5th percentiles of
 * that ratio over resamplings of the pairs (a console search and the bare request timed beside it stay together).
 * A ratio at p95 rests on the slowest twentieth of the samples, so it moves from run to run; this says by how much.
 */
export function pairedRatioInterval(
  numerator: number[],
  denominator: number[],
  q: number,
  resamples = 2000,
): { low: number; high: number } {
  if (numerator.length !== denominator.length || numerator.length === 0)
    throw new Error(`paired samples needed, got ${numerator.length} and ${denominator.length}`);
  const random = seededRandom(0x5eed);
  const n = numerator.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      a[i] = numerator[pick]!;
      b[i] = denominator[pick]!;
    }
    a.sort();
    b.sort();
    ratios[r] = quantile(a, q) / quantile(b, q);
  }
  ratios.sort();
  return { low: round(quantile(ratios, 0.025)), high: round(quantile(ratios, 0.975)) };
}
