import { describe, expect, it } from 'vitest';
import { stream } from './rng.ts';
import { standardExponential } from './ziggurat.ts';

describe('ziggurat exponential', () => {
  const r = stream(5, 'ziggurat-test');
  const n = 400_000;
  const xs = Float64Array.from({ length: n }, () => standardExponential(r)).sort();

  it('has the moments of Exp(1)', () => {
    let m1 = 0,
      m2 = 0,
      m3 = 0;
    for (const x of xs) ((m1 += x), (m2 += x * x), (m3 += x * x * x));
    expect(Math.abs(m1 / n - 1)).toBeLessThan(4 / Math.sqrt(n)); // sd of the mean is 1/√n
    expect(Math.abs(m2 / n - 2)).toBeLessThan(4 * Math.sqrt(20 / n)); // var(X²) = 20
    expect(Math.abs(m3 / n - 6)).toBeLessThan(4 * Math.sqrt(684 / n)); // var(X³) = 684
  });

  it('passes a Kolmogorov–Smirnov test against 1 − e^(−x)', () => {
    let d = 0;
    xs.forEach((x, i) => {
      const f = 1 - Math.exp(-x);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    });
    expect(d * Math.sqrt(n)).toBeLessThan(1.63); // 1% critical value
  });

  it('reaches the tail beyond the ziggurat base', () => {
    const tail = xs.filter((x) => x > 7.7).length / n;
    expect(Math.abs(tail - Math.exp(-7.7))).toBeLessThan(4 * Math.sqrt(Math.exp(-7.7) / n));
  });
});
