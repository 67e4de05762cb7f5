import { describe, expect, it } from 'vitest';
import { compileModel } from '../sim/kernel/compile.ts';
import { simulate } from '../sim/index.ts';
import { applyLevers } from '../scenarios/levers.ts';
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';

const county = () => loadPreset('traditional-county');
const withLevers = (s: Scenario, l: Partial<Scenario['levers']>): Scenario => ({ ...s, levers: { ...s.levers, ...l } });
const deptStaff = (s: Scenario) => s.departments.reduce((a, d) => a + d.staff, 0);

describe('reform levers map to parameter changes', () => {
  it('cadres sent down move agency cadres to communities, with their domains, and stay city posts', () => {
    const s = county();
    const t = applyLevers(withLevers(s, { cadresSentDown: 0.7, agencyCadreShare: 0.6, cadreTimeShare: 0.5 }));
    const moved = deptStaff(s) * 0.42 * 0.5;
    expect(deptStaff(t)).toBeCloseTo(deptStaff(s) - moved, 6);
    const c = t.levels.find((l) => l.kind === 'community')!;
    expect(c.cadresPerUnit * c.units).toBeCloseTo(moved, 6);
    // Police cadres know public safety: that domain gains what the police sent down.
    const police = s.departments.find((d) => d.id === 'public-security')!;
    expect(c.cadreDomains.safety * c.units).toBeCloseTo(police.staff * 0.42 * 0.5, 6);
    expect(compileModel(withLevers(s, { cadresSentDown: 0.7 })).cityPosts).toBeCloseTo(compileModel(s).cityPosts, 6);
  });

  it("the leaders' field day frees a fifth of the leaders' non-case time, and no one else's", () => {
    const s = county();
    const t = applyLevers(withLevers(s, { leadersFieldDay: true }));
    const gain = s.levers.leaderShare * s.levers.fieldDayGain;
    expect(t.departments[0].caseworkShare).toBeCloseTo(s.departments[0].caseworkShare + gain * (1 - s.departments[0].caseworkShare), 12);
    expect(t.levels.map((l) => l.caseworkShare)).toEqual(s.levels.map((l) => l.caseworkShare));
  });

  it('floating posts are lent by departments to communities only during surges', () => {
    const s = county();
    const t = applyLevers(withLevers(s, { floatingPosts: 100 }));
    expect(t.departments.reduce((a, d) => a + d.lentInSurges, 0)).toBeCloseTo(100, 6);
    const c = t.levels.find((l) => l.kind === 'community')!;
    expect(c.surgeStaffPerUnit * c.units).toBeCloseTo(100, 6);
    expect(compileModel(withLevers(s, { floatingPosts: 100 })).cityPosts).toBeCloseTo(compileModel(s).cityPosts, 6);
  });

  it('functions transferred to social organisations shorten community work and cost money', () => {
    const s = county();
    const t = applyLevers(withLevers(s, { socialOrganisations: { workShare: 0.2, annualCostYuan: 1e7 } }));
    const c0 = s.levels.find((l) => l.kind === 'community')!;
    const c1 = t.levels.find((l) => l.kind === 'community')!;
    expect(c1.solve.mean).toBeCloseTo(c0.solve.mean * 0.8, 12);
    expect(compileModel(t).fixedCostYuanPerYear - compileModel(s).fixedCostYuanPerYear).toBeCloseTo(1e7, 0);
  });

  it('one enforcement team takes the listed domains and their case posts into one department with many bases', () => {
    const s = county();
    const t = applyLevers(
      withLevers(s, { oneEnforcement: { enabled: true, domains: ['environment', 'construction', 'market'], bases: 34 } }),
    );
    const owner = t.departments.find((d) => d.domains.includes('environment'))!;
    expect(owner.domains).toEqual(expect.arrayContaining(['environment', 'construction', 'market']));
    expect(owner.bases).toBe(34);
    expect(t.departments.filter((d) => d.domains.includes('market'))).toHaveLength(1);
    // Posts and case hours are conserved; the bureaus that lost a domain keep their other work.
    expect(deptStaff(t)).toBeCloseTo(deptStaff(s), 6);
    const caseHours = (x: Scenario) => x.departments.reduce((a, d) => a + d.staff * d.caseworkShare, 0);
    expect(caseHours(t)).toBeCloseTo(caseHours(s), 6);
    const market = t.departments.find((d) => d.id === 'market-supervision')!;
    expect(market.staff).toBeGreaterThan(0);
    expect(market.domains).toEqual([]);
  });

  it('one seal merges the approval domains and saves the approval posts the one bureau no longer needs', () => {
    const s = county();
    const t = applyLevers(withLevers(s, { oneSeal: { enabled: true, domains: ['economy', 'land'], staffSaving: 0.54 } }));
    expect(t.departments.find((d) => d.domains.includes('land'))!.domains).toContain('economy');
    const land = s.departments.find((d) => d.id === 'natural-resources')!;
    expect(deptStaff(s) - deptStaff(t)).toBeCloseTo(land.staff * land.caseworkShare * 0.54, 6);
  });

  it('modules make a department coordinate its own domains more cheaply', () => {
    // In Longgang 2021 the enforcement bureau holds three domains: coordinating them as
    // separate departments takes the centre more staff time.
    const s = loadPreset('longgang-2021');
    const a = simulate(s, { seed: 4, days: 60, snapshotEveryMinutes: 0 }).summary;
    const b = simulate(withLevers(s, { modules: false }), { seed: 4, days: 60, snapshotEveryMinutes: 0 }).summary;
    const centre = (x: typeof a) => x.departments.find((d) => d.id === 'centre')!.utilisation;
    expect(centre(b)).toBeGreaterThan(centre(a));
  });

  it('every lever can be turned on and off in every preset, and runs conserve cases', () => {
    const toggles: Partial<Scenario['levers']>[] = [
      { cadresSentDown: 0 },
      { cadresSentDown: 0.7 },
      { leadersFieldDay: true },
      { leadersFieldDay: false },
      { floatingPosts: 0 },
      { floatingPosts: 80 },
      { socialOrganisations: { workShare: 0.15, annualCostYuan: 5e6 } },
      { oneSeal: { enabled: true, domains: ['economy', 'land'], staffSaving: 0.54 } },
      { oneSeal: { enabled: false, domains: ['economy', 'land'], staffSaving: 0.54 } },
      { oneEnforcement: { enabled: true, domains: ['environment', 'construction', 'market'], bases: 34 } },
      { oneEnforcement: { enabled: false, domains: ['environment', 'construction', 'market'], bases: 34 } },
      { modules: true },
      { modules: false },
    ];
    for (const id of PRESET_IDS) {
      for (const [k, l] of toggles.entries()) {
        const s = withLevers(loadPreset(id), l);
        s.shocks = [
          {
            name: 'surge',
            startDay: 2,
            days: 3,
            demandMultiplier: 2,
            fieldShare: null,
            difficultyMultiplier: 1,
            capacityMultiplier: 1,
            appliesTo: [],
          },
        ];
        const { summary } = simulate(s, { seed: k + 1, days: 7, snapshotEveryMinutes: 0 });
        expect(summary.conservation.ok, `${id} ${JSON.stringify(l)}`).toBe(true);
      }
      for (const platform of [true, false]) {
        const s = loadPreset(id);
        const { summary } = simulate(
          { ...s, platform: { ...s.platform, enabled: platform } },
          { seed: 1, days: 7, snapshotEveryMinutes: 0 },
        );
        expect(summary.conservation.ok).toBe(true);
      }
    }
  });
});

describe('applyLevers', () => {
  it('is idempotent: applying twice equals applying once', () => {
    for (const id of PRESET_IDS) {
      const once = applyLevers(loadPreset(id));
      expect(applyLevers(once)).toEqual(once);
    }
  });
});
