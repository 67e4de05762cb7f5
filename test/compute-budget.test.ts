/**
 * The estimator behind the budgets: what it says of the presets, of the runaway inputs, and
 * what the app does with it.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { DEFAULT_BUDGET, estimateRun, overBudget } from '../sim/compute-budget.ts';
import { simulate } from '../sim/simulate.ts';
import { estimateAppRun } from '../ui/compute-budget.ts';

const heavy = (s: Scenario, residents: number, perYear: number): Scenario => ({
  ...s,
  population: { ...s.population, residents },
  demand: { ...s.demand, casesPerResidentYear: perYear },
});

describe('run estimates', () => {
  it('are upper estimates of the problems and events of every preset', () => {
    for (const id of ['traditional-county', 'longgang-2021']) {
      const s = loadPreset(id);
      const { summary } = simulate(s, { seed: 2, days: 20, snapshotEveryMinutes: 0 });
      const e = estimateRun(s, 20);
      expect(summary.cases.created).toBeLessThanOrEqual(e.problems);
      expect(summary.events).toBeLessThanOrEqual(e.events);
      // Not absurdly loose either.
      expect(e.problems).toBeLessThan(2 * summary.cases.created);
    }
  });
  it('a year of Longgang 2021 is within the default budget; demand 1e4 for five days is not', () => {
    const s = loadPreset('longgang-2021');
    expect(overBudget([estimateRun(s, 365)], DEFAULT_BUDGET)).toEqual([]);
    const over = overBudget([estimateRun(heavy(s, 465_000, 10_000), 5)], DEFAULT_BUDGET);
    expect(over[0]).toMatch(/needs up to [\d.]+ GB of memory .* over the budget of 4\.0 GB/);
  });
  it('counts runs in flight: 64 workers of a large run need 64 times the memory', () => {
    const e = estimateRun(heavy(loadPreset('longgang-2021'), 2_000_000, 2), 365);
    expect(overBudget([e], DEFAULT_BUDGET, { parallel: 1 })).toEqual([]);
    expect(overBudget([e], DEFAULT_BUDGET, { parallel: 64, runs: [100] })[0]).toMatch(/× 64 at once/);
  });
});

describe('the app', () => {
  it('runs the default comparison without a question', () => {
    expect(estimateAppRun([loadPreset('traditional-county'), loadPreset('longgang-2021')], 365).level).toBe('ok');
  });
  it('asks first for a large run, and refuses 20 million residents raising 10,000 problems a year each', () => {
    const s = loadPreset('longgang-2021');
    const warn = estimateAppRun([heavy(s, 465_000, 20)], 365);
    expect(warn.level).toBe('warn');
    expect(warn.message).toMatch(/about [\d.]+ [MG]B of memory and [\d.]+ \w+ of computing/);
    const refuse = estimateAppRun([heavy(s, 20_000_000, 10_000)], 365);
    expect(refuse.level).toBe('refuse');
    expect(refuse.message).toMatch(/Not run: it would need about [\d.]+ GB of memory/);
  });
  it('counts replications', () => {
    const s = loadPreset('longgang-2021');
    expect(estimateAppRun([s, s], 365, { runs: 10, parallel: 1 }).level).toBe('ok');
    expect(estimateAppRun([s, s], 3650, { runs: 1000, parallel: 1 }).level).toBe('warn');
  });
});

describe('regressions found by the property tests', () => {
  it('overlapping shocks multiply demand, as in the engine, so the estimate stays an upper bound', () => {
    // Shrunk counterexample: two overlapping shocks with demand × 0 were added, not multiplied,
    // and the estimate fell to zero problems while day 0 still raised eleven.
    const s = loadPreset('traditional-county');
    const shock = {
      name: 'typhoon',
      startDay: 1,
      days: 1,
      demandMultiplier: 0,
      difficultyMultiplier: 0.1,
      capacityMultiplier: 0,
      fieldShare: null,
      appliesTo: [],
    };
    const small = { ...heavy(s, 131, 19.0767), shocks: [shock, shock] } as Scenario;
    const { summary } = simulate(small, { seed: 2147221490, days: 2, snapshotEveryMinutes: 0 });
    expect(summary.cases.created).toBeLessThanOrEqual(estimateRun(small, 2).problems);
  });
});
