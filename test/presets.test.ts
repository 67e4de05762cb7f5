/**
 * The presets against their sources: every preset runs and conserves cases, states its
 * resources rather than its thresholds, and has the documented structure. The seeds'
 * headline figures (over 90% local, 60% fewer posts, 1 billion saved) are outcomes,
 * compared in scenarios/README.md, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Summary } from '../sim/index.ts';
import { CASE_PRESET_IDS, loadPreset, PRESET_IDS, REFORM_PRESET_IDS } from '../scenarios/presets.ts';
import { SEED_IDS } from '../scenarios/sources.ts';

const year = (id: string, seed: number) => simulate(loadPreset(id), { seed, days: 365, snapshotEveryMinutes: 0 }).summary;
const SEEDS = [1, 2, 3];
const runs = new Map<string, Summary[]>();
const reps = (id: string) => {
  if (!runs.has(id))
    runs.set(
      id,
      SEEDS.map((s) => year(id, s)),
    );
  return runs.get(id)!;
};

describe('every preset', () => {
  it.each(PRESET_IDS)('%s validates, runs a simulated year and conserves cases', (id) => {
    const s = reps(id)[0];
    // Longgang's size for the reform's presets; the independent cases are smaller cities or slices.
    expect(s.cases.created).toBeGreaterThan(REFORM_PRESET_IDS.includes(id) ? 150_000 : 20_000);
    expect(s.cases.created).toBe(s.cases.closed + s.cases.open + s.cases.lost);
    expect(s.littlesLaw.relativeError).toBeLessThan(1e-9);
  });

  it.each(PRESET_IDS)('%s traces its numbers to sources and assumptions', (id) => {
    const p = loadPreset(id);
    // An independent case states what its sources give, which is less than the seeds give for Longgang.
    expect(p.sources.length).toBeGreaterThan(REFORM_PRESET_IDS.includes(id) ? 4 : 2);
    expect(p.assumptions.length).toBeGreaterThan(4);
    for (const src of p.sources) {
      expect(SEED_IDS.has(src.seed), `${id}: unknown seed ${src.seed}`).toBe(true);
      expect(src.fact.length).toBeGreaterThan(10);
    }
    for (const a of p.assumptions) expect(a.reasoning.length).toBeGreaterThan(10);
  });

  it('the reform’s presets face the same demand and mechanisms, so that they can be compared', () => {
    const common = (id: string) => {
      const p = loadPreset(id);
      return JSON.stringify([p.demand, p.domains, p.residents, p.targets, p.calendars, p.mechanisms, p.cost, p.population.microGrids]);
    };
    for (const id of REFORM_PRESET_IDS) expect(common(id), id).toBe(common('longgang-2021'));
    // Longgang town in 2018 keeps its documented population and area; the others share one.
    for (const id of REFORM_PRESET_IDS.filter((x) => x !== 'longgang-town-2018'))
      expect(loadPreset(id).population).toEqual(loadPreset('longgang-2021').population);
  });

  it('the independent cases share the residents’ behaviour and the mechanisms’ assumptions with the reform’s presets', () => {
    const shared = (id: string) => {
      const p = loadPreset(id);
      const { escalateOverdue: _switch, ...mechanisms } = p.mechanisms;
      return JSON.stringify([p.residents, mechanisms, p.cost, p.calendars]);
    };
    expect(CASE_PRESET_IDS.length).toBeGreaterThan(0);
    for (const id of CASE_PRESET_IDS) expect(shared(id), id).toBe(shared('longgang-2021'));
  });

  it.each(PRESET_IDS)('%s states resources, not thresholds: every level’s competence is computed', (id) => {
    for (const l of loadPreset(id).levels) {
      expect(l.threshold, `${id} ${l.id}`).toBeNull();
      expect(l.competence, `${id} ${l.id}`).not.toBeNull();
    }
  });
});

describe('presets against their documented structure', () => {
  it('longgang-2021 has the seeds’ structure: 384 grids, 3,229 micro-grids, 102 communities, 26 units, 6 + 9 organs, 1,863 posts', () => {
    const p = loadPreset('longgang-2021');
    const s = reps('longgang-2021')[0];
    expect(p.population.microGrids).toBe(3229); // 003
    expect(p.levels.map((l) => l.units)).toEqual([384, 102, 26]); // 003, 001
    expect(s.organs).toEqual({ party: 6, government: 9, total: 15 }); // 000
    expect(s.staff.cityPosts).toBeCloseTo(1863, 6); // 000
    expect(s.staff.byLevel.unit).toBeCloseTo(300, 6); // 001: about 300 posts in the units
  });

  it('longgang-town-2018 has the documented pre-reform town: 378,700 residents, 185 villages and communities, 2.8% of the county’s posts', () => {
    const p = loadPreset('longgang-town-2018');
    expect(p.population.residents).toBe(378_700);
    expect(p.population.areaKm2).toBeCloseTo(183.99, 6);
    expect(p.levels.map((l) => l.units)).toEqual([336, 185, 1]);
    expect(p.sources.some((x) => x.fact.includes('2.8%'))).toBe(true);
  });

  it('the typical county is built from stated norms, not from Longgang’s numbers', () => {
    const p = loadPreset('traditional-county');
    expect(p.notes).not.toMatch(/divided|÷/);
    expect(p.assumptions.find((a) => a.param === 'departments')!.reasoning).toMatch(/organs/);
  });
});

describe('the independent cases against their sources', () => {
  it('dongcheng: 1,652 grid cells on 25.38 km²; supervisors, two centres and a platform only after October 2004', () => {
    const before = loadPreset('dongcheng-2003');
    const after = loadPreset('dongcheng-2005');
    for (const p of [before, after]) {
      expect(p.population.microGrids).toBe(1652);
      expect(p.population.areaKm2).toBeCloseTo(25.38, 6);
    }
    expect(before.levels.map((l) => l.id)).toEqual(['community', 'street']);
    expect(after.levels.map((l) => l.id)).toEqual(['supervisors', 'community', 'street']);
    // Supervision is separated from handling: supervisors find and report, never resolve.
    expect(after.levels[0].competence!.powers).toBe(0);
    expect([before.platform.enabled, before.centre.enabled, after.platform.enabled, after.centre.enabled]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    // The same problems arise before and after, and the same departments handle them.
    expect(after.demand).toEqual(before.demand);
    expect(after.departments).toEqual(before.departments);
  });

  it('beijing 12345: a 128th of the city, 343 streets and towns; from 2019 direct dispatch in 3.7 minutes and deadlines enforced', () => {
    const before = loadPreset('beijing-12345-2018');
    const after = loadPreset('beijing-12345-2019');
    expect(before.population.residents).toBe(168_000);
    expect(after.levels.find((l) => l.id === 'street')!.units).toBe(Math.round(343 / 128));
    expect(before.levels.map((l) => l.id)).toEqual(['operators', 'district', 'street']);
    expect(after.levels.map((l) => l.id)).toEqual(['operators', 'street']);
    expect(after.platform.enabled && !before.platform.enabled).toBe(true);
    expect(after.platform.dispatchDelay.mean).toBe(3.7);
    expect([before.mechanisms.escalateOverdue, after.mechanisms.escalateOverdue]).toEqual([false, true]);
    // 7 days for ordinary requests, 15 (11 working days) for complex ones.
    expect(after.targets.closeHours).toBe(168);
    expect(after.demand).toEqual(before.demand);
  });

  it('tongling: 49 communities under 6 street offices become 18, the streets’ posts sent down to them', () => {
    const before = loadPreset('tongling-2009');
    const after = loadPreset('tongling-2010');
    expect(before.levels.map((l) => [l.id, l.units])).toEqual([
      ['community', 49],
      ['street', 6],
    ]);
    expect(after.levels.map((l) => [l.id, l.units])).toEqual([['community', 18]]);
    const posts = (p: typeof before) => p.levels.reduce((n, l) => n + l.units * l.staffPerUnit, 0);
    expect(posts(after)).toBeCloseTo(posts(before), 6);
    expect(after.departments).toEqual(before.departments);
  });
});

describe('load sweep: where the flat structure gives way', () => {
  const at = (id: string, m: number) => {
    const s = loadPreset(id);
    s.demand.casesPerResidentYear *= m;
    return simulate(s, { seed: 1, days: 90, snapshotEveryMinutes: 0 }).summary;
  };
  const maxDept = (s: Summary) =>
    Math.max(...s.departments.filter((d) => d.id !== 'hotline' && d.id !== 'centre' && d.served > 0).map((d) => d.utilisation));
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
