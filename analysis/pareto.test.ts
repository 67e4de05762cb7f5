import { describe, expect, it } from 'vitest';
import { nonDominated, paretoFront, type ParetoOutcome } from './pareto.ts';
import type { Run } from './optimise.ts';
import { normal, seeded } from './random.ts';

describe('Pareto front of two noisy objectives', () => {
  it('finds non-dominated designs along the known front and covers both of its ends', async () => {
    // f₁ = x² + y², f₂ = (x − 2)² + (y − 2)²: the front is x = y = t ∈ [0, 2], from (0, 8) to (8, 0).
    const dimensions = [
      { name: 'x', lo: -1, hi: 3 },
      { name: 'y', lo: -1, hi: 3 },
    ];
    const evaluate = (batch: Run[]): ParetoOutcome[] =>
      batch.map((run) => {
        const e = seeded(run.seed);
        const { x, y } = run.x;
        return { objectives: [x * x + y * y + 0.1 * normal(e), (x - 2) ** 2 + (y - 2) ** 2 + 0.1 * normal(e)] };
      });
    const res = await paretoFront({ dimensions, evaluate, seed: 1, budget: 7 * 800 });
    const f = res.front.map((d) => d.objectives.map((o) => o.mean));
    expect(nonDominated(f)).toHaveLength(f.length);
    expect(res.front.length).toBeGreaterThanOrEqual(5);
    for (const d of res.front) expect(Math.abs(d.x.x - d.x.y)).toBeLessThan(0.2);
    // Both ends, within 0.1 of each objective's minimum.
    expect(Math.min(...f.map((p) => p[0]))).toBeLessThan(0.1);
    expect(Math.min(...f.map((p) => p[1]))).toBeLessThan(0.1);
    // And points between: some design with both objectives below 4 (the front's middle is (2, 2)).
    expect(f.some((p) => p[0] < 4 && p[1] < 4)).toBe(true);
    expect(res.evaluations).toBeLessThanOrEqual(7 * 800);
  });

  it('keeps only non-dominated points', () => {
    expect(
      nonDominated([
        [1, 5],
        [2, 2],
        [3, 3],
        [5, 1],
        [2, 2],
      ]),
    ).toEqual([0, 1, 3, 4]);
  });
});
