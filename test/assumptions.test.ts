/**
 * Assumptions and uncertainty: every ASSUMPTION in the schema has a plausible range, the
 * presets sit inside it and stay valid at its ends, a draw applies everywhere its field
 * occurs and to every structure alike, and an experiment with `uncertainty` widens the
 * intervals of what the assumptions decide while paired differences stay paired.
 */
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scenarios/jsonSchema.ts';
import { presetJson, PRESET_IDS, loadPreset } from '../scenarios/presets.ts';
import { applyAssumptions, assumptions, AssumptionError } from '../scenarios/assumptions.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { ExperimentError, parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment, scenarioFor } from '../experiments/plan.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runExperiment } from '../experiments/runner.ts';
import { runJob } from '../experiments/jobs.ts';

type Node = Record<string, any>;

function assumptionFields(n: Node, path: string, out: { path: string; node: Node }[]) {
  if (typeof n.description === 'string' && /ASSUMPTION/.test(n.description) && (n.type === 'number' || n.type === 'integer'))
    out.push({ path, node: n });
  for (const m of n.anyOf ?? [n]) {
    if (m.properties) for (const [k, v] of Object.entries<Node>(m.properties)) assumptionFields(v, path ? `${path}.${k}` : k, out);
    if (m.type === 'array' && m.items) assumptionFields(m.items, `${path}[]`, out);
  }
  return out;
}

/** Every value a scenario has at a path whose [] stand for every element. */
function valuesAt(o: unknown, path: string[]): number[] {
  if (path.length === 0) return typeof o === 'number' ? [o] : [];
  if (o === null || typeof o !== 'object') return [];
  const [head, ...rest] = path;
  if (head === '[]') return Array.isArray(o) ? o.flatMap((x) => valuesAt(x, rest)) : [];
  return valuesAt((o as Record<string, unknown>)[head], rest);
}

describe('assumption ranges in the schema', () => {
  const all = assumptions();

  it('every field marked ASSUMPTION has a range, with its reasoning', () => {
    const fields = assumptionFields(scenarioJsonSchema(), '', []);
    expect(fields.length).toBeGreaterThan(50);
    for (const f of fields) {
      expect(f.node.assumption, f.path).toBeDefined();
      expect(f.node.assumption.reasoning.length, f.path).toBeGreaterThan(10);
      const [lo, hi] = f.node.assumption.range;
      expect(lo, f.path).toBeLessThan(hi);
      if (f.node.assumption.scale) {
        expect(lo, f.path).toBeLessThanOrEqual(1);
        expect(hi, f.path).toBeGreaterThanOrEqual(1);
      } else {
        expect(lo, f.path).toBeGreaterThanOrEqual(f.node.minimum);
        expect(hi, f.path).toBeLessThanOrEqual(f.node.maximum);
      }
    }
    // Each field is one assumption or part of one (shared fields form one factor).
    expect(all.flatMap((a) => a.paths).length).toBe(fields.length);
  });

  it('the presets’ own values lie inside the ranges that replace them', () => {
    for (const id of PRESET_IDS) {
      const s = loadPreset(id);
      for (const a of all.filter((x) => !x.scale))
        for (const p of a.paths)
          for (const v of valuesAt(s, p)) {
            expect(v, `${id}: ${a.id}`).toBeGreaterThanOrEqual(a.range[0]);
            expect(v, `${id}: ${a.id}`).toBeLessThanOrEqual(a.range[1]);
          }
    }
  });

  it('every preset stays valid with every assumption at either end of its range, alone and all together', () => {
    for (const id of PRESET_IDS) {
      const s = loadPreset(id);
      for (const end of [0, 1] as const) {
        const every = Object.fromEntries(all.map((a) => [a.id, a.range[end]]));
        const v = validateScenario(applyAssumptions(s, every));
        expect(v.ok ? [] : v.problems, `${id}, all at ${end ? 'high' : 'low'}`).toEqual([]);
        for (const a of all) {
          const one = validateScenario(applyAssumptions(s, { [a.id]: a.range[end] }));
          expect(one.ok ? [] : one.problems, `${id}: ${a.id} = ${a.range[end]}`).toEqual([]);
        }
      }
    }
  });
});

describe('applying assumptions', () => {
  const s = loadPreset('longgang-2021');

  it('a multiplier scales every place the field occurs, keeping their differences', () => {
    const before = valuesAt(s, ['levels', '[]', 'burdenOnBelowHoursPerWeek']);
    const after = valuesAt(applyAssumptions(s, { layerBurden: 1.5 }), ['levels', '[]', 'burdenOnBelowHoursPerWeek']);
    expect(after).toEqual(before.map((x) => x * 1.5));
    const cw = applyAssumptions(s, { caseworkShare: 0.9 });
    expect(cw.departments.map((d) => d.caseworkShare)).toEqual(s.departments.map((d) => d.caseworkShare * 0.9));
    expect(cw.centre.caseworkShare).toBeCloseTo(s.centre.caseworkShare * 0.9, 12);
    expect(cw.hotline.caseworkShare).toBeCloseTo(s.hotline.caseworkShare * 0.9, 12);
    expect(cw.levels.map((l) => l.caseworkShare)).toEqual(s.levels.map((l) => l.caseworkShare * 0.9));
  });

  it('a value replaces the field everywhere; bounds clamp, whole numbers round, the input is not changed', () => {
    const r = applyAssumptions(s, { 'levels[].forward.infoKept': 0.91, caseworkShare: 1.2, 'population.residents': 1.0000001 });
    expect(r.levels.map((l) => l.forward.infoKept)).toEqual(s.levels.map(() => 0.91));
    for (const l of r.levels) expect(l.caseworkShare).toBeLessThanOrEqual(1);
    expect(Number.isInteger(r.population.residents)).toBe(true);
    expect(s.levels[0].forward.infoKept).toBe(0.95);
  });

  it('an unknown assumption is refused by name, with the known ones listed', () => {
    expect(() => applyAssumptions(s, { nonsense: 1 })).toThrow(AssumptionError);
    expect(() => applyAssumptions(s, { nonsense: 1 })).toThrow(/expected an assumption id \(.*caseworkShare.*\), got "nonsense"/);
    expect(() => applyAssumptions(s, { caseworkShare: NaN })).toThrow(/caseworkShare: expected a finite number/);
  });
});

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);

describe('experiments with uncertainty over assumptions', () => {
  const base: ExperimentInput = {
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 6,
    days: 5,
    metrics: ['cost.annualYuan', 'hoursToClose.mean'],
  };

  it('draws one set of assumptions per replication and applies it to every structure', () => {
    const plan = planExperiment(
      parseExperiment({ ...base, uncertainty: { assumptions: ['costPerPostYuan', 'levels[].forward.infoKept'] } }),
      load,
    );
    const a0 = scenarioFor(plan, 0, 0, 2);
    const b0 = scenarioFor(plan, 1, 0, 2);
    const ratio = a0.departments[0].costPerPostYuan / plan.scenarios[0][0].departments[0].costPerPostYuan;
    expect(b0.departments[0].costPerPostYuan / plan.scenarios[1][0].departments[0].costPerPostYuan).toBeCloseTo(ratio, 12);
    expect(a0.levels[0].forward.infoKept).toBe(b0.levels[0].forward.infoKept);
    // Different replications draw different values, spread over the range (one per stratum).
    const alphas = [0, 1, 2, 3, 4, 5].map((k) => scenarioFor(plan, 0, 0, k).levels[0].forward.infoKept);
    expect(new Set(alphas.map((x) => Math.floor((x - 0.9) / 0.015))).size).toBe(6);
  });

  it('widens the interval of what an assumption decides, and the manifest records each draw', async () => {
    const run = async (e: ExperimentInput) =>
      runExperiment(planExperiment(parseExperiment(e), load), inProcessExecutor(runJob), { date: new Date(0) });
    const plain = await run(base);
    const unsure = await run({ ...base, uncertainty: { assumptions: ['costPerPostYuan'] } });
    const half = (o: typeof plain, s: string) => o.summary.find((r) => r.structure === s && r.metric === 'cost.annualYuan')!.half;
    expect(half(unsure, 'traditional-county')).toBeGreaterThan(20 * half(plain, 'traditional-county'));
    expect(unsure.manifest.assumptionDraws?.ids).toEqual(['costPerPostYuan']);
    expect(unsure.manifest.assumptionDraws?.values).toHaveLength(6);
    // Paired: the draw moves both structures' cost together, so the paired interval of the difference is narrower than the unpaired one.
    const d = unsure.differences.find((r) => r.metric === 'cost.annualYuan')!;
    expect(d.half).toBeLessThan(d.unpairedHalf);
  });

  it('refuses unknown assumptions and a parameter both swept and drawn, naming them', () => {
    expect(() => parseExperiment({ ...base, uncertainty: { assumptions: ['nope'] } })).toThrow(
      /uncertainty.assumptions\[0\]: expected an assumption id/,
    );
    expect(() =>
      parseExperiment({ ...base, uncertainty: {}, sweep: [{ param: 'levels[community].forward.infoKept', values: [0.9, 1] }] }),
    ).toThrow(ExperimentError);
    expect(() =>
      parseExperiment({ ...base, uncertainty: {}, sweep: [{ param: 'levels[community].forward.infoKept', values: [0.9, 1] }] }),
    ).toThrow(/"levels\[community\].forward.infoKept" is swept and also drawn as the assumption "levels\[\].forward.infoKept"/);
  });
});
