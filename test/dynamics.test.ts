/**
 * Outcomes from dynamics, not formulas of typed inputs: each rule of the kernel is asserted as a
 * rule (one worker takes a case; a helper's time is spent whether or not they answer; an
 * overdue case climbs; a part-time post removes hours; a discovered case's time includes its
 * unreported spell), and the outcomes that depend on them are shown to move with load,
 * waiting and experience, beyond their intervals.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, Tracer, type Summary } from '../sim/index.ts';
import { compileModel } from '../sim/kernel/compile.ts';
import { hoursByKind, hoursToClose } from '../sim/observe/trace.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { applyLevers } from '../scenarios/levers.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { ci95 } from './stats.ts';

const run = (s: Scenario, days: number, seed = 1): Summary => simulate(s, { seed, days, snapshotEveryMinutes: 0 }).summary;
const reps = (s: Scenario, n: number, days: number) => Array.from({ length: n }, (_, k) => run(s, days, replicationSeed(7, k)));
const apart = (a: number[], b: number[]) => {
  const x = ci95(a);
  const y = ci95(b);
  return Math.abs(x.mean - y.mean) > x.half + y.half;
};
const community = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'community');
const loaded = (id: string, k: number) => {
  const s = loadPreset(id);
  s.demand.casesPerResidentYear *= k;
  return s;
};

/** A small town: one community level of `staff` posts under one department, fixed durations. */
function small(staff: number, over: (s: Scenario) => void = () => {}): Scenario {
  const s = loadPreset('longgang-2021');
  s.population = { residents: 20_000, microGrids: 100, areaKm2: 10 };
  s.levels = [
    {
      ...s.levels[community(s)],
      units: 1,
      staffPerUnit: staff,
      cadresPerUnit: 0,
      cadreDomains: {},
      burdenOnBelowHoursPerWeek: 0,
      spanHoursPerUnitPerWeek: 0,
      solve: { dist: 'fixed', mean: 30, cv: 0 },
      examine: { dist: 'fixed', mean: 10, cv: 0 },
      calendar: 'always',
      caseworkShare: 1,
      contractHoursPerWeek: 84,
    },
  ];
  s.levers = { ...s.levers, cadresSentDown: 0, floatingPosts: 0, socialOrganisations: { workShare: 0, annualCostYuan: 0 } };
  s.centre.enabled = false;
  s.platform.enabled = false;
  s.mechanisms.help = { dist: 'fixed', mean: 20, cv: 0 };
  over(s);
  return s;
}

describe('the kernel’s rules', () => {
  it('looking never changes a run: snapshots at any interval, a tracer, or none give the same summary', () => {
    const s = loadPreset('longgang-2021');
    const strip = (r: Summary) => JSON.stringify({ ...r, events: 0 });
    const plain = strip(simulate(s, { seed: 4, days: 20, snapshotEveryMinutes: 0 }).summary);
    expect(strip(simulate(s, { seed: 4, days: 20 }).summary)).toBe(plain);
    expect(strip(simulate(s, { seed: 4, days: 20, snapshotEveryMinutes: 77 }).summary)).toBe(plain);
    expect(strip(simulate(s, { seed: 4, days: 20, snapshotEveryMinutes: 0, tracer: new Tracer({ every: 3 }) }).summary)).toBe(plain);
  });

  it('one worker takes a case: a case in service keeps one server busy, however many are free', () => {
    const s = small(6);
    s.demand.casesPerResidentYear = 0.2;
    const sim = createSimulation(s, { seed: 3, snapshotEveryMinutes: 0 });
    let seenBusy = 0;
    for (let t = 60; t < 14 * 1440; t += 7) {
      sim.advanceTo(t);
      const busy = sim.view.officeBusy()[0];
      seenBusy = Math.max(seenBusy, busy);
    }
    // Arrivals are rare: at most a few cases are ever in service at once, one server each.
    const r = sim.summary();
    expect(r.levels[0].served).toBeGreaterThan(20);
    expect(seenBusy).toBeLessThanOrEqual(3);
    expect(seenBusy).toBeGreaterThanOrEqual(1);
  });

  it('a helper’s time is spent whether or not they answer (Garicano’s h)', () => {
    // Juniors know little and the senior no more: every question goes unanswered, yet takes h.
    const s = small(4, (x) => {
      x.levels[0].competence = { training: 0.1, powers: 1, powersByDomain: {} };
      x.mechanisms.seniorFactor = 1;
    });
    const tracer = new Tracer({ every: 1, keep: 100_000 });
    const r = simulate(s, { seed: 2, days: 20, snapshotEveryMinutes: 0, tracer }).summary;
    expect(r.help.asked).toBeGreaterThan(50);
    expect(r.help.unanswered).toBeGreaterThan(0.8 * r.help.asked);
    // Each unanswered question shows as 20 minutes' work at the office before the case moves on.
    const asked = [...tracer.takeEnded()].filter((j) =>
      j.segments.some((g) => g.kind === 'working' && g.end - g.start === 20 && g.office === 0),
    );
    expect(asked.length).toBeGreaterThan(20);
    for (const j of asked.slice(0, 20)) {
      const i = j.segments.findIndex((g) => g.kind === 'working' && g.end - g.start === 20);
      expect(j.segments.slice(i + 1).some((g) => g.kind === 'transfer')).toBe(true);
    }
  });

  it('an overdue case climbs: waiting past its deadline at a level, it is passed up; off, it waits', () => {
    // A community open on weekdays only, swamped: cases overdue in its queue go up to the departments.
    const s = small(2, (x) => {
      x.levels[0].calendar = 'office';
      x.levels[0].contractHoursPerWeek = 40;
      x.demand.casesPerResidentYear = 3;
    });
    const on = run(s, 30);
    const off = run({ ...s, mechanisms: { ...s.mechanisms, escalateOverdue: false } }, 30);
    expect(on.help.escalatedOverdue).toBeGreaterThan(100);
    expect(off.help.escalatedOverdue).toBe(0);
    expect(on.closedAtLevel.departments).toBeGreaterThan(off.closedAtLevel.departments);
  });

  it('a part-time post removes hours, not speed: its work takes the time drawn, and it is present its share of the time', () => {
    const s = small(1, (x) => {
      x.levels[0].contractHoursPerWeek = 42; // a quarter of the 168 open hours
      x.levels[0].onCallShare = 0;
      x.levels[0].travel = false;
      x.mechanisms.hurry = false;
      x.demand.casesPerResidentYear = 0.5;
    });
    const tracer = new Tracer({ every: 1, keep: 100_000 });
    const sim = createSimulation(s, { seed: 5, snapshotEveryMinutes: 0, tracer });
    let present = 0;
    let samples = 0;
    for (let t = 1; t < 28 * 1440; t += 13) {
      sim.advanceTo(t);
      present += sim.view.officeCapacity()[0];
      samples++;
    }
    expect(present / samples).toBeCloseTo(0.25, 1);
    const work = tracer
      .takeEnded()
      .flatMap((j) => j.segments)
      .filter((g) => g.kind === 'working' && g.office === 0);
    expect(work.length).toBeGreaterThan(50);
    for (const g of work) expect([10, 20, 30]).toContain(Math.round(g.end - g.start));
  });

  it('a case found on patrol counts its time from when the problem arose', () => {
    const s = loadPreset('longgang-2021');
    const tracer = new Tracer({ every: 7, keep: 100_000 });
    const r = simulate(s, { seed: 1, days: 30, snapshotEveryMinutes: 0, tracer }).summary;
    expect(r.problems.discovered).toBeGreaterThan(100);
    expect(r.problems.meanHoursUnreported).toBeGreaterThan(1);
    const found = tracer.takeEnded().filter((j) => j.channel === 1 && j.outcome === 'closed');
    expect(found.length).toBeGreaterThan(10);
    for (const j of found) {
      expect(hoursToClose(j)).toBeCloseTo((j.ended - j.raised) / 60, 9);
      const parts = Object.values(hoursByKind(j)).reduce((a, b) => a + b, 0);
      expect(parts).toBeCloseTo(hoursToClose(j), 6);
      expect(hoursByKind(j).unnoticed).toBeGreaterThan(0);
    }
  });
});

describe('outcomes move through the dynamics', () => {
  it('the local share falls under load beyond its interval, and departs from the closed form of knowledge', () => {
    const at = (k: number) => reps(loaded('longgang-2021', k), 4, 90).map((r) => r.localResolutionShare);
    const normal = at(1);
    const heavy = at(4);
    expect(apart(normal, heavy)).toBe(true);
    expect(ci95(heavy).mean).toBeLessThan(ci95(normal).mean);
    // The closed form: the share a community's best could resolve, 1 − e^(−λ·min(cap, K_best)), is the same at both loads.
    const s = applyLevers(loadPreset('longgang-2021'));
    const k = compileModel(s).knowledge;
    const z = k.threshold[community(s) * s.domains.length];
    const closedForm = 1 - Math.exp(-s.demand.difficultyRate * z);
    expect(Math.abs(ci95(heavy).mean - closedForm)).toBeGreaterThan(ci95(heavy).half + 0.02);
  });

  it('community staffing moves the local share through waiting and help, not through what anyone knows', () => {
    const at = (staff: number) => {
      const s = loaded('longgang-2021', 3);
      s.levels[community(s)].staffPerUnit = staff;
      return s;
    };
    // The same knowledge and powers at 4 and 12 posts ...
    const k4 = compileModel(at(4)).knowledge;
    const k12 = compileModel(at(12)).knowledge;
    expect(Array.from(k4.threshold)).toEqual(Array.from(k12.threshold));
    expect(Array.from(k4.junior)).toEqual(Array.from(k12.junior));
    // ... yet more posts resolve more locally, because questions are answered before their askers give up.
    const thin = reps(at(4), 4, 60);
    const full = reps(at(12), 4, 60);
    const share = (xs: Summary[]) => xs.map((r) => r.localResolutionShare);
    expect(apart(share(thin), share(full))).toBe(true);
    expect(ci95(share(full)).mean).toBeGreaterThan(ci95(share(thin)).mean);
    const timedOut = (xs: Summary[]) => xs.map((r) => r.help.timedOut / Math.max(1, r.help.asked));
    expect(ci95(timedOut(thin)).mean).toBeGreaterThan(ci95(timedOut(full)).mean);
  });

  it('a year of overload lowers mean trust and its 10th percentile beyond their intervals; satisfaction is reported', () => {
    const normal = reps(loadPreset('longgang-2021'), 3, 240);
    const heavy = reps(loaded('longgang-2021', 4), 3, 240);
    for (const f of [(r: Summary) => r.trust.mean, (r: Summary) => r.trust.p10]) {
      expect(apart(normal.map(f), heavy.map(f))).toBe(true);
      expect(ci95(heavy.map(f)).mean).toBeLessThan(ci95(normal.map(f)).mean);
    }
    for (const r of [...normal, ...heavy]) {
      expect(r.satisfaction).toBeGreaterThan(0);
      expect(r.satisfaction).toBeLessThan(1);
    }
    expect(ci95(heavy.map((r) => r.satisfaction)).mean).toBeLessThan(ci95(normal.map((r) => r.satisfaction)).mean);
  });

  it('induced demand: the same problems are reported more to a responsive structure, and stay unreported in a sluggish one', () => {
    // The same residents and problems (same seeds): a responsive structure, and the same one with communities
    // that have almost no time for cases, so that cases wait past their deadlines and trust falls.
    const responsive = loadPreset('longgang-2021');
    const sluggish = loadPreset('longgang-2021');
    const c = community(sluggish);
    sluggish.levels[c].staffPerUnit = 2.5;
    sluggish.levels[c].caseworkShare = 0.2;
    for (const s of [responsive, sluggish]) s.residents.silentLowTrust = 0.5;
    const a = reps(responsive, 3, 240);
    const b = reps(sluggish, 3, 240);
    expect(a.map((r) => r.problems.raised)).toEqual(b.map((r) => r.problems.raised));
    const f = (xs: Summary[], g: (r: Summary) => number) => ci95(xs.map(g)).mean;
    expect(f(a, (r) => r.trust.mean)).toBeGreaterThan(f(b, (r) => r.trust.mean));
    expect(f(a, (r) => r.problems.reportedAtOnce)).toBeGreaterThan(f(b, (r) => r.problems.reportedAtOnce));
    expect(f(b, (r) => r.problems.awaitingDiscovery + r.problems.keptSilent)).toBeGreaterThan(
      f(a, (r) => r.problems.awaitingDiscovery + r.problems.keptSilent),
    );
  });
});
