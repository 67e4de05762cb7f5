/**
 * Properties of every run, checked on random valid scenarios (fast-check): cases are
 * conserved; no time, queue or share is NaN or negative; a case is accepted after it is
 * raised and closed after it is accepted; the run stays within what the estimator said;
 * the same seed gives the same summary. And random parameter paths, links and JSON keys
 * never reach a prototype. The number of scenarios is printed; counterexamples found are
 * kept below as fixed regression cases.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonText } from '../scenarios/json.ts';
import { setPath } from '../scenarios/path.ts';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { estimateRun } from '../sim/compute-budget.ts';
import { createSimulation, simulate } from '../sim/simulate.ts';
import { Tracer } from '../sim/observe/trace.ts';
import { decodeState, defaultState, encodeState } from '../ui/state.ts';

const RUNS = Math.max(1, Math.floor(Number(process.env.FLATGOV_PROPERTY_RUNS ?? 300)));
const tally = { scenarios: 0, invalid: 0, paths: 0, links: 0, json: 0 };
afterAll(() => {
  console.log(
    `properties: ${tally.scenarios} random scenarios simulated (${tally.invalid} generated ones refused by validation), ` +
      `${tally.paths} random parameter paths, ${tally.links} random links, ${tally.json} random JSON texts`,
  );
});

const day = fc.integer({ min: 0, max: 6 });
const calendar = fc
  .record({
    start: fc.integer({ min: 0, max: 1380 }),
    length: fc.integer({ min: 60, max: 1440 }),
    days: fc.uniqueArray(day, { minLength: 1, maxLength: 7 }),
  })
  .map(({ start, length, days }) => ({ start, end: Math.min(1440, start + length), days: [...days].sort() }));
const shock = fc.record({
  name: fc.constantFrom('typhoon', 'epidemic', 'strike'),
  startDay: fc.integer({ min: 0, max: 4 }),
  days: fc.integer({ min: 0, max: 5 }),
  demandMultiplier: fc.double({ min: 0, max: 5, noNaN: true }),
  difficultyMultiplier: fc.double({ min: 0.1, max: 5, noNaN: true }),
  capacityMultiplier: fc.double({ min: 0, max: 2, noNaN: true }),
});

/** A random scenario built on a preset: small population, random demand, levels, calendars, shocks and mechanisms. */
const scenarioArb = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    residents: fc.integer({ min: 1, max: 30_000 }),
    microGrids: fc.integer({ min: 1, max: 400 }),
    perYear: fc.double({ min: 0, max: 30, noNaN: true }),
    fieldShare: fc.double({ min: 0, max: 1, noNaN: true }),
    nightFactor: fc.double({ min: 0, max: 1, noNaN: true }),
    difficultyRate: fc.double({ min: 0.1, max: 5, noNaN: true }),
    frequentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    units: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 4, maxLength: 4 }),
    staff: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 4, maxLength: 4 }),
    spread: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    dropMiddle: fc.boolean(),
    gridCalendar: calendar,
    officeCalendar: calendar,
    shocks: fc.array(shock, { maxLength: 2 }),
    centre: fc.boolean(),
    platform: fc.boolean(),
    returnProb: fc.double({ min: 0, max: 0.5, noNaN: true }),
    lostProb: fc.double({ min: 0, max: 0.2, noNaN: true }),
    // Competence fixed by thresholds, or computed from resources; mechanisms on or off.
    fixedThresholds: fc.boolean(),
    training: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    powers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    infoKept: fc.double({ min: 0.5, max: 1, noNaN: true }),
    mechanisms: fc.record({ competence: fc.boolean(), workload: fc.boolean(), controlLoss: fc.boolean(), residentsRespond: fc.boolean() }),
  })
  .map((r) => {
    const s = presetJson(r.preset) as Record<string, any>;
    s.population = { ...s.population, residents: r.residents, microGrids: Math.min(r.microGrids, r.residents) };
    s.demand = {
      ...s.demand,
      casesPerResidentYear: r.perYear,
      fieldShare: r.fieldShare,
      nightFactor: r.nightFactor,
      difficultyRate: r.difficultyRate,
      frequentShare: r.frequentShare,
    };
    let levels = s.levels as Record<string, any>[];
    if (r.dropMiddle && levels.length > 2) levels = [levels[0], levels[levels.length - 1]];
    let threshold = 0;
    s.levels = levels.map((l, i) => {
      threshold += r.spread[i % 4];
      return {
        ...l,
        units: r.units[i % 4],
        staffPerUnit: r.staff[i % 4],
        caseworkShare: Math.max(l.caseworkShare ?? 0.5, 0.6),
        threshold: r.fixedThresholds ? threshold : null,
        competence: r.fixedThresholds ? null : { training: r.training[i % 4], powers: r.powers[i % 4] },
        forward: { ...l.forward, returnProb: r.returnProb, lostProb: r.lostProb, infoKept: r.infoKept },
      };
    });
    s.mechanisms = { ...s.mechanisms, ...r.mechanisms };
    s.calendars = { ...s.calendars, grid: r.gridCalendar, office: r.officeCalendar };
    s.shocks = r.shocks;
    s.centre = { ...s.centre, enabled: r.centre };
    s.platform = { ...s.platform, enabled: r.platform };
    return s;
  });

function checkRun(s: Scenario, seed: number, days: number) {
  // Every problem followed: its journey gives when it was raised, reported, taken up, reached on site and ended.
  const tracer = new Tracer({ every: 1, keep: 1e9 });
  const sim = createSimulation(s, { seed, snapshotEveryMinutes: 0, tracer });
  const violations: string[] = [];
  sim.advanceDays(days);
  for (const j of tracer.takeEnded()) {
    if (j.outcome !== 'closed') continue;
    if (!(j.reported >= 0 && j.reported <= j.ended)) violations.push(`case raised at ${j.reported} closed at ${j.ended}`);
    if (!j.field && !(j.accepted >= j.reported && j.accepted <= j.ended))
      violations.push(`case raised at ${j.reported}, accepted at ${j.accepted}, closed at ${j.ended}`);
    if (j.field && Number.isFinite(j.onSite) && !(j.onSite >= j.reported))
      violations.push(`on site at ${j.onSite} before raised at ${j.reported}`);
  }
  const summary = sim.summary();
  const c = summary.cases;
  expect(c.created, 'conservation').toBe(c.closed + c.open + c.lost);
  for (const v of [c.created, c.closed, c.open, c.lost]) expect(v).toBeGreaterThanOrEqual(0);
  expect(violations.slice(0, 3)).toEqual([]);
  const h = summary.hoursToClose;
  for (const x of [h.mean, h.p50, h.p90, h.p99]) {
    if (c.closed === 0) expect(x).toBeNaN();
    else expect(x).toBeGreaterThanOrEqual(0);
  }
  for (const l of [...summary.levels, ...summary.departments]) {
    expect(l.meanQueue).toBeGreaterThanOrEqual(0);
    if (!Number.isNaN(l.utilisation)) expect(l.utilisation).toBeGreaterThanOrEqual(0);
  }
  for (const v of Object.values(summary.sla)) if (!Number.isNaN(v)) expect(v).toBeGreaterThanOrEqual(0);
  expect(summary.cost.annualYuan).toBeGreaterThanOrEqual(0);
  expect(Number.isNaN(summary.trust.mean)).toBe(false);
  const est = estimateRun(s, days);
  expect(c.created, 'problems within the estimate').toBeLessThanOrEqual(est.problems);
  expect(summary.events, 'events within the estimate').toBeLessThanOrEqual(est.events);
  return summary;
}

describe('random valid scenarios', () => {
  it(`conserve cases, give no NaN or negative figures, respect causality, stay within the estimate, and repeat per seed`, () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), (json, seed, days) => {
        const v = validateScenario(json);
        if (!v.ok) {
          tally.invalid++;
          return;
        }
        tally.scenarios++;
        const a = checkRun(v.scenario, seed, days);
        const b = simulate(v.scenario, { seed, days, snapshotEveryMinutes: 0 }).summary;
        expect(JSON.stringify(b), 'same seed, same summary').toBe(JSON.stringify(a));
      }),
      { numRuns: RUNS, seed: Number(process.env.FLATGOV_PROPERTY_SEED ?? 20261123) },
    );
    expect(tally.scenarios).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});

const protoSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype)
    .map((k) => `${k}:${typeof (Object.prototype as any)[k]}`)
    .join(),
  array: Object.getOwnPropertyNames(Array.prototype)
    .map((k) => `${k}:${typeof (Array.prototype as any)[k]}`)
    .join(),
  fn: Object.getOwnPropertyNames(Function.prototype).join(),
});

const segment = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'levels',
    'demand',
    'population',
    'toString',
    'hasOwnProperty',
    'map',
    'valueOf',
    'polluted',
    'residents',
    'length',
  ),
  fc.constantFrom('[0]', '[1]', '[grid]', '[__proto__]', '[constructor]'),
  fc.string({ maxLength: 6 }),
);
const pathArb = fc
  .array(segment, { minLength: 1, maxLength: 5 })
  .map((segs) => segs.map((s, i) => (s.startsWith('[') || i === 0 ? s : `.${s}`)).join(''));

describe('random paths, links and JSON never reach a prototype', () => {
  const before = protoSnapshot();
  const base = presetJson('longgang-2021');
  it('setPath with random paths', () => {
    fc.assert(
      fc.property(pathArb, fc.anything(), (p, value) => {
        tally.paths++;
        try {
          setPath(base, p, value);
        } catch {
          // Refusing is fine; polluting is not.
        }
        expect(protoSnapshot()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS * 5 },
    );
  });
  it('share links with random changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(pathArb, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), async (changes) => {
        tally.links++;
        const state = { ...defaultState(), columns: [{ preset: 'longgang-2021', changes }] };
        await decodeState(await encodeState(state));
        expect(protoSnapshot()).toEqual(before);
        expect(String({})).toBe('[object Object]');
      }),
      { numRuns: Math.max(20, Math.ceil(RUNS / 8)) },
    );
  }, 300_000);
  it('scenario JSON text with random keys, including __proto__', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'levels'), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.dictionary(key, tie('v')),
        fc.array(tie('v'), { maxLength: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, value), (obj) => {
        tally.json++;
        // JSON.stringify keeps an own "__proto__" key as text.
        const text = JSON.stringify(obj);
        try {
          const v = parseJsonText(text, 'random.json');
          validateScenario(v);
        } catch {
          // A clear refusal is fine.
        }
        expect(protoSnapshot()).toEqual(before);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
