/**
 * The presets against their sources: every preset runs and conserves cases; Longgang 2021
 * reproduces the seeds' figures it is calibrated on; the comparison with the traditional
 * county is not built in (the load sweep shows where the flat structure's departments give way).
 */
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { simulate, type Summary } from '../sim/index.ts';
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';
import { SEED_IDS } from '../scenarios/sources.ts';

const year = (id: string, seed: number) => simulate(loadPreset(id), { seed, days: 365, snapshotEveryMinutes: 0 }).summary;
const SEEDS = [1, 2, 3];
const runs = new Map<string, Summary[]>();
const reps = (id: string) => {
  if (!runs.has(id)) runs.set(id, SEEDS.map((s) => year(id, s)));
  return runs.get(id)!;
};
const avg = (id: string, f: (s: Summary) => number) => mean(reps(id).map(f));

describe('every preset', () => {
  it.each(PRESET_IDS)('%s validates, runs a simulated year and conserves cases', (id) => {
    const s = reps(id)[0];
    expect(s.cases.created).toBeGreaterThan(150_000);
    expect(s.cases.created).toBe(s.cases.closed + s.cases.open + s.cases.lost);
    expect(s.littlesLaw.relativeError).toBeLessThan(1e-9);
  });

  it.each(PRESET_IDS)('%s traces its numbers to sources and assumptions', (id) => {
    const p = loadPreset(id);
    expect(p.sources.length).toBeGreaterThan(4);
    expect(p.assumptions.length).toBeGreaterThan(4);
    for (const src of p.sources) {
      expect(SEED_IDS.has(src.seed), `${id}: unknown seed ${src.seed}`).toBe(true);
      expect(src.fact.length).toBeGreaterThan(10);
    }
    for (const a of p.assumptions) expect(a.reasoning.length).toBeGreaterThan(10);
  });

  it('all presets face the same demand, so that they can be compared', () => {
    const demand = (id: string) => {
      const p = loadPreset(id);
      return JSON.stringify([p.population, p.demand, p.domains, p.residents, p.targets, p.calendars]);
    };
    for (const id of PRESET_IDS) expect(demand(id)).toBe(demand('longgang-2021'));
  });
});

describe('longgang-2021 against the seeds', () => {
  it('has the seeds’ structure: 384 grids, 3,229 micro-grids, 102 communities, 26 units, 6 + 9 organs, 1,863 posts', () => {
    const p = loadPreset('longgang-2021');
    const s = reps('longgang-2021')[0];
    expect(p.population.microGrids).toBe(3229); // 003
    expect(p.levels.map((l) => l.units)).toEqual([384, 102, 26]); // 003, 001
    expect(s.organs).toEqual({ party: 6, government: 9, total: 15 }); // 000
    expect(s.staff.cityPosts).toBeCloseTo(1863, 6); // 000
    expect(s.staff.byLevel.unit).toBeCloseTo(300, 6); // 001: about 300 posts in the units
  });

  it('closes over 90% of cases at grid or community level (000)', () => {
    expect(avg('longgang-2021', (s) => s.localResolutionShare)).toBeGreaterThan(0.9);
  });

  it('mostly meets its service targets at normal load (004)', () => {
    expect(avg('longgang-2021', (s) => s.sla.accept30m)).toBeGreaterThan(0.85);
    expect(avg('longgang-2021', (s) => s.sla.onsite1h)).toBeGreaterThan(0.9);
    expect(avg('longgang-2021', (s) => s.sla.close24h)).toBeGreaterThan(0.85);
    expect(avg('longgang-2021', (s) => s.sla.difficult5wd)).toBeGreaterThan(0.9);
  });

  it('costs less than the traditional county by the order of the seeds’ 1 billion yuan a year (000)', () => {
    const saving = avg('traditional-county', (s) => s.cost.annualYuan) - avg('longgang-2021', (s) => s.cost.annualYuan);
    // Under the documented cost assumptions the saving is about 0.9 billion: short of
    // "over 1 billion", as the preset's notes say; no parameter is bent to reach it.
    expect(saving).toBeGreaterThan(0.8e9);
    expect(saving).toBeLessThan(1.2e9);
    expect(loadPreset('longgang-2021').notes).toMatch(/billion/);
  });

  it('the traditional county has about 2.5 times the posts and organs (000: 60% fewer)', () => {
    const t = reps('traditional-county')[0];
    const l = reps('longgang-2021')[0];
    expect(t.staff.cityPosts / l.staff.cityPosts).toBeCloseTo(2.5, 1);
    expect(t.organs.total / l.organs.total).toBeCloseTo(2.5, 0);
    expect(t.localResolutionShare).toBeLessThan(l.localResolutionShare);
  });
});

describe('load sweep: where the flat structure gives way', () => {
  const at = (id: string, m: number) => {
    const s = loadPreset(id);
    s.demand.casesPerResidentYear *= m;
    return simulate(s, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
  };
  const maxDept = (s: Summary) => Math.max(...s.departments.filter((d) => d.id !== 'hotline' && d.id !== 'centre' && d.served > 0).map((d) => d.utilisation));
  it("longgang-2021's departments saturate between two and three times normal demand; the county's too", () => {
    const lg = [1, 2, 3].map((m) => at('longgang-2021', m));
    const tc = [1, 2, 3].map((m) => at('traditional-county', m));
    expect(maxDept(lg[0])).toBeLessThan(0.75);
    expect(maxDept(lg[2])).toBeGreaterThan(0.95);
    expect(lg[2].cases.open).toBeGreaterThan(5 * lg[0].cases.open);
    // Reported either way (scenarios/README.md): the county's narrow departments saturate too.
    expect(maxDept(tc[2])).toBeGreaterThan(0.95);
    expect(tc[2].cases.open).toBeGreaterThan(lg[2].cases.open);
  });
});
