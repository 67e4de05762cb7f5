/**
 * The model's rules: routing by difficulty (Garicano), determinism, conservation, the
 * neutrality of an empty level, and a structure where the hierarchy beats the flat one.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../sim/index.ts';
import type { ScenarioInput } from '../scenarios/schema.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { referenceChain } from '../scenarios/reference.ts';
import { conservationChecks, describeCheck, GARICANO_CHAIN, garicanoChecks } from '../studies/theory-checks.ts';
import { ci95 } from './stats.ts';

describe('routing by difficulty (Garicano)', () => {
  it('closes 1 − e^(−λZ) of cases at or below each level', () => {
    const { checks, summary } = garicanoChecks();
    expect(summary.cases.closed).toBeGreaterThan(50_000);
    expect(checks).toHaveLength(GARICANO_CHAIN.thresholds.length - 1);
    for (const c of checks) expect(c.pass, describeCheck(c)).toBe(true);
    // The top level closes the rest.
    expect(Object.values(summary.closedAtLevel).reduce((x, y) => x + y, 0)).toBe(summary.cases.closed);
  });

  it('with the platform, a case skips the levels that cannot resolve it', () => {
    const s = loadPreset('longgang-2021');
    const withPlatform = simulate(s, { seed: 2, days: 60, snapshotEveryMinutes: 0 }).summary;
    const without = simulate({ ...s, platform: { ...s.platform, enabled: false } }, { seed: 2, days: 60, snapshotEveryMinutes: 0 }).summary;
    expect(withPlatform.hopsPerCase).toBeLessThan(without.hopsPerCase);
    const unitIdx = s.levels.findIndex((l) => l.id === 'unit');
    expect(withPlatform.levels[unitIdx].served).toBeLessThan(without.levels[unitIdx].served);
  });
});

describe('determinism', () => {
  const s = loadPreset('longgang-2021');
  it('gives the identical summary and series for the same scenario and seed', () => {
    const a = simulate(s, { seed: 42, days: 30 });
    const b = simulate(structuredClone(s), { seed: 42, days: 30 });
    expect(JSON.stringify(b) === JSON.stringify(a)).toBe(true);
  });

  it('gives a different result for a different seed', () => {
    const a = simulate(s, { seed: 1, days: 30 }).summary;
    const b = simulate(s, { seed: 2, days: 30 }).summary;
    expect(b.cases.created).not.toBe(a.cases.created);
    expect(b.hoursToClose.mean).not.toBe(a.hoursToClose.mean);
  });

  it('the stepwise API gives exactly what simulate gives', () => {
    const whole = simulate(s, { seed: 5, days: 20 });
    const sim = createSimulation(s, { seed: 5 });
    sim.advanceDays(0.25);
    sim.peek(); // looking does not change anything
    sim.advanceTo(3 * 1440 + 7);
    for (let d = 4; d <= 20; d++) {
      sim.advanceTo(d * 1440 - 1);
      if (d === 10) sim.summary(); // nor does asking for the summary midway
      sim.advanceTo(d * 1440);
    }
    const stepped = JSON.stringify({ summary: sim.summary(), series: sim.series });
    expect(stepped.length).toBe(JSON.stringify(whole).length);
    expect(stepped === JSON.stringify(whole)).toBe(true);
  });
});

describe('conservation of cases', () => {
  it('every case is closed, open or lost, with losses recorded by level and reason', () => {
    const { checks, summary } = conservationChecks();
    for (const c of checks) expect(c.pass, describeCheck(c)).toBe(true);
    const c = summary.cases;
    expect(c.lost).toBeGreaterThan(100);
    expect(summary.lostByReason.forwarding).toBe(c.lost);
    expect(Object.values(summary.flows).reduce((a, row) => a + row.lost, 0)).toBe(c.lost);
    expect(summary.bouncedPerCase).toBeGreaterThan(0.05);
  });
});

describe('an empty level changes nothing', () => {
  // A level with no delay, unbounded capacity, no loss and no competence of its own.
  const base = referenceChain(5, [
    { servers: 3, serviceMinutes: 20, threshold: 0.7 },
    { servers: 4, serviceMinutes: 60, threshold: 2.0 },
    { servers: 2, serviceMinutes: 90, threshold: null },
  ]);
  const levels = base.levels as NonNullable<ScenarioInput['levels']>;
  const empty = {
    id: 'empty',
    name: 'Empty',
    units: 1,
    staffPerUnit: 1e5,
    caseworkShare: 1,
    calendar: 'always',
    threshold: 2.0,
    examine: { dist: 'fixed' as const, mean: 0 },
    travel: false,
    forward: { delay: { dist: 'fixed' as const, mean: 0 }, returnProb: 0, lostProb: 0 },
  };
  const withEmpty = { ...base, levels: [levels[0], levels[1], empty, levels[2]] };
  it('leaves closures by level and times to close unchanged beyond sampling error', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const a = seeds.map((seed) => simulate(base, { seed, days: 300, snapshotEveryMinutes: 0 }).summary);
    const b = seeds.map((seed) => simulate(withEmpty, { seed, days: 300, snapshotEveryMinutes: 0 }).summary);
    for (const s of b) expect(s.closedAtLevel.empty).toBe(0);
    for (const metric of [(s: (typeof a)[0]) => s.hoursToClose.mean, (s: (typeof a)[0]) => s.closedAtLevel['stage-2'] / s.cases.closed]) {
      const x = ci95(a.map(metric));
      const y = ci95(b.map(metric));
      expect(Math.abs(x.mean - y.mean)).toBeLessThan(x.half + y.half);
    }
  });
});

describe('no answer built in', () => {
  // Flat: communities pass everything they cannot resolve straight to thin departments.
  // Hierarchy: an intermediate level with its own competence and staff absorbs the
  // middle band of difficulty. Under a demand surge the flat departments are swamped.
  // Servers of the theory: on duty all week (168 contract hours), no escalation or hurry.
  const full = { contractHoursPerWeek: 168 };
  const common = {
    schemaVersion: 2 as const,
    mechanisms: { escalateOverdue: false, hurry: false },
    population: { residents: 100_000, microGrids: 100, areaKm2: 50 },
    demand: { casesPerResidentYear: 0.6, nightFactor: 1 },
    domains: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    departments: [
      {
        id: 'd1',
        name: 'D1',
        staff: 4,
        domains: ['a'],
        calendar: 'always',
        caseworkShare: 1,
        ...full,
        solve: { dist: 'exp' as const, mean: 240 },
      },
      {
        id: 'd2',
        name: 'D2',
        staff: 4,
        domains: ['b'],
        calendar: 'always',
        caseworkShare: 1,
        ...full,
        solve: { dist: 'exp' as const, mean: 240 },
      },
    ],
    shocks: [{ name: 'surge', startDay: 20, days: 40, demandMultiplier: 2.5 }],
  };
  const grid = {
    id: 'grid',
    name: 'Grid',
    kind: 'grid' as const,
    units: 50,
    staffPerUnit: 1,
    calendar: 'always',
    caseworkShare: 1,
    ...full,
    threshold: 0.5,
  };
  const community = {
    id: 'community',
    name: 'Community',
    kind: 'community' as const,
    units: 20,
    staffPerUnit: 3,
    calendar: 'always',
    caseworkShare: 1,
    ...full,
    threshold: 1.5,
  };
  // The town works as slowly as a department: it adds capacity, not speed.
  const slow = { dist: 'exp' as const, mean: 240 };
  const town = {
    id: 'town',
    name: 'Town',
    units: 4,
    staffPerUnit: 8,
    calendar: 'always',
    caseworkShare: 1,
    ...full,
    threshold: 3.5,
    solve: slow,
    examine: { dist: 'exp' as const, mean: 15 },
  };
  const flat = { ...common, id: 'flat', name: 'Flat', levels: [grid, community], platform: { enabled: true } };
  const hier = { ...common, id: 'hier', name: 'Hierarchy', levels: [grid, community, town] };

  it('a hierarchy with a competent middle level beats a flat structure with swamped departments', () => {
    const f = simulate(flat, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
    const h = simulate(hier, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
    expect(f.departments.find((d) => d.id === 'd1')!.utilisation).toBeGreaterThan(0.95);
    // Cases stuck at the swamped departments stay open (and out of the mean time to close):
    // count them, and the 24-hour target that they miss.
    expect(h.cases.open).toBeLessThan(f.cases.open / 10);
    expect(h.sla.close24h).toBeGreaterThan(f.sla.close24h + 0.1);
    expect(h.hoursToClose.mean).toBeLessThan(f.hoursToClose.mean);
  });

  it('and the same flat structure wins at low load, where its extra hop is pure delay', () => {
    const calm = { shocks: [], demand: { casesPerResidentYear: 0.15, nightFactor: 1 } };
    const f = simulate({ ...flat, ...calm }, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
    const h = simulate({ ...hier, ...calm, platform: { enabled: false } }, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
    expect(f.hopsPerCase).toBeLessThan(h.hopsPerCase);
    expect(f.hoursToClose.mean).toBeLessThan(h.hoursToClose.mean);
    expect(f.sla.close24h).toBeGreaterThanOrEqual(h.sla.close24h);
  });
});
