import type { Duration } from '../scenarios/schema.ts';
import { normal, type Random } from './rng.ts';

export type Sampler = () => number;

/** A sampler of the duration distribution `d` (minutes), drawing from `random`. */
export function durationSampler(d: Duration, random: Random): Sampler {
  const mean = d.mean;
  if (mean === 0 || d.dist === 'fixed') return () => mean;
  if (d.dist === 'exp') return () => -mean * Math.log(1 - random());
  if (d.cv === 0) return () => mean;
  const s2 = Math.log(1 + d.cv * d.cv);
  const sigma = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  return () => Math.exp(mu + sigma * normal(random));
}
