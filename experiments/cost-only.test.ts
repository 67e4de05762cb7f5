import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulate.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { applyAssumptions, assumptionsByIds, valueAt } from '../scenarios/assumptions.ts';
import { loadPreset } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { valuesOf } from './jobs.ts';
import { COST_METRICS, COST_ONLY_ASSUMPTIONS, COST_PARTS, CostOnlyError, costsUnder } from './cost-only.ts';

const DAYS = 20;
const WARMUP = 5;

function run(s: Scenario): Summary {
  const v = validateScenario(s);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const sim = createSimulation(v.scenario, { seed: 7, warmupDays: WARMUP });
  sim.advanceTo(DAYS * 1440);
  return sim.summary();
}

const withoutCost = (s: Summary) => ({ ...s, cost: undefined });

describe.each(['longgang-2021', 'traditional-county'])('cost-only assumptions on %s', (preset) => {
  const base = loadPreset(preset);
  const baseSummary = run(base);
  const parts = valuesOf(COST_PARTS, baseSummary);

  it.each(COST_ONLY_ASSUMPTIONS.map((id) => [id]))('%s at both ends of its range changes nothing but the costs', (id) => {
    const [a] = assumptionsByIds([id]);
    for (const u of [0, 1]) {
      const values = { [id]: valueAt(a, u) };
      const rerun = run(applyAssumptions(base, values));
      // Every figure but the costs, bit for bit.
      expect(withoutCost(rerun)).toEqual(withoutCost(baseSummary));
      // The costs applied to the finished run are the costs of the run made with the value.
      const applied = costsUnder(base, parts, values, COST_METRICS, { days: DAYS, warmupDays: WARMUP });
      const made = valuesOf(COST_METRICS, rerun);
      made.forEach((m, i) => {
        if (Number.isNaN(m)) expect(applied[i]).toBeNaN();
        else expect(Math.abs(applied[i] - m), COST_METRICS[i]).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m)));
      });
    }
  });

  it('all of them drawn at once are applied as one run makes them', () => {
    const values = Object.fromEntries(assumptionsByIds(COST_ONLY_ASSUMPTIONS).map((a, i) => [a.id, valueAt(a, ((i * 7) % 10) / 9)]));
    const made = valuesOf(COST_METRICS, run(applyAssumptions(base, values)));
    const applied = costsUnder(base, parts, values, COST_METRICS, { days: DAYS, warmupDays: WARMUP });
    made.forEach((m, i) => expect(Math.abs(applied[i] - m)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m))));
  });
});

it('refuses to apply an assumption that changes what happens in a run', () => {
  const base = loadPreset('longgang-2021');
  expect(() =>
    costsUnder(base, [0, 0, 0, 0, 0], { 'demand.casesPerResidentYear': 1.2 }, COST_METRICS, { days: 10, warmupDays: 0 }),
  ).toThrow(CostOnlyError);
});
