/**
 * Statistics of replicated runs: mean, standard deviation and Student-t 95% intervals, and
 * paired differences between structures (common random numbers make them paired).
 * The t distribution comes from student-t.ts, sums from simple-statistics.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tCdf, tQuantile } from './student-t.ts';

export interface Interval {
  n: number;
  mean: number;
  sd: number;
  /** Half-width of the 95% confidence interval of the mean. */
  half: number;
  low: number;
  high: number;
}

export interface PairedTest extends Interval {
  /** Student t statistic of the mean difference. */
  t: number;
  /** Two-sided p-value of "no difference". */
  p: number;
}

/** Two-sided Student t quantile for a confidence level. */
export function tCritical(df: number, level = 0.95): number {
  return tQuantile(1 - (1 - level) / 2, df);
}

export function interval(xs: number[], level = 0.95): Interval {
  const v = xs.filter((x) => Number.isFinite(x));
  const n = v.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, half: NaN, low: NaN, high: NaN };
  const m = mean(v);
  if (n === 1) return { n, mean: m, sd: NaN, half: NaN, low: NaN, high: NaN };
  const sd = sampleStandardDeviation(v);
  const half = (tCritical(n - 1, level) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, half, low: m - half, high: m + half };
}

/** Interval and t test of the paired differences b − a (pairs where both are finite). */
export function pairedDifference(a: number[], b: number[], level = 0.95): PairedTest {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(b[i] - a[i]);
  const iv = interval(d, level);
  if (iv.n < 2) return { ...iv, t: NaN, p: NaN };
  const se = iv.sd / Math.sqrt(iv.n);
  if (se === 0) return { ...iv, t: iv.mean === 0 ? 0 : Infinity, p: iv.mean === 0 ? 1 : 0 };
  const t = iv.mean / se;
  return { ...iv, t, p: 2 * (1 - tCdf(Math.abs(t), iv.n - 1)) };
}
