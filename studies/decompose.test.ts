/**
 * The decomposition of a difference into parts: the parts add up to the difference run by
 * run, a structure compared with itself (its parts from a copy of it) gives its own result
 * exactly and nothing to share out, and the Shapley arithmetic is right on games whose
 * values are known.
 */
import { describe, expect, it } from 'vitest';
import { composeScenario, COMPARED_PARTS } from '../scenarios/parts.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runJob } from '../experiments/jobs.ts';
import { runExperiment, type ExperimentOutput } from '../experiments/runner.ts';
import { combinationLabel, decompose, decompositionExperiment, pairInteraction, shapleyValues } from './decompose.ts';

const METRICS = ['hoursToClose.mean', 'localResolutionShare', 'sla.close24h', 'cost.annualYuan', 'trust.mean'];

async function run(input: Parameters<typeof parseExperiment>[0]): Promise<ExperimentOutput> {
  const plan = planExperiment(parseExperiment(input), (r) => r.scenario);
  return runExperiment(plan, inProcessExecutor(runJob));
}

/** values[replication][mask] of a metric, from a decomposition's rows. */
function byRun(out: ExperimentOutput, metric: string): number[][] {
  const labels = Array.from({ length: 16 }, (_, m) => combinationLabel(m));
  const reps = [...new Set(out.rows.map((r) => r.replication))].sort((a, b) => a - b);
  return reps.map((k) => labels.map((l) => out.rows.find((r) => r.structure === l && r.metric === metric && r.replication === k)!.value));
}

describe('the decomposition of a difference', () => {
  it('the parts add up to the difference, run by run (traditional county → Longgang 2021)', async () => {
    const a = loadPreset('traditional-county');
    const b = loadPreset('longgang-2021');
    const out = await run(decompositionExperiment(a, b, { replications: 3, days: 6, warmupDays: 1, metrics: METRICS }));
    const rows = decompose(out);
    for (const metric of METRICS) {
      const runs = byRun(out, metric);
      expect(runs).toHaveLength(3);
      for (const v of runs) {
        const phi = shapleyValues(v);
        const total = v[15] - v[0];
        const scale = Math.max(1, Math.abs(v[0]), Math.abs(v[15]));
        expect(Math.abs(phi.reduce((x, y) => x + y, 0) - total), metric).toBeLessThanOrEqual(1e-9 * scale);
      }
      // The means too, and the decomposition's figures are those of the runs.
      const d = rows.find((r) => r.metric === metric)!;
      const sum = d.parts.reduce((x, p) => x + p.shapley.mean, 0);
      expect(Math.abs(sum - d.total.mean), metric).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(d.a.mean)));
      expect(d.total.mean).toBeCloseTo(runs.reduce((x, v) => x + v[15] - v[0], 0) / runs.length, 9);
      expect(d.parts.map((p) => p.part)).toEqual([...COMPARED_PARTS]);
      expect(d.pairs).toHaveLength(6);
    }
    // A real difference, shared among parts (not all of it structure, nor none).
    const h = rows.find((r) => r.metric === 'localResolutionShare')!;
    expect(Math.abs(h.total.mean)).toBeGreaterThan(0.01);
  }, 60_000);

  it('A composed of A’s parts gives A’s result exactly; A against a copy of itself leaves nothing to share out', async () => {
    const a = loadPreset('longgang-2021');
    const copy = () => loadPreset('longgang-2021');
    const composed = composeScenario({ structure: a, resources: copy(), policy: copy(), calendars: copy(), setting: copy() });
    const out = await run({
      structures: [
        { label: 'A', scenario: a },
        { label: 'A of its parts', scenario: composed },
      ],
      replications: 2,
      days: 5,
      metrics: METRICS,
    });
    const values = (label: string) => out.rows.filter((r) => r.structure === label).map((r) => [r.metric, r.replication, r.value]);
    expect(values('A of its parts')).toEqual(values('A'));
    const d = decompose(await run(decompositionExperiment(a, copy(), { replications: 2, days: 5, metrics: METRICS })));
    for (const r of d) {
      expect(r.total.mean, r.metric).toBe(0);
      for (const p of r.parts) expect([p.part, p.shapley.mean, p.alone.mean]).toEqual([p.part, 0, 0]);
      for (const q of r.pairs) expect(q.interaction.mean).toBe(0);
    }
  }, 60_000);

  it('Shapley values and interactions of games with known answers', () => {
    // Additive: v(S) = Σ c_i over S. Each part's value is its own; no pair interacts.
    const c = [1, -2, 3, 0.5];
    const additive = Array.from({ length: 16 }, (_, m) => c.reduce((x, ci, i) => x + (m & (1 << i) ? ci : 0), 0));
    expect(shapleyValues(additive)).toEqual(c);
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(pairInteraction(additive, i, j)).toBeCloseTo(0, 12);
    // Only together: v(S) = 1 when S holds parts 0 and 2. They share it, and their interaction is all of it.
    const pair = Array.from({ length: 16 }, (_, m) => (m & 1 && m & 4 ? 1 : 0));
    expect(shapleyValues(pair)).toEqual([0.5, 0, 0.5, 0]);
    expect(pairInteraction(pair, 0, 2)).toBeCloseTo(1, 12);
    expect(pairInteraction(pair, 0, 1)).toBeCloseTo(0, 12);
    expect(() => shapleyValues([1, 2, 3])).toThrow(/expected 2\^n values, got 3/);
  });

  it('names what the parts do only together: the difference less each part’s effect alone', () => {
    // Parts 0 and 2 add 1 only together, part 1 adds 2 alone: of the difference 3, 1 comes from no part alone.
    const game = (m: number) => (m & 1 && m & 4 ? 1 : 0) + (m & 2 ? 2 : 0);
    const rows = [1, 2].flatMap((replication) =>
      Array.from({ length: 16 }, (_, m) => ({ structure: combinationLabel(m), replication, metric: 'x', value: game(m) + replication })),
    );
    const [d] = decompose({ rows, summary: [] } as unknown as Pick<ExperimentOutput, 'rows' | 'summary'>, ['x']);
    expect(d.total.mean).toBe(3);
    expect(d.interactions.mean).toBe(1);
    expect(d.parts.map((p) => p.shapley.mean)).toEqual([0.5, 2, 0.5, 0]);
  });
});
