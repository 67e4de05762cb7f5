/**
 * The mechanisms through which structure decides the outcome, each asserted as a rule:
 * competence follows resources, layers and spans cost staff time, hand-offs lose
 * information, residents respond while they wait, and the metrics stay honest under load.
 * None of these tests asserts a seed's headline figure.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Summary } from '../sim/index.ts';
import { compileModel } from '../sim/kernel/compile.ts';
import { knowledge, thresholds } from '../sim/submodels/competence.ts';
import { timeUse } from '../sim/submodels/workload.ts';
import { kaplanMeierQuantiles } from '../sim/observe/survival.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { applyLevers } from '../scenarios/levers.ts';
import { controlLossChecks, describeCheck } from '../studies/theory-checks.ts';
import { withMiddleUnits } from '../studies/layers.ts';
import type { Scenario } from '../scenarios/schema.ts';

const run = (s: Scenario, days: number, seed = 1): Summary => simulate(s, { seed, days, snapshotEveryMinutes: 0 }).summary;
const community = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'community');
const zOf = (s: Scenario, level: number, domain: string) =>
  thresholds(s)[level * s.domains.length + s.domains.findIndex((d) => d.id === domain)];

describe('competence follows resources (sim/submodels/competence.ts)', () => {
  it('fewer staff lower what a community can resolve; more raise it, with diminishing returns', () => {
    const s = loadPreset('longgang-2021');
    const c = community(s);
    const at = (staff: number) => {
      const x = structuredClone(s);
      x.levels[c].staffPerUnit = staff;
      return zOf(applyLevers(x), c, 'social');
    };
    expect(at(2)).toBeLessThan(at(4));
    expect(at(4)).toBeLessThan(at(8));
    // Diminishing returns: each added worker adds less reach.
    expect((at(8) - at(4)) / 4).toBeLessThan((at(4) - at(2)) / 2);
  });

  it('cadres sent down raise competence only in the domains of the departments they come from', () => {
    const s = loadPreset('traditional-county');
    const c = community(s);
    const sent = applyLevers({ ...s, levers: { ...s.levers, cadresSentDown: 0.7, cadreTimeShare: 0.2 } });
    const before = applyLevers(s);
    expect(zOf(sent, c, 'safety')).toBeGreaterThan(zOf(before, c, 'safety')); // police cadres
    // No organ owns 'disputes' but justice: its cadres raise disputes; none raise a domain nobody owns.
    for (const d of s.domains) {
      const owners = s.departments.filter((x) => x.domains.includes(d.id));
      if (owners.length === 0) expect(zOf(sent, c, d.id)).toBe(zOf(before, c, d.id));
    }
  });

  it('powers cap competence whatever the staff know; with the mechanism off, powers alone decide', () => {
    const s = applyLevers(loadPreset('longgang-2021'));
    const c = community(s);
    const ceiling = s.mechanisms.powersCeiling * s.levels[c].competence!.powers;
    const big = structuredClone(s);
    big.levels[c].staffPerUnit = 10_000;
    expect(zOf(big, c, 'social')).toBeCloseTo(ceiling, 12);
    const off = { ...s, mechanisms: { ...s.mechanisms, competence: false } };
    expect(zOf(off, c, 'social')).toBeCloseTo(ceiling, 12);
    expect(knowledge(Math.E - 1, 1, 1)).toBeCloseTo(1, 12);
  });

  it('the platform adds expertise to every level that uses it', () => {
    const s = applyLevers(loadPreset('traditional-county'));
    const on = { ...s, platform: { ...s.platform, enabled: true } };
    expect(zOf(on, 0, 'safety')).toBeGreaterThan(zOf(s, 0, 'safety'));
  });

  it('a community with fewer staff resolves fewer cases itself', () => {
    const s = loadPreset('longgang-2021');
    const thin = structuredClone(s);
    thin.levels[community(s)].staffPerUnit = 2;
    const a = run(s, 30);
    const b = run(thin, 30);
    expect(b.closedAtLevel.community).toBeLessThan(a.closedAtLevel.community * 0.95);
    expect(b.localResolutionShare).toBeLessThan(a.localResolutionShare);
  });
});

describe('layers and spans cost staff time (sim/submodels/workload.ts)', () => {
  it('every layer above a community takes case time from it; removing the layer gives it back', () => {
    const s = loadPreset('traditional-county');
    const c = community(s);
    const withTown = compileModel(s).groups[c];
    const noTown = compileModel({ ...s, levels: s.levels.filter((l) => l.kind !== 'intermediate') }).groups[c];
    expect(withTown.time.burdenHours).toBeGreaterThan(noTown.time.burdenHours);
    expect(noTown.caseStaff).toBeGreaterThan(withTown.caseStaff);
    // More organs, more lines reaching down.
    const fewer = compileModel({ ...s, departments: s.departments.slice(0, 15) }).groups[c];
    expect(fewer.time.burdenHours).toBeLessThan(withTown.time.burdenHours);
  });

  it('a wider span leaves a department less time for cases: 102 communities cost more than 26 units', () => {
    const flat = compileModel(withMiddleUnits(0));
    const units = compileModel(withMiddleUnits(26));
    const dept = (m: ReturnType<typeof compileModel>) => m.groups[m.deptGroup0 + 4];
    expect(dept(flat).time.spanHours).toBeCloseTo((102 / 26) * dept(units).time.spanHours, 9);
    expect(dept(flat).caseStaff).toBeLessThan(dept(units).caseStaff);
  });

  it('with the mechanism off, case staff are staff × casework share', () => {
    const s = loadPreset('traditional-county');
    const m = compileModel({ ...s, mechanisms: { ...s.mechanisms, workload: false } });
    for (const g of m.groups) expect(g.caseStaff).toBeCloseTo(g.staffPerOffice * g.caseworkShare, 9);
  });

  it('time use adds up, and case time never falls below its floor', () => {
    const cal = { start: 510, end: 1050, days: [0, 1, 2, 3, 4] };
    const t = timeUse(3, 0.5, cal, 200, 100, 0.1);
    expect(t.ownDutiesHours + t.burdenHours + t.spanHours + t.caseHours).toBeCloseTo(3 * 45, 9);
    expect(t.caseHours).toBeCloseTo(0.1 * 3 * 45 * 0.5, 9);
  });

  it('fractional case staff: capacity changes smoothly with the on-call share, not in whole workers', () => {
    const s = loadPreset('longgang-2021');
    const share = (x: number) => {
      const y = structuredClone(s);
      y.levels[community(s)].onCallShare = x;
      return run(y, 60).hoursToClose.mean;
    };
    const [a, b, c] = [0.07, 0.08, 0.09].map(share);
    expect(Math.abs(b - a)).toBeLessThan(0.5);
    expect(Math.abs(c - b)).toBeLessThan(0.5);
  });

  it('at four times demand a thin middle layer beats none: the departments facing 102 communities are swamped', () => {
    const at = (n: number) => {
      const s = withMiddleUnits(n);
      s.demand.casesPerResidentYear *= 4;
      return run(s, 60);
    };
    const none = at(0);
    const thin = at(9);
    expect(thin.hoursToCloseAll.mean).toBeLessThan(none.hoursToCloseAll.mean / 2);
    expect(thin.backlog.overdue).toBeLessThan(none.backlog.overdue / 2);
  });
});

describe('control loss: hand-offs lose information (sim/submodels/control-loss.ts)', () => {
  it('a case resolved after k hand-offs is redone with chance 1 − α^k; with α = 1 nothing is redone', () => {
    const checks = controlLossChecks();
    expect(checks.map((c) => c.id)).toEqual(['control-loss', 'control-loss-none']);
    for (const c of checks) expect(c.pass, describeCheck(c)).toBe(true);
    expect(checks[0].simulated).toBeGreaterThan(0.05);
  });

  it('more layers, more rework: the county with its town redoes more than without it', () => {
    const s = loadPreset('traditional-county');
    const flat = { ...s, levels: s.levels.filter((l) => l.kind !== 'intermediate') };
    expect(run(s, 30).rework.perCase).toBeGreaterThan(run(flat, 30).rework.perCase);
  });
});

describe('residents respond (sim/submodels/residents.ts)', () => {
  // A department swamped by a surge: cases wait past their deadlines.
  const swamped = () => {
    const s = loadPreset('longgang-2021');
    s.demand.casesPerResidentYear *= 4;
    return s;
  };

  it('overload lowers trust while cases wait, and brings repeat contacts and petitions', () => {
    const s = swamped();
    const on = run(s, 60);
    const normal = run(loadPreset('longgang-2021'), 60);
    expect(on.trust.mean).toBeLessThan(normal.trust.mean);
    expect(on.contacts.repeat).toBeGreaterThan(5 * normal.contacts.repeat);
    const off = run({ ...s, mechanisms: { ...s.mechanisms, residentsRespond: false } }, 60);
    expect(off.contacts.repeat).toBe(0);
    expect(on.trust.mean).toBeLessThan(off.trust.mean);
  });

  it('petitions go to the city, never to a grid worker or a community', () => {
    const r = run(loadPreset('traditional-county'), 60);
    expect(r.petitions).toBeGreaterThan(50);
    const p = r.flows.petition;
    expect(p.grid + p.community + p.town).toBe(0);
  });

  it('a problem nobody reports stays a problem: it resurfaces, grown harder, instead of vanishing', () => {
    const s = loadPreset('longgang-2021');
    const on = run(s, 90);
    expect(on.problems.resurfaced).toBeGreaterThan(1000);
    expect(on.problems.unreported).toBe(0);
    const off = run({ ...s, mechanisms: { ...s.mechanisms, residentsRespond: false } }, 90);
    expect(off.problems.resurfaced).toBe(0);
    expect(off.problems.unreported).toBeGreaterThan(1000);
  });
});

describe('honest metrics under load', () => {
  it('at four times demand: the local share of all cases counts the open ones, times count the waiting, load-driven cost per case rises', () => {
    const s = withMiddleUnits(0);
    const normal = run(s, 60);
    s.demand.casesPerResidentYear *= 4;
    const load = run(s, 60);
    expect(load.localResolutionShare).toBeLessThan(load.localShareOfClosed);
    expect(load.hoursToCloseAll.mean).toBeGreaterThan(normal.hoursToClose.p90);
    expect(load.hoursToCloseAll.mean).toBeGreaterThan(load.hoursToClose.mean);
    expect(load.cost.variablePerCaseYuan).toBeGreaterThan(normal.cost.variablePerCaseYuan);
    expect(load.trust.mean).toBeLessThan(normal.trust.mean);
  });

  it('a case past its deadline counts as missed from the moment the deadline passes, in the time series too', () => {
    const s = withMiddleUnits(0);
    s.demand.casesPerResidentYear *= 4;
    const { series, summary } = simulate(s, { seed: 1, days: 40 });
    const last = series[series.length - 1];
    expect(last.overdue).toBe(summary.backlog.overdue);
    expect(last.sla.close24h).toBeCloseTo(summary.sla.close24h, 12);
  });

  it('Kaplan–Meier: without censoring it gives the empirical quantiles; censoring raises them', () => {
    const ev = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kaplanMeierQuantiles(ev, new Float64Array(0), [0.5, 0.9])).toEqual([5, 9]);
    const [m] = kaplanMeierQuantiles(ev.subarray(0, 5), Float64Array.from([20, 20, 20, 20, 20]), [0.5]);
    expect(m).toBe(5);
    expect(kaplanMeierQuantiles(ev.subarray(0, 3), Float64Array.from([20, 20, 20, 20, 20, 20, 20]), [0.5])[0]).toBeNaN();
  });
});

describe('cost follows the structure', () => {
  it('an organ with no staff does not exist and costs nothing', () => {
    const s = loadPreset('longgang-2021');
    s.levers.cadresSentDown = 0;
    const m0 = compileModel(s);
    const gone = structuredClone(s);
    const i = gone.departments.findIndex((d) => d.domains.length === 0);
    const d = gone.departments[i];
    const posts = d.staff;
    const saved = posts * (d.costPerPostYuan + s.cost.organOverheadPerPostYuan) + d.operatingCostYuan;
    gone.departments[i] = { ...d, staff: 0 };
    const m1 = compileModel(gone);
    expect(m1.organs.total).toBe(m0.organs.total - 1);
    expect(m0.fixedCostYuanPerYear - m1.fixedCostYuanPerYear).toBeCloseTo(saved, 3);
  });

  it('cadres sent down keep their city pay', () => {
    const s = loadPreset('traditional-county');
    const sent = { ...s, levers: { ...s.levers, cadresSentDown: 0.7, cadreTimeShare: 1 } };
    const m = compileModel(sent);
    const c = m.scenario.levels[community(s)];
    expect(c.cadreCostPerPostYuan).toBeCloseTo(150_000, 6);
    // Moving cadres saves only their organs' overhead per post, not their pay.
    const moved = c.cadresPerUnit * c.units;
    expect(compileModel(s).fixedCostYuanPerYear - m.fixedCostYuanPerYear).toBeCloseTo(moved * s.cost.organOverheadPerPostYuan, 0);
  });
});
