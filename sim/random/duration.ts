import type { Duration } from '../../scenarios/schema.ts';
import { exp, exponential, ln, type Random } from './rng.ts';

export type Sampler = () => number;

/** A standard normal sampler: Marsaglia's polar method, which needs only ln and sqrt. */
function normalSampler(random: Random): Sampler {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let x: number, y: number, r: number;
    do {
      x = random() * 2 - 1;
      y = random() * 2 - 1;
      r = x * x + y * y;
    } while (r === 0 || r > 1);
    const f = Math.sqrt((-2 * ln(r)) / r);
    spare = y * f;
    return x * f;
  };
}

/** A sampler of the duration distribution `d` (minutes), drawing from `random`. */
export function durationSampler(d: Duration, random: Random): Sampler {
  const mean = d.mean;
  if (mean === 0 || d.dist === 'fixed' || (d.dist === 'lognormal' && d.cv === 0)) return () => mean;
  if (d.dist === 'exp') return () => exponential(mean, random);
  const s2 = ln(1 + d.cv * d.cv);
  const mu = ln(mean) - s2 / 2;
  const sigma = Math.sqrt(s2);
  const normal = normalSampler(random);
  return () => exp(mu + sigma * normal());
}
