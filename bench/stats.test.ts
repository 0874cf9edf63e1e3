import { describe, expect, it } from 'vitest';
import { pairedRatioInterval, percentiles } from './stats';

describe('percentiles', () => {
  it('takes the smallest sample that the given share does not exceed', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, n: 100 });
  });
});

describe('pairedRatioInterval', () => {
  it('is a single point when every pair has the same ratio', () => {
    const raw = Array.from({ length: 400 }, (_, i) => 1 + (i % 37) / 10);
    const viaConsole = raw.map((value) => value * 1.5);
    expect(pairedRatioInterval(viaConsole, raw, 0.95)).toEqual({ low: 1.5, high: 1.5 });
    expect(pairedRatioInterval(viaConsole, raw, 0.5)).toEqual({ low: 1.5, high: 1.5 });
  });

  it('spans the two outcomes a tail at the percentile can give', () => {
    // 1,000 pairs, the bare side always 1 ms; the console side 10 ms in exactly 50 of them: the p95 is the 950th
    // smallest, 1 ms, but a resampling draws more or fewer of the 50 and can put it at either.
    const raw = Array.from({ length: 1000 }, () => 1);
    const viaConsole = raw.map((_, i) => (i % 20 === 0 ? 10 : 1));
    expect(percentiles(viaConsole).p95 / percentiles(raw).p95).toBe(1);
    expect(pairedRatioInterval(viaConsole, raw, 0.95)).toEqual({ low: 1, high: 10 });
    // At the median the tail never matters.
    expect(pairedRatioInterval(viaConsole, raw, 0.5)).toEqual({ low: 1, high: 1 });
  });

  it('gives the same interval when computed again', () => {
    const raw = Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919) % 101) / 50);
    const viaConsole = raw.map((value, i) => value + ((i * 104729) % 13) / 40);
    const first = pairedRatioInterval(viaConsole, raw, 0.95);
    expect(first.high).toBeGreaterThan(first.low);
    expect(pairedRatioInterval(viaConsole, raw, 0.95)).toEqual(first);
  });

  it('refuses samples that are not pairs', () => {
    expect(() => pairedRatioInterval([1, 2], [1], 0.95)).toThrow(/paired samples needed, got 2 and 1/);
    expect(() => pairedRatioInterval([], [], 0.95)).toThrow(/paired samples needed/);
  });
});
