/** Small helpers for tests that compare simulated figures with theory. */
import { interval } from '../experiments/stats.ts';

/** Mean and half-width of the 95% confidence interval of the mean (Student t from experiments/student-t.ts: the project's one t distribution). */
export function ci95(xs: number[]): { mean: number; half: number } {
  const { mean, half } = interval(xs);
  return { mean, half };
}
