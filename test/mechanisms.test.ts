/**
 * The mechanisms through which structure decides the outcome, each asserted as a rule: workers
 * know or ask, powers cap what a level decides, hours are contract hours, layers and spans
 * cost staff time, hand-offs lose information, residents respond while they wait, cost follows
 * the structure. None of these tests asserts a seed's headline figure.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Summary } from '../sim/index.ts';
import { compileModel } from '../sim/kernel/compile.ts';
import { knowledgeOf } from '../sim/submodels/competence.ts';
import { openHoursPerWeek, timeUse } from '../sim/submodels/workload.ts';
import { kaplanMeierQuantiles } from '../sim/observe/survival.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { applyLevers } from '../scenarios/levers.ts';
import { controlLossChecks, describeCheck } from '../studies/theory-checks.ts';
import { withMiddleUnits } from '../studies/layers.ts';
import type { Scenario } from '../scenarios/schema.ts';

const run = (s: Scenario, days: number, seed = 1): Summary => simulate(s, { seed, days, snapshotEveryMinutes: 0 }).summary;
const community = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'community');
const table = (s: Scenario, which: 'junior' | 'best' | 'cap' | 'threshold', level: number, domain: string) =>
  knowledgeOf(s)[which][level * s.domains.length + s.domains.findIndex((d) => d.id === domain)];

describe('workers who know or ask (sim/submodels/competence.ts)', () => {
  it('what a worker knows follows their training, not the office’s headcount', () => {
    const s = applyLevers(loadPreset('longgang-2021'));
    const c = community(s);
    const at = (staff: number) => {
      const x = structuredClone(s);
      x.levels[c].staffPerUnit = staff;
      return [table(x, 'junior', c, 'social'), table(x, 'best', c, 'social')];
    };
    expect(at(3)).toEqual(at(30));
    const trained = structuredClone(s);
    trained.levels[c].competence!.training *= 1.5;
    expect(table(trained, 'junior', c, 'social')).toBeGreaterThan(at(3)[0]);
  });

  it('an office of one post has nobody to ask; from two posts its senior knows more than a junior', () => {
    const s = applyLevers(loadPreset('longgang-2021'));
    const k = knowledgeOf(s);
    expect(k.canAsk[0]).toBe(0); // a grid worker alone
    expect(table(s, 'best', 0, 'social')).toBe(table(s, 'junior', 0, 'social'));
    const c = community(s);
    expect(k.canAsk[c]).toBe(1);
    const senior = s.mechanisms.knowledgePerTraining * s.levels[c].competence!.training * (s.mechanisms.seniorFactor - 1);
    expect(table(s, 'best', c, 'social')).toBeGreaterThanOrEqual(table(s, 'junior', c, 'social') + senior - 1e-9);
  });

  it('cadres sent down raise what the office knows only in their own departments’ domains', () => {
    const s = loadPreset('traditional-county');
    const c = community(s);
    const sent = applyLevers({ ...s, levers: { ...s.levers, cadresSentDown: 0.7, cadreTimeShare: 0.2 } });
    const before = applyLevers(s);
    expect(table(sent, 'best', c, 'safety')).toBeGreaterThan(table(before, 'best', c, 'safety')); // police cadres
    for (const d of s.domains) {
      const owners = s.departments.filter((x) => x.domains.includes(d.id));
      if (owners.length === 0) expect(table(sent, 'best', c, d.id)).toBe(table(before, 'best', c, d.id));
    }
  });

  it('powers cap what a level may decide whoever knows it; per-domain powers override; off, powers alone decide', () => {
    const s = applyLevers(loadPreset('longgang-2021'));
    const c = community(s);
    const ceiling = s.mechanisms.powersCeiling * s.levels[c].competence!.powers;
    expect(table(s, 'cap', c, 'social')).toBeCloseTo(ceiling, 12);
    const listed = structuredClone(s);
    listed.levels[c].competence!.powersByDomain = { social: 0.9 };
    expect(table(listed, 'cap', c, 'social')).toBeCloseTo(s.mechanisms.powersCeiling * 0.9, 12);
    expect(table(listed, 'cap', c, 'safety')).toBeCloseTo(ceiling, 12);
    const off = { ...s, mechanisms: { ...s.mechanisms, competence: false } };
    expect(table(off, 'threshold', c, 'social')).toBeGreaterThanOrEqual(ceiling);
    expect(table(off, 'junior', c, 'social')).toBe(Infinity);
  });

  it('the platform’s knowledge base adds to what every worker knows', () => {
    const s = applyLevers(loadPreset('traditional-county'));
    const on = { ...s, platform: { ...s.platform, enabled: true } };
    expect(table(on, 'junior', 0, 'safety')).toBeGreaterThan(table(s, 'junior', 0, 'safety'));
  });
});

describe('hours are contract hours (sim/submodels/workload.ts)', () => {
  it('a post on a 24-hour calendar provides its contract hours, not the 168 hours the seat is open', () => {
    const always = { start: 0, end: 1440, days: [0, 1, 2, 3, 4, 5, 6] };
    const t = timeUse(30, 1, always, 40, 0, 0, 0.1);
    expect(openHoursPerWeek(always)).toBe(168);
    expect(t.postHours).toBe(40);
    expect(t.caseHours).toBeCloseTo(30 * 40, 9);
    // Thirty posts keep about seven on duty at any hour: a seat around the clock takes about four posts.
    expect(t.caseStaff).toBeCloseTo((30 * 40) / 168, 9);
    const s = loadPreset('longgang-2021');
    const centre = compileModel(s).groups.find((g) => g.kind === 'centre')!;
    expect(centre.caseStaff * centre.time.openHours).toBeLessThanOrEqual(s.centre.staff * s.centre.contractHoursPerWeek + 1e-9);
  });

  it('a calendar listing a day twice opens the office no longer than listing it once', () => {
    const once = { start: 510, end: 1050, days: [0, 1, 2, 3, 4] };
    expect(openHoursPerWeek({ ...once, days: [0, 0, 1, 2, 3, 4, 4] })).toBe(openHoursPerWeek(once));
  });

  it('time use adds up, and case time never falls below its floor', () => {
    const cal = { start: 510, end: 1050, days: [0, 1, 2, 3, 4] };
    const t = timeUse(3, 0.5, cal, 40, 200, 100, 0.1);
    expect(t.ownDutiesHours + t.burdenHours + t.spanHours + t.caseHours).toBeCloseTo(3 * 40, 9);
    expect(t.caseHours).toBeCloseTo(0.1 * 3 * 40 * 0.5, 9);
  });

  it('the leaders’ field day moves leaders’ time only', () => {
    const s = loadPreset('traditional-county');
    const on = (leaderShare: number) =>
      applyLevers({ ...s, levers: { ...s.levers, leadersFieldDay: true, leaderShare, fieldDayGain: 0.2 } }).departments[0].caseworkShare;
    const cw = s.departments[0].caseworkShare;
    expect(on(0)).toBe(cw);
    expect(on(0.15)).toBeCloseTo(cw + 0.15 * 0.2 * (1 - cw), 12);
    expect(applyLevers({ ...s, levers: { ...s.levers, leadersFieldDay: true } }).levels[1].caseworkShare).toBe(s.levels[1].caseworkShare);
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
    const fewer = compileModel({ ...s, departments: s.departments.slice(0, 15) }).groups[c];
    expect(fewer.time.burdenHours).toBeLessThan(withTown.time.burdenHours);
  });

  it('a grid worker answers to their community alone: organs’ lines stop at the community', () => {
    const s = loadPreset('traditional-county');
    const m = compileModel(s);
    // The community's own line, less what the admission list refuses; none of the organs'.
    expect(m.groups[0].time.burdenHours).toBeCloseTo(s.levels[1].burdenOnBelowHoursPerWeek * (1 - s.levers.admissionList), 9);
    expect(m.groups[0].time.burdenHours).toBeLessThan(m.groups[1].time.burdenHours);
  });

  it('a wider span leaves a department less time for cases: 102 communities cost more than 26 units', () => {
    const flat = compileModel(withMiddleUnits(0));
    const units = compileModel(withMiddleUnits(26));
    const dept = (m: ReturnType<typeof compileModel>) => m.groups[m.deptGroup0 + 4];
    expect(dept(flat).time.spanHours).toBeCloseTo((102 / 26) * dept(units).time.spanHours, 9);
    expect(dept(flat).caseStaff).toBeLessThan(dept(units).caseStaff);
  });

  it('with the mechanism off, case time is posts × contract hours × casework share', () => {
    const s = loadPreset('traditional-county');
    const m = compileModel({ ...s, mechanisms: { ...s.mechanisms, workload: false } });
    for (const g of m.groups) expect(g.time.caseHours).toBeCloseTo(g.staffPerOffice * g.time.postHours * g.caseworkShare, 9);
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
  });

  it('petitions go to the city, never to a grid worker or a community', () => {
    const r = run(loadPreset('traditional-county'), 60);
    expect(r.petitions).toBeGreaterThan(50);
    const p = r.flows.petition;
    expect(p.grid + p.community + p.town).toBe(0);
  });

  it('a problem nobody reports stays a problem: it comes back to mind, grown harder, instead of vanishing', () => {
    const s = loadPreset('longgang-2021');
    const on = run(s, 90);
    expect(on.problems.resurfaced).toBeGreaterThan(1000);
    expect(on.problems.keptSilent).toBeGreaterThan(0);
    expect(on.problems.unreported).toBe(0);
    const off = run({ ...s, mechanisms: { ...s.mechanisms, residentsRespond: false } }, 90);
    // Only hurried cases that were not truly resolved come back.
    expect(off.problems.resurfaced).toBeLessThanOrEqual(off.help.reopened);
    expect(off.problems.unreported).toBeGreaterThan(1000);
  });
});

describe('honest metrics', () => {
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

  it('delay borne by residents is reported apart from the administrative cost', () => {
    const s = withMiddleUnits(0);
    s.demand.casesPerResidentYear *= 3;
    const r = run(s, 60);
    expect(r.cost.delayYuan).toBeGreaterThan(0);
    expect(r.cost.annualYuan).toBeCloseTo(r.cost.fixedAnnualYuan + r.cost.producedAnnualYuan, 0);
    expect(r.cost.variableYuan).toBeCloseTo(r.cost.overtimeYuan + r.cost.failureDemandYuan, 6);
  });
});

describe('cost follows the structure (sim/submodels/cost.ts)', () => {
  it('an organ with no staff does not exist and costs nothing', () => {
    const s = loadPreset('longgang-2021');
    s.levers.cadresSentDown = 0;
    const m0 = compileModel(s);
    const gone = structuredClone(s);
    const i = gone.departments.findIndex((d) => d.domains.length === 0);
    const d = gone.departments[i];
    const saved = d.staff * (d.costPerPostYuan + s.cost.organOverheadPerPostYuan) + d.operatingCostYuan;
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
    const moved = c.cadresPerUnit * c.units;
    expect(compileModel(s).fixedCostYuanPerYear - m.fixedCostYuanPerYear).toBeCloseTo(moved * s.cost.organOverheadPerPostYuan, 0);
  });
});
