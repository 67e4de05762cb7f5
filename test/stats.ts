/** Small helpers for tests that compare simulated figures with theory. */
import { mean, sampleStandardDeviation } from 'simple-statistics';

// Two-sided 95% Student t quantiles by degrees of freedom.
const T95: Record<number, number> = { 1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 14: 2.145, 19: 2.093, 29: 2.045 };

export function t95(df: number): number {
  return T95[df] ?? 1.96;
}

/** Mean and half-width of the 95% confidence interval of the mean. */
export function ci95(xs: number[]): { mean: number; half: number } {
  const m = mean(xs);
  return { mean: m, half: (t95(xs.length - 1) * sampleStandardDeviation(xs)) / Math.sqrt(xs.length) };
}
