/**
 * The summary of a run at the present time, built from the metrics' counters and the state
 * of the offices, residents and open cases: counts, where cases closed, times to close (with
 * open cases counted by Kaplan–Meier), service targets, per level and per department figures,
 * time use, cost, trust, and the checks every run must pass (Little's law, conservation of cases).
 */
import { quantileSorted } from 'simple-statistics';
import { CASE_TYPES, CHANNELS } from '../kernel/cases.ts';
import { MINUTES_PER_YEAR } from '../kernel/compile.ts';
import type { EngineState } from '../kernel/state.ts';
import type { TimeUse } from '../submodels/workload.ts';
import type { Samples } from './samples.ts';
import type { Stats } from './stats.ts';
import { CLOSE_HOUR_EDGES } from './histogram.ts';
import { stabilityOf } from './stability.ts';
import { kaplanMeierQuantiles } from './survival.ts';
import { SLA_KEYS, slaShares } from './targets.ts';
import { ConservationError, type Summary, type TimeUseShares } from './types.ts';

/** Shares of working time given the office's time budget and its case servers' utilisation. */
function timeUseOf(t: TimeUse, utilisation: number): { timeUse: TimeUseShares; staffUtilisation: number } {
  const total = t.staff * t.postHours;
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

/** What the summary reads of the metrics (sim/observe/metrics.ts Metrics). */
export interface MetricsView {
  readonly e: EngineState;
  readonly st: Stats;
  readonly latent: number;
  readonly nTiers: number;
  readonly dailyOpenRun: Samples;
  scanOpen(
    met: Float64Array,
    due: Float64Array,
    withAges?: boolean,
  ): { open: number; overdue: number; overdueDays: number; ageSum: number; windowSum: number; ages: number[] };
  tierIds(): string[];
  flowMatrix(): Float64Array;
  openAreaNow(): number;
  localShare(): number;
  closedLocally(): number;
  costSoFar(openOverdueDays: number): { fixed: number; overtime: number; failure: number; delay: number; administrative: number };
}

/** The summary at the current time; checks conservation of cases and throws if it fails. */
export function summarise(mx: MetricsView, days: number): Summary {
  const e = mx.e;
  const m = e.model;
  const st = mx.st;
  const base = st.officeBase;
  // Open cases: count them, and those past a target as misses.
  const met = st.met.slice();
  const due = st.due.slice();
  const scan = mx.scanOpen(met, due, true);
  const open = scan.open;
  const openAge = scan.ageSum;
  const all = st.carriedIn + st.nCreated;
  const conservation = {
    carriedIn: st.carriedIn,
    created: st.nCreated,
    closed: st.nClosed,
    open,
    lost: st.nLost,
    ok: all === st.nClosed + open + st.nLost && open === st.open,
  };
  if (!conservation.ok)
    throw new ConservationError(
      `carried in ${st.carriedIn} + created ${st.nCreated} ≠ closed ${st.nClosed} + open ${open} + lost ${st.nLost} (open counter ${st.open})`,
    );
  const ids = mx.tierIds();
  const closedAtLevel: Record<string, number> = {};
  const lostAtLevel: Record<string, number> = {};
  ids.forEach((id, i) => {
    closedAtLevel[id] = st.closedAtTier[i];
    lostAtLevel[id] = st.lostAtTier[i];
  });
  const T = Math.max(e.now - st.since, 1e-9);
  const busyOf = (o: number) => e.busyAreaNow(o) - base.busy[o];
  const capOf = (o: number) => e.capAreaNow(o) - base.cap[o];
  const queueOf = (o: number) => e.queueAreaNow(o) - base.queue[o];
  const overtimeOf = (o: number) => e.overtimeAreaNow(o) - base.overtime[o];
  const servedOf = (o: number) => e.served[o] - base.served[o];
  const levels = m.groups
    .filter((g) => g.kind === 'level')
    .map((g) => {
      let b = 0,
        c = 0,
        q = 0,
        served = 0,
        ot = 0;
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
        ot += overtimeOf(o);
        b += busyOf(o);
        c += capOf(o);
        q += queueOf(o);
        served += servedOf(o);
      }
      return {
        id: g.id,
        name: g.name,
        kind: m.tiers[g.tier].kind,
        units: g.offices,
        staff: g.offices * g.staffPerOffice,
        closed: st.closedAtTier[g.tier],
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
      const b = busyOf(o);
      const c = capOf(o);
      const q = queueOf(o);
      const served = servedOf(o);
      return {
        id: g.id,
        name: g.name,
        staff: g.staffPerOffice,
        served,
        utilisation: c > 0 ? b / c : NaN,
        meanQueue: q / T,
        meanWaitHours: served > 0 ? q / served / 60 : NaN,
        overtimeShare: b > 0 ? overtimeOf(o) / b : 0,
        ...timeUseOf(g.time, c > 0 ? b / c : 0),
      };
    });
  const byType: Summary['byType'] = {};
  CASE_TYPES.forEach((name, i) => {
    byType[name] = {
      created: st.typeCreated[i],
      closed: st.typeClosed[i],
      meanHoursToClose: st.typeClosed[i] > 0 ? st.typeHours[i] / st.typeClosed[i] : NaN,
    };
  });
  const byChannel: Record<string, number> = {};
  CHANNELS.forEach((c, i) => (byChannel[c] = st.channel[i]));
  const flows: Summary['flows'] = {};
  const matrix = mx.flowMatrix();
  const width = mx.nTiers + 2;
  CHANNELS.forEach((c, ci) => {
    const row: Record<string, number> = {};
    [...ids, 'lost', 'open'].forEach((id, k) => (row[id] = matrix[ci * width + k]));
    flows[c] = row;
  });
  const cost = mx.costSoFar(scan.overdueDays);
  const produced = cost.overtime + cost.failure;
  const years = T / MINUTES_PER_YEAR;
  const closedTimes = st.closeHours.data.subarray(0, st.closeHours.n);
  const censored = new Float64Array(scan.ages.length + st.lostHours.n);
  censored.set(scan.ages);
  censored.set(st.lostHours.data.subarray(0, st.lostHours.n), scan.ages.length);
  const [km50, km90] = kaplanMeierQuantiles(closedTimes, censored, [0.5, 0.9]);
  let closedHoursSum = 0;
  for (let i = 0; i < closedTimes.length; i++) closedHoursSum += closedTimes[i];
  const ages = scan.ages.sort((a, b) => a - b);
  const done = st.nClosed + st.nLost;
  // Little's law over the window: the time-average number of open cases against the arrival
  // rate × the mean time in the window (cases carried in from their start, open ones counted
  // up to now). In steady state the mean over cases that left (WDoneHours) gives the same.
  const L = mx.openAreaNow() / T;
  const lambda = all / T;
  const W = all > 0 ? (st.sojournSum + scan.windowSum) / all : 0;
  const trust = e.trustStats([0.1, 0.5, 0.9]);
  const stability = stabilityOf(
    st.dailyOpen.data.subarray(0, st.dailyOpen.n),
    [...levels, ...departments],
    mx.dailyOpenRun.data.subarray(0, mx.dailyOpenRun.n),
  );
  return {
    scenario: e.scenario.id,
    seed: e.seed,
    days,
    warmup: { days: st.since / 1440, carriedIn: st.carriedIn },
    cases: { created: st.nCreated, closed: st.nClosed, open, lost: st.nLost },
    problems: {
      raised: st.problems,
      reportedAtOnce: st.reportedAtOnce,
      unreported: st.unreported,
      awaitingDiscovery: mx.latent,
      resurfaced: st.resurfaced,
      keptSilent: st.keptSilent,
      discovered: st.discovered,
      meanHoursUnreported: st.discovered > 0 ? st.unreportedMinutes / st.discovered / 60 : NaN,
    },
    closedAtLevel,
    lostAtLevel,
    lostByReason: { ...st.lostReason },
    localResolutionShare: mx.localShare(),
    localShareOfClosed: st.nClosed > 0 ? mx.closedLocally() / st.nClosed : NaN,
    hoursToClose: st.closeHours.percentiles(),
    hoursToCloseAll: {
      mean: st.nClosed + open > 0 ? (closedHoursSum + openAge / 60) / (st.nClosed + open) : NaN,
      p50: km50,
      p90: km90,
    },
    backlog: {
      open,
      meanAgeHours: open > 0 ? openAge / open / 60 : 0,
      p90AgeHours: open > 0 ? quantileSorted(ages, 0.9) : 0,
      overdue: scan.overdue,
    },
    rework: { redone: st.reworked, perCase: done > 0 ? st.reworked / done : NaN },
    help: {
      asked: st.asked,
      unanswered: st.helpUnanswered,
      timedOut: st.helpTimedOut,
      escalatedOverdue: st.escalated,
      reopened: st.reopened,
    },
    contacts: { repeat: st.repeat, repeatPetitions: st.repeatPetitions },
    closeHistogram: { edges: [...CLOSE_HOUR_EDGES], counts: Array.from(st.closeHistogram) },
    hoursToAccept: st.acceptHours.percentiles(),
    hoursToOnsite: st.onsiteHours.percentiles(),
    sla: slaShares(met, due),
    slaCounts: Object.fromEntries(SLA_KEYS.map((k, i) => [k, { met: met[i], due: due[i] }])) as Summary['slaCounts'],
    throughputPerDay: st.nClosed / (T / 1440),
    hopsPerCase: done > 0 ? st.nHops / done : NaN,
    bouncedPerCase: done > 0 ? st.nBounces / done : NaN,
    byType,
    byChannel,
    flows,
    levels,
    departments,
    staff: { total: m.staffTotal, byLevel: { ...m.staffByLevel }, cityPosts: m.cityPosts },
    organs: { ...m.organs },
    cost: {
      annualYuan: years > 0 ? m.fixedCostYuanPerYear + produced / years : m.fixedCostYuanPerYear,
      perCaseYuan: st.nClosed > 0 ? cost.administrative / st.nClosed : NaN,
      fixedAnnualYuan: m.fixedCostYuanPerYear,
      producedAnnualYuan: years > 0 ? produced / years : 0,
      variablePerCaseYuan: st.nClosed > 0 ? produced / st.nClosed : NaN,
      variableYuan: produced,
      overtimeYuan: cost.overtime,
      failureDemandYuan: cost.failure,
      delayYuan: cost.delay,
      delayAnnualYuan: years > 0 ? cost.delay / years : 0,
    },
    satisfaction: st.ended > 0 ? st.satisfied / st.ended : NaN,
    trust: { mean: trust.mean, p10: trust.quantiles[0], p50: trust.quantiles[1], p90: trust.quantiles[2], sd: trust.sd },
    bypassShare: all > 0 ? st.nBypass / all : NaN,
    petitions: st.nPetition,
    littlesLaw: {
      L,
      lambdaPerHour: lambda * 60,
      WHours: W / 60,
      WDoneHours: done > 0 ? st.sojournSum / done / 60 : NaN,
      relativeError: L > 0 ? Math.abs(L - lambda * W) / L : 0,
    },
    stability,
    conservation,
    events: e.events - st.eventsBase,
  };
}
