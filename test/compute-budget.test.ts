/**
 * The estimator behind the budgets: what it says of the presets, of the runaway inputs, and
 * what the app does with it.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BudgetError } from '../scenarios/guard.ts';
import { loadPreset, presetJson } from '../scenarios/presets.ts';
import { parseScenario } from '../scenarios/validate.ts';
import { Engine } from '../sim/kernel/engine.ts';
import { root } from './cli-helpers.ts';
import { SHAPES } from './estimate-shapes.ts';
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
    const warn = estimateAppRun([heavy(s, 465_000, 15)], 365);
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

interface Measured {
  name: string;
  estimate: { problems: number; events: number; bytes: number; processBytes: number };
  idleRss: number;
  peakRss: number;
  events: number;
  problems: number;
  seconds: number;
}

/** One shape run in a Node process of its own (test/estimate-run.ts), so that its peak RSS is its own. */
function measure(i: number): Promise<Measured> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/estimate-run.ts', String(i)],
      { cwd: root, timeout: 300_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`${SHAPES[i].name}: ${stderr || err.message}`)) : resolve(JSON.parse(stdout))),
    ),
  );
}

describe('the estimates are upper bounds on extreme shapes', () => {
  it(`peak RSS, events and problems of ${SHAPES.length} shapes, each in a process of its own, are below the estimate`, async () => {
    const results: Measured[] = [];
    // Two at a time: the machine has two cores, and the largest shape holds half a gigabyte.
    for (let i = 0; i < SHAPES.length; i += 2)
      results.push(...(await Promise.all([i, i + 1].filter((k) => k < SHAPES.length).map(measure))));
    const MB = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
    console.log(
      `estimates against measurements (peak RSS of the process; the run's own part is peak less the RSS before it):\n${results
        .map(
          (r) =>
            `  ${r.name}: peak RSS ${MB(r.peakRss)} ≤ ${MB(r.estimate.processBytes)}; run ${MB(r.peakRss - r.idleRss)} ≤ ${MB(r.estimate.bytes)}; ` +
            `${r.events.toLocaleString('en')} events ≤ ${r.estimate.events.toLocaleString('en')}; ${r.seconds.toFixed(1)} s`,
        )
        .join('\n')}`,
    );
    for (const r of results) {
      expect(r.peakRss, `${r.name}: peak RSS`).toBeLessThanOrEqual(r.estimate.processBytes);
      expect(r.peakRss - r.idleRss, `${r.name}: the run's memory`).toBeLessThanOrEqual(r.estimate.bytes);
      expect(r.events, `${r.name}: events`).toBeLessThanOrEqual(r.estimate.events);
      expect(r.problems, `${r.name}: problems`).toBeLessThanOrEqual(r.estimate.problems);
    }
    expect(results.length).toBeGreaterThanOrEqual(10);
  }, 600_000);

  it('count the offices: twelve levels of a million offices are estimated above the 1,368 MB they were measured at', () => {
    expect(estimateRun(parseScenario(SHAPES[0].build()), 365).bytes).toBeGreaterThan(1368 * 2 ** 20);
  });

  it('count returned hand-offs, resurfacing problems and snapshots in the events', () => {
    const base = estimateRun(loadPreset('longgang-2021'), 20).events;
    for (const name of ['every hand-off returned nine times in ten', 'nothing reported, resurfacing every quarter hour'])
      expect(estimateRun(parseScenario(SHAPES.find((x) => x.name === name)!.build()), 20).events).toBeGreaterThan(base);
    expect(estimateRun(loadPreset('longgang-2021'), 20, 1).events).toBeGreaterThan(20 * 1440);
  });
});

describe('a backlog that grows without end', () => {
  it('stops with a BudgetError when the case table would pass its budget, instead of exhausting the process', () => {
    // Overloaded and without trust: every overdue case's resident calls again every day, and the calls pile up.
    const s = presetJson('longgang-2021') as Record<string, any>;
    s.demand = { ...s.demand, casesPerResidentYear: 30 };
    s.residents = { ...s.residents, initialTrust: 0, repeatContactPerDay: 1, waitingTrustPerDay: 1 };
    const engine = new Engine(parseScenario(s), { seed: 1, snapshotEveryMinutes: 0, maxJobBytes: 64 * 2 ** 20 });
    expect(() => engine.advanceTo(60 * 1440)).toThrow(BudgetError);
    expect(() => engine.advanceTo(60 * 1440)).toThrow(/would pass its memory budget of 64 MB: a backlog that grows without end/);
  });
});
