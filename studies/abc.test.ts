/**
 * Calibration by rejection ABC: the procedure recovers an assumption that decides a figure
 * from the draws alone, leaves the others at their prior, and reads real runs consistently.
 */
import { describe, expect, it } from 'vitest';
import { abcAnalysis, abcExperiment, abcMarkdown, ABC_FIGURES } from './abc.ts';
import { assumptions } from '../scenarios/assumptions.ts';
import { presetJson } from '../scenarios/presets.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import { uncertaintyDraws } from '../experiments/design.ts';
import { type ExperimentResult } from '../experiments/results.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runExperiment } from '../experiments/runner.ts';

const METRICS = [
  'localResolutionShare',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'cost.annualYuan',
  'staff.cityPosts',
  'organs.total',
];

/** Draws whose figures are made by a known rule: the cost saved grows with the cost of a post, everything else passes. */
function synthetic(draws: number): Pick<ExperimentResult, 'rows' | 'manifest'> {
  const e = parseExperiment(abcExperiment(draws, 1));
  const d = uncertaintyDraws(e)!;
  const ci = d.ids.indexOf('costPerPostYuan');
  const rows: ExperimentResult['rows'] = [];
  for (let k = 0; k < draws; k++) {
    const mult = d.values[k][ci];
    const values: Record<string, [number, number]> = {
      localResolutionShare: [0.8, 0.95],
      'sla.accept30m': [0.9, 0.95],
      'sla.onsite1h': [0.9, 0.95],
      'sla.close24h': [0.9, 0.95],
      'sla.difficult5wd': [0.9, 0.99],
      'cost.annualYuan': [2.2e9 * mult, 1.2e9 * mult],
      'staff.cityPosts': [3690, 1863],
      'organs.total': [34, 15],
    };
    METRICS.forEach((metric) =>
      ['traditional county', 'Longgang 2021'].forEach((structure, s) =>
        rows.push({ structure, point: {}, replication: k, seed: k, metric, value: values[metric][s] }),
      ),
    );
  }
  return { rows, manifest: { experiment: e, replications: draws, assumptionDraws: d } as ExperimentResult['manifest'] };
}

describe('calibration by rejection ABC', () => {
  it('finds the assumption that decides a figure: only posts costing more than 1.0 × reproduce the billion saved', () => {
    const r = abcAnalysis(synthetic(200));
    // Saved = 1e9 × mult ≥ 1e9 ⇔ mult ≥ 1: the share of the range × 0.8–1.25 above 1 is 0.25/0.45.
    expect(r.allReproduced).toBeGreaterThan(200 * (0.25 / 0.45) - 3);
    expect(r.allReproduced).toBeLessThan(200 * (0.25 / 0.45) + 3);
    expect(r.epsilon).toBe(0);
    expect(r.posterior[0].id).toBe('costPerPostYuan');
    expect(r.posterior[0].q05).toBeGreaterThanOrEqual(1);
    expect(r.posterior[0].beyondChance).toBe(true);
    // The others stay near their prior: no shift comparable to the deciding one.
    for (const p of r.posterior.slice(1)) expect(p.shift).toBeLessThan(0.5 * r.posterior[0].shift);
    const cost = r.figures.find((f) => f.id === 'cost-saved')!;
    expect(cost.reproduced).toBe(r.allReproduced);
    expect(r.structural).toEqual([
      { id: 'fewer-posts', min: 1 - 1863 / 3690, max: 1 - 1863 / 3690 },
      { id: 'fewer-organs', min: 1 - 15 / 34, max: 1 - 15 / 34 },
    ]);
    expect(abcMarkdown(r)).toContain('set by structure, no assumption changes it');
  });

  it('accepts the nearest tenth when no draw reproduces every figure', () => {
    const out = synthetic(50);
    for (const row of out.rows) if (row.metric === 'localResolutionShare') row.value = 0.85 + row.replication * 1e-4;
    const r = abcAnalysis(out);
    expect(r.allReproduced).toBe(0);
    expect(r.accepted).toBe(5);
    expect(r.epsilon).toBeGreaterThan(0);
    expect(abcMarkdown(r)).toMatch(/No draw reproduces every figure .* the 5 nearest draws/);
  });

  it('reads real runs: each figure counted from the draws’ own results', async () => {
    const plan = planExperiment(parseExperiment(abcExperiment(4, 2)), (ref) => presetJson(ref.preset!));
    const out = await runExperiment(plan, inProcessExecutor(runJob));
    const r = abcAnalysis(out);
    expect(r.draws).toBe(4);
    expect(r.posterior).toHaveLength(assumptions().length);
    const local = out.rows.filter((x) => x.structure === 'Longgang 2021' && x.metric === 'localResolutionShare').map((x) => x.value);
    expect(r.figures.find((f) => f.id === 'local-resolution')!.reproduced).toBe(local.filter((v) => v >= 0.9).length);
    expect(r.figures.map((f) => f.id)).toEqual(ABC_FIGURES.map((f) => f.id));
  });
});
