/**
 * The mean of replications with its 95% interval, as every view states it. Shares' intervals
 * stay inside 0–100%: they are computed on the logit scale and transformed back. Apart from
 * render/figures.ts so that the first screen, which has no replications, does not load the
 * t distribution.
 */
import { interval, tCritical } from '../experiments/stats.ts';

export interface MeanInterval {
  n: number;
  mean: number;
  low: number;
  high: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The mean of replications and its 95% interval. For shares the interval is Student's t on
 * the logit scale, transformed back (and widened to hold the mean), so it stays inside 0–1;
 * shares of exactly 0 or 1 are moved in by a hair first. Otherwise Student's t.
 */
export function meanInterval(values: readonly number[], unit: string): MeanInterval {
  const v = values.filter((x) => Number.isFinite(x));
  const plain = interval(v);
  if (unit !== 'share' || v.length < 2) return { n: plain.n, mean: plain.mean, low: plain.low, high: plain.high };
  const eps = 1e-6;
  const z = v.map((p) => logit(Math.min(1 - eps, Math.max(eps, p))));
  const m = z.reduce((a, b) => a + b, 0) / z.length;
  const sd = Math.sqrt(z.reduce((a, b) => a + (b - m) ** 2, 0) / (z.length - 1));
  const half = (tCritical(z.length - 1) * sd) / Math.sqrt(z.length);
  const low = Math.min(plain.mean, expit(m - half));
  const high = Math.max(plain.mean, expit(m + half));
  return { n: plain.n, mean: plain.mean, low: Math.max(0, low), high: Math.min(1, high) };
}
