/**
 * The summary of a run at the present time, built from the metrics' counters and the state
 * of the offices, residents and open cases: counts, where cases closed, times to close (with
 * open cases counted by Kaplan–Meier), service targets, per level and per department figures,
 * time use, cost, trust, and the checks every run must pass (Little's law, conservation of cases).
 */
import { quantileSorted } from 'simple-statistics';
import { CASE_TYPES, CHANNELS } from '../kernel/cases.ts';
import { MINUTES_PER_YEAR } from '../kernel/compile.ts';
import type { TimeUse } from '../submodels/workload.ts';
import { CLOSE_HOUR_EDGES, type Metrics } from './metrics.ts';
import { kaplanMeierQuantiles } from './survival.ts';
import { SLA_KEYS, slaShares } from './targets.ts';
import { ConservationError, type Summary, type TimeUseShares } from './types.ts';

/** Shares of working time given the office's time budget and its case servers' utilisation. */
function timeUseOf(t: TimeUse, utilisation: number): { timeUse: TimeUseShares; staffUtilisation: number } {
  const total = t.staff * t.hoursPerWeek;
  if (!(total > 0)) {
    const nan = { ownDuties: NaN, burden: NaN, span: NaN, cases: NaN, idle: NaN };
    return { timeUse: nan, staffUtilisation: NaN };
  }
  const caseShare = t.caseHours / total;
  const u = Math.min(1, utilisation);
  const timeUse = {
    ownDuties: t.ownDutiesHours / total,
    burden: t.burdenHours / total,
    span: t.spanHours / total,
    cases: caseShare * u,
    idle: caseShare * (1 - u),
  };
  return { timeUse, staffUtilisation: 1 - timeUse.idle };
}

/** The summary at the current time; checks conservation of cases and throws if it fails. */
export function summarise(mx: Metrics, days: number): Summary {
  const e = mx.e;
  const m = e.model;
  // Open cases: count them, and those past a target as misses.
  const met = mx.met.slice();
  const due = mx.due.slice();
  const scan = mx.scanOpen(met, due, true);
  const open = scan.open;
  const openAge = scan.ageSum;
  const conservation = {
    created: mx.nCreated,
    closed: mx.nClosed,
    open,
    lost: mx.nLost,
    ok: mx.nCreated === mx.nClosed + open + mx.nLost && open === mx.open,
  };
  if (!conservation.ok)
    throw new ConservationError(
      `created ${mx.nCreated} ≠ closed ${mx.nClosed} + open ${open} + lost ${mx.nLost} (open counter ${mx.open})`,
    );
  const ids = mx.tierIds();
  const closedAtLevel: Record<string, number> = {};
  const lostAtLevel: Record<string, number> = {};
  ids.forEach((id, i) => {
    closedAtLevel[id] = mx.closedAtTier[i];
    lostAtLevel[id] = mx.lostAtTier[i];
  });
  const T = Math.max(e.now, 1e-9);
  const levels = m.groups
    .filter((g) => g.kind === 'level')
    .map((g) => {
      let b = 0,
        c = 0,
        q = 0,
        served = 0,
        ot = 0;
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
        ot += e.overtimeAreaNow(o);
        b += e.busyAreaNow(o);
        c += e.capAreaNow(o);
        q += e.queueAreaNow(o);
        served += e.served[o];
      }
      return {
        id: g.id,
        name: g.name,
        kind: m.tiers[g.tier].kind,
        units: g.offices,
        staff: g.offices * g.staffPerOffice,
        closed: mx.closedAtTier[g.tier],
        utilisation: c > 0 ? b / c : NaN,
        meanQueue: q / T,
        meanPresent: (q + b) / T,
        served,
        meanWaitHours: served > 0 ? q / served / 60 : NaN,
        overtimeShare: b > 0 ? ot / b : 0,
        ...timeUseOf(g.time, c > 0 ? b / c : 0),
      };
    });
  const departments = m.groups
    .filter((g) => g.kind === 'department' || g.kind === 'centre' || g.kind === 'hotline')
    .map((g) => {
      const o = g.firstOffice;
      const b = e.busyAreaNow(o);
      const c = e.capAreaNow(o);
      const q = e.queueAreaNow(o);
      return {
        id: g.id,
        name: g.name,
        staff: g.staffPerOffice,
        served: e.served[o],
        utilisation: c > 0 ? b / c : NaN,
        meanQueue: q / T,
        meanWaitHours: e.served[o] > 0 ? q / e.served[o] / 60 : NaN,
        overtimeShare: b > 0 ? e.overtimeAreaNow(o) / b : 0,
        ...timeUseOf(g.time, c > 0 ? b / c : 0),
      };
    });
  const byType: Summary['byType'] = {};
  CASE_TYPES.forEach((name, i) => {
    byType[name] = {
      created: mx.typeCreated[i],
      closed: mx.typeClosed[i],
      meanHoursToClose: mx.typeClosed[i] > 0 ? mx.typeHours[i] / mx.typeClosed[i] : NaN,
    };
  });
  const byChannel: Record<string, number> = {};
  CHANNELS.forEach((c, i) => (byChannel[c] = mx.channel[i]));
  const flows: Summary['flows'] = {};
  const matrix = mx.flowMatrix();
  const width = mx.nTiers + 2;
  CHANNELS.forEach((c, ci) => {
    const row: Record<string, number> = {};
    [...ids, 'lost', 'open'].forEach((id, k) => (row[id] = matrix[ci * width + k]));
    flows[c] = row;
  });
  const cost = mx.costSoFar(scan.overdueDays);
  const variable = cost.overtime + cost.failure + cost.delay;
  const years = e.now / MINUTES_PER_YEAR;
  const closedTimes = mx.closeHours.data.subarray(0, mx.closeHours.n);
  const censored = new Float64Array(scan.ages.length + mx.lostHours.n);
  censored.set(scan.ages);
  censored.set(mx.lostHours.data.subarray(0, mx.lostHours.n), scan.ages.length);
  const [km50, km90] = kaplanMeierQuantiles(closedTimes, censored, [0.5, 0.9]);
  let closedHoursSum = 0;
  for (let i = 0; i < closedTimes.length; i++) closedHoursSum += closedTimes[i];
  const ages = scan.ages.sort((a, b) => a - b);
  const done = mx.nClosed + mx.nLost;
  // Little's law over the run: the time-average number of open cases against the arrival
  // rate × the mean time in system (open cases counted up to now). In steady state the
  // mean over cases that left (WDoneHours) gives the same.
  const L = mx.openAreaNow() / T;
  const lambda = mx.nCreated / T;
  const W = mx.nCreated > 0 ? (mx.sojournSum + openAge) / mx.nCreated : 0;
  const trustSorted = Float32Array.from(e.trust).sort();
  return {
    scenario: e.scenario.id,
    seed: e.seed,
    days,
    cases: { created: mx.nCreated, closed: mx.nClosed, open, lost: mx.nLost },
    problems: { raised: mx.problems, unreported: mx.unreported, awaitingDiscovery: mx.latent, resurfaced: mx.resurfaced },
    closedAtLevel,
    lostAtLevel,
    lostByReason: { ...mx.lostReason },
    localResolutionShare: mx.localShare(),
    localShareOfClosed: mx.nClosed > 0 ? mx.closedLocally() / mx.nClosed : NaN,
    hoursToClose: mx.closeHours.percentiles(),
    hoursToCloseAll: {
      mean: mx.nClosed + open > 0 ? (closedHoursSum + openAge / 60) / (mx.nClosed + open) : NaN,
      p50: km50,
      p90: km90,
    },
    backlog: {
      open,
      meanAgeHours: open > 0 ? openAge / open / 60 : 0,
      p90AgeHours: open > 0 ? quantileSorted(ages, 0.9) : 0,
      overdue: scan.overdue,
    },
    rework: { redone: mx.reworked, perCase: done > 0 ? mx.reworked / done : NaN },
    contacts: { repeat: mx.repeat, repeatPetitions: mx.repeatPetitions },
    closeHistogram: { edges: [...CLOSE_HOUR_EDGES], counts: Array.from(mx.closeHistogram) },
    hoursToAccept: mx.acceptHours.percentiles(),
    hoursToOnsite: mx.onsiteHours.percentiles(),
    sla: slaShares(met, due),
    slaCounts: Object.fromEntries(SLA_KEYS.map((k, i) => [k, { met: met[i], due: due[i] }])) as Summary['slaCounts'],
    throughputPerDay: mx.nClosed / (T / 1440),
    hopsPerCase: done > 0 ? mx.nHops / done : NaN,
    bouncedPerCase: done > 0 ? mx.nBounces / done : NaN,
    byType,
    byChannel,
    flows,
    levels,
    departments,
    staff: { total: m.staffTotal, byLevel: { ...m.staffByLevel }, cityPosts: m.cityPosts },
    organs: { ...m.organs },
    cost: {
      annualYuan: years > 0 ? m.fixedCostYuanPerYear + variable / years : m.fixedCostYuanPerYear,
      perCaseYuan: mx.nClosed > 0 ? cost.total / mx.nClosed : NaN,
      variablePerCaseYuan: mx.nClosed > 0 ? variable / mx.nClosed : NaN,
      fixedAnnualYuan: m.fixedCostYuanPerYear,
      variableYuan: variable,
      overtimeYuan: cost.overtime,
      failureDemandYuan: cost.failure,
      delayYuan: cost.delay,
    },
    trust: {
      mean: e.trustSum / e.trust.length,
      p10: quantileSorted(trustSorted as unknown as number[], 0.1),
      p50: quantileSorted(trustSorted as unknown as number[], 0.5),
    },
    bypassShare: mx.nCreated > 0 ? mx.nBypass / mx.nCreated : NaN,
    petitions: mx.nPetition,
    littlesLaw: {
      L,
      lambdaPerHour: lambda * 60,
      WHours: W / 60,
      WDoneHours: done > 0 ? mx.sojournSum / done / 60 : NaN,
      relativeError: L > 0 ? Math.abs(L - lambda * W) / L : 0,
    },
    conservation,
    events: e.events,
  };
}
