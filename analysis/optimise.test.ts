import { describe, expect, it } from 'vitest';
import { optimise, type Outcome, type Run } from './optimise.ts';
import { normal, seeded } from './random.ts';

/** Noise shared by every candidate run with the same seed (sd 0.5) plus noise of its own (sd 0.3). */
function noise(run: Run): number {
  return 0.5 * normal(seeded(run.seed)) + 0.3 * normal(seeded(`${run.seed}/${JSON.stringify(run.x)}`));
}

describe('optimisation under noise', () => {
  it('finds the optimum of a noisy sphere with two integer coordinates (4 dimensions)', async () => {
    const dimensions = [
      { name: 'a', lo: -5, hi: 5 },
      { name: 'b', lo: -5, hi: 5 },
      { name: 'units', lo: 0, hi: 10, integer: true },
      { name: 'levels', lo: -5, hi: 5, integer: true },
    ];
    let batches = 0;
    const evaluate = async (batch: Run[]): Promise<Outcome[]> => {
      batches++;
      return batch.map((run) => {
        const { a, b, units, levels } = run.x;
        return { objective: (a - 1.3) ** 2 + (b + 0.7) ** 2 + (units - 3) ** 2 + (levels + 2) ** 2 + noise(run) };
      });
    };
    const preset = { a: 0, b: 0, units: 5, levels: 0 };
    const res = await optimise({ dimensions, evaluate, seed: 1, budget: 3000, include: [preset] });
    expect(res.evaluations).toBeLessThanOrEqual(3000);
    expect(batches).toBeGreaterThan(10);
    const x = res.best.x;
    expect(Math.abs(x.a - 1.3)).toBeLessThan(0.25);
    expect(Math.abs(x.b + 0.7)).toBeLessThan(0.25);
    expect(x.units).toBe(3);
    expect(x.levels).toBe(-2);
    // The true mean at the best design is near 0, and its interval covers it.
    const truth = (x.a - 1.3) ** 2 + (x.b + 0.7) ** 2;
    expect(truth).toBeLessThan(0.1);
    expect(res.best.objective.lo).toBeLessThan(truth);
    expect(res.best.objective.hi).toBeGreaterThan(truth);
    expect(res.best.difference.mean).toBe(0);
    // The included design (true mean 10.18) is in the report, surely worse than the best.
    const inc = res.designs.find((d) => d.included)!;
    expect(inc.x).toEqual(preset);
    expect(inc.difference.lo).toBeGreaterThan(5);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('respects a constraint (the optimum on its boundary) and reports feasibility', async () => {
    const dimensions = [
      { name: 'x', lo: 0, hi: 4 },
      { name: 'y', lo: 0, hi: 4 },
    ];
    // Minimise the distance to (2, 2) with x + y ≤ 2: the optimum is (1, 1), objective 2.
    const evaluate = (batch: Run[]): Outcome[] =>
      batch.map((run) => ({
        objective: (run.x.x - 2) ** 2 + (run.x.y - 2) ** 2 + noise(run),
        constraints: [run.x.x + run.x.y - 2],
      }));
    const res = await optimise({ dimensions, evaluate, seed: 2, budget: 2000 });
    expect(res.best.x.x + res.best.x.y).toBeLessThanOrEqual(2);
    expect(Math.abs(res.best.x.x - 1)).toBeLessThan(0.2);
    expect(Math.abs(res.best.x.y - 1)).toBeLessThan(0.2);
    expect(res.best.feasible).toBe('yes');
    expect(Math.abs(res.best.objective.mean - 2)).toBeLessThan(0.3);
    for (const d of res.designs) expect(d.constraints).toHaveLength(1);
  });

  it('is deterministic for a seed', async () => {
    const dimensions = [{ name: 'x', lo: -1, hi: 1 }];
    const evaluate = (batch: Run[]) => batch.map((run) => ({ objective: run.x.x ** 2 + noise(run) }));
    const a = await optimise({ dimensions, evaluate, seed: 3, budget: 300 });
    const b = await optimise({ dimensions, evaluate, seed: 3, budget: 300 });
    expect(a).toEqual(b);
  });
});
