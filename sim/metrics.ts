/**
 * What a run measures: counters kept as cases close, a time series of snapshots, and the
 * final summary, per level, per case type and per department. The engine calls the
 * recorders; nothing here changes the simulation.
 */
import { quantile, quantileSorted } from 'simple-statistics';
import { CASE_TYPES, CHANNELS, CH_HOTLINE, CH_PETITION, DIFFICULT } from './cases.ts';
import { MINUTES_PER_YEAR } from './model.ts';
import type { EngineState } from './state.ts';
import type { TimeUse } from './workload.ts';
import { kaplanMeierQuantiles } from './survival.ts';

export interface Snapshot {
  /** Simulated time, minutes. */
  t: number;
  day: number;
  created: number;
  closed: number;
  lost: number;
  open: number;
  /** Cases closed during the interval that ends at t. */
  closedInInterval: number;
  createdInInterval: number;
  /** Cases present at each tier (queued, in service, in transit to it, waiting for parts), by tier id. */
  presentByTier: number[];
  queuedByTier: number[];
  /** Busy share of available staff time during the interval, by tier id (NaN where no staff). */
  utilisationByTier: number[];
  /** The same over the last 7 days (or since the start), which smooths out nights and weekends. */
  utilisationWeekByTier: number[];
  closedAtTier: number[];
  /** Cases closed at grid or community level, as a share of all cases raised so far (open ones included). */
  localResolutionShare: number;
  /** Open cases now past their deadline. */
  overdue: number;
  costYuan: number;
  trustMean: number;
  bypassShareInInterval: number;
  sla: Sla;
}

export interface Sla {
  accept30m: number;
  onsite1h: number;
  close24h: number;
  difficult5wd: number;
}

export interface Percentiles {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

export interface Summary {
  scenario: string;
  seed: number | string;
  days: number;
  cases: { created: number; closed: number; open: number; lost: number };
  /** Problems residents had: raised as cases, never reported and dropped, waiting to be found or raised again, raised again after going unreported. */
  problems: { raised: number; unreported: number; awaitingDiscovery: number; resurfaced: number };
  closedAtLevel: Record<string, number>;
  lostAtLevel: Record<string, number>;
  lostByReason: Record<string, number>;
  /** Closed at grid or community level as a share of all cases raised (open and lost ones count against it). */
  localResolutionShare: number;
  /** The same as a share of closed cases only (what an office reports of its own closures). */
  localShareOfClosed: number;
  /** Time to close of closed cases only: understates times when many are still open. */
  hoursToClose: Percentiles;
  /**
   * Time to close with open cases counted (Kaplan–Meier, open cases censored at their age,
   * lost ones when lost): percentiles are NaN where not reached within the run; the mean
   * counts open cases at their age so far (a lower bound).
   */
  hoursToCloseAll: { mean: number; p50: number; p90: number };
  /** Open cases: how many, how old, how many past their deadline. */
  backlog: { open: number; meanAgeHours: number; p90AgeHours: number; overdue: number };
  /** Work redone because information was lost on the way (control loss), and failure demand. */
  rework: { redone: number; perCase: number };
  contacts: { repeat: number; repeatPetitions: number };
  /** Closed cases by hours to close: counts[i] for hours ≤ edges[i] (and above the previous); the last count is beyond the last edge. */
  closeHistogram: { edges: number[]; counts: number[] };
  hoursToAccept: Percentiles;
  hoursToOnsite: Percentiles;
  sla: Sla;
  slaCounts: Record<keyof Sla, { met: number; due: number }>;
  throughputPerDay: number;
  hopsPerCase: number;
  bouncedPerCase: number;
  byType: Record<string, { created: number; closed: number; meanHoursToClose: number }>;
  byChannel: Record<string, number>;
  /** Where the cases of each channel ended: closed at each tier (ids as closedAtLevel), lost, or still open. */
  flows: Record<string, Record<string, number>>;
  levels: Array<{
    id: string;
    name: string;
    kind: string;
    units: number;
    staff: number;
    closed: number;
    utilisation: number;
    meanQueue: number;
    meanPresent: number;
    /** Cases taken into service (a case passed on counts at each level). */
    served: number;
    /** Mean wait in queue before service (Little's law on the queue: area / served). */
    meanWaitHours: number;
    /** Share of busy staff time worked after hours finishing cases. */
    overtimeShare: number;
    /** How staff time divides, as shares of working time: own duties, burden from above, span duties, case work, idle. */
    timeUse: TimeUseShares;
    /** Busy share of all staff time: non-case work plus case work (what a time-use survey would find). */
    staffUtilisation: number;
  }>;
  departments: Array<{
    id: string;
    name: string;
    staff: number;
    served: number;
    utilisation: number;
    meanQueue: number;
    meanWaitHours: number;
    overtimeShare: number;
    timeUse: TimeUseShares;
    staffUtilisation: number;
  }>;
  staff: { total: number; byLevel: Record<string, number>; cityPosts: number };
  organs: { party: number; government: number; total: number };
  /**
   * Cost. fixedAnnualYuan: posts and running costs of the structure; overtimeYuan, failureDemandYuan
   * (hotline contacts, petitions, repeat contacts) and delayYuan (case-days past deadline) so far;
   * annualYuan: all of it per year; perCaseYuan: all of it so far per case closed.
   */
  cost: {
    annualYuan: number;
    perCaseYuan: number;
    fixedAnnualYuan: number;
    variableYuan: number;
    /** The part of cost per case that load changes: overtime, failure demand and delay, per case closed. */
    variablePerCaseYuan: number;
    overtimeYuan: number;
    failureDemandYuan: number;
    delayYuan: number;
  };
  trust: { mean: number; p10: number; p50: number };
  bypassShare: number;
  petitions: number;
  littlesLaw: { L: number; lambdaPerHour: number; WHours: number; WDoneHours: number; relativeError: number };
  conservation: { created: number; closed: number; open: number; lost: number; ok: boolean };
  events: number;
}

export interface TimeUseShares {
  ownDuties: number;
  burden: number;
  span: number;
  cases: number;
  idle: number;
}

export class ConservationError extends Error {
  constructor(detail: string) {
    super(`case conservation violated: ${detail}`);
    this.name = 'ConservationError';
  }
}

/** A growable array of doubles. */
class Samples {
  data = new Float64Array(1024);
  n = 0;
  push(x: number) {
    if (this.n === this.data.length) {
      const d = new Float64Array(this.n * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = x;
  }
  /** Mean and percentiles by quickselect on a copy (linear time). */
  percentiles(): Percentiles {
    if (this.n === 0) return { mean: NaN, p50: NaN, p90: NaN, p99: NaN };
    const s = this.data.subarray(0, this.n);
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += s[i];
    // Quickselect (linear time) rather than a full sort, on a copy quantile makes of the typed
    // array (an array of numbers copied from it costs about ten times as much).
    const [p50, p90, p99] = quantile(s as unknown as number[], [0.5, 0.9, 0.99]);
    return { mean: sum / this.n, p50, p90, p99 };
  }
}

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

const SLA_KEYS = ['accept30m', 'onsite1h', 'close24h', 'difficult5wd'] as const;

/** Upper edges (hours) of the time-to-close histogram's bins; the last bin is open. */
export const CLOSE_HOUR_EDGES = [0.5, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720];
const EDGES = Float64Array.from(CLOSE_HOUR_EDGES);

function histogramBin(hours: number): number {
  let b = 0;
  while (b < EDGES.length && hours > EDGES[b]) b++;
  return b;
}
const ACCEPT = 0;
const ONSITE = 1;
const CLOSE = 2;
const DIFFICULT_5WD = 3;

export class Metrics {
  private e: EngineState;
  problems = 0;
  unreported = 0;
  latent = 0;
  resurfaced = 0;
  bounced = 0;
  reworked = 0;
  private repeat = 0;
  private repeatPetitions = 0;
  private failureCost = 0;
  /** Case-days past deadline of cases that have ended. */
  private overdueDaysEnded = 0;
  /** Times of lost cases (censored in the Kaplan–Meier estimate). */
  private lostHours = new Samples();
  nCreated = 0;
  nClosed = 0;
  nLost = 0;
  private nHops = 0;
  private nBounces = 0;
  private nBypass = 0;
  private nPetition = 0;
  private closedAtTier: Float64Array;
  private lostAtTier: Float64Array;
  private lostReason: Record<string, number> = {};
  private queued: Float64Array;
  private transit: Float64Array;
  private parts = 0;
  private presentLast = 0;
  private openArea = 0;
  private sojournSum = 0;
  private closeHours = new Samples();
  /** Closed cases by time to close (bins of CLOSE_HOUR_EDGES, plus one open bin). */
  readonly closeHistogram = new Float64Array(CLOSE_HOUR_EDGES.length + 1);
  /** Cases by channel (grid, discovered, hotline, petition) × where they ended: each tier, then lost. */
  readonly flows: Float64Array;
  private acceptHours = new Samples();
  private onsiteHours = new Samples();
  private typeCreated = [0, 0, 0];
  private typeClosed = [0, 0, 0];
  private typeHours = [0, 0, 0];
  private channel = [0, 0, 0, 0];
  /** Cases meeting / due for each target, indexed as SLA_KEYS. */
  private met = new Float64Array(4);
  private due = new Float64Array(4);
  private acceptMinutes: number;
  private onsiteMinutes: number;
  // Interval state for snapshots.
  private lastSnap = { t: 0, closed: 0, created: 0, bypass: 0, busy: new Float64Array(0), cap: new Float64Array(0) };
  /** Cumulative busy and available staff time per tier at each recorded snapshot. */
  private areaHistory: { t: number; busy: Float64Array; cap: Float64Array }[] = [];
  lastSnapshot: Snapshot | undefined;
  readonly series: Snapshot[] = [];
  private readonly nTiers: number;
  private readonly hotlineIdx: number;

  constructor(engine: EngineState) {
    this.e = engine;
    const tiers = engine.model.tiers.length;
    this.nTiers = tiers + 1; // + hotline
    this.hotlineIdx = tiers;
    this.closedAtTier = new Float64Array(this.nTiers);
    this.lostAtTier = new Float64Array(this.nTiers);
    this.queued = new Float64Array(this.nTiers);
    this.transit = new Float64Array(this.nTiers);
    this.flows = new Float64Array(CHANNELS.length * (this.nTiers + 1));
    this.lastSnap.busy = new Float64Array(this.nTiers);
    this.lastSnap.cap = new Float64Array(this.nTiers);
    this.acceptMinutes = engine.scenario.targets.acceptMinutes;
    this.onsiteMinutes = engine.scenario.targets.onsiteMinutes;
  }

  private idx(tier: number) {
    return tier < 0 ? this.hotlineIdx : tier;
  }

  /** The integral of open cases over time, up to now, without changing state. */
  private openAreaNow() {
    return this.openArea + this.open * (this.e.now - this.presentLast);
  }

  /** Bring the open-case integral up to now (only when the count is about to change). */
  private integrate() {
    const now = this.e.now;
    const dt = now - this.presentLast;
    if (dt <= 0) return;
    this.openArea += this.open * dt;
    this.presentLast = now;
  }

  get open() {
    return this.nCreated - this.nClosed - this.nLost;
  }

  tierQueued(tier: number, d: number) {
    this.queued[this.idx(tier)] += d;
  }
  tierTransit(tier: number, d: number) {
    this.transit[this.idx(tier)] += d;
  }
  waitingParts(d: number) {
    this.parts += d;
  }

  created(j: number) {
    this.integrate();
    const jobs = this.e.jobs;
    this.nCreated++;
    this.typeCreated[jobs.type[j]]++;
    const ch = jobs.channel[j];
    this.channel[ch]++;
    if (ch === CH_HOTLINE || ch === CH_PETITION) {
      this.nBypass++;
      const h = this.e.scenario.hotline;
      this.failureCost += h.costPerContactYuan;
      if (ch === CH_PETITION) {
        this.nPetition++;
        this.failureCost += h.petitionCostYuan;
      }
    }
  }

  /** A resident whose case is overdue contacts again: a call, or a petition. */
  repeatContact(petition: boolean) {
    const h = this.e.scenario.hotline;
    this.repeat++;
    this.failureCost += h.costPerContactYuan;
    if (petition) {
      this.repeatPetitions++;
      this.nPetition++;
      this.failureCost += h.petitionCostYuan;
    }
  }

  private overdueDays(j: number, now: number): number {
    return Math.max(0, now - this.e.jobs.deadline[j]) / 1440;
  }

  closed(j: number, tier: number) {
    this.integrate();
    const e = this.e;
    const now = e.now;
    const jobs = e.jobs;
    this.nClosed++;
    const created = jobs.created[j];
    const hours = (now - created) / 60;
    this.sojournSum += now - created;
    this.closedAtTier[this.idx(tier)]++;
    this.flows[jobs.channel[j] * (this.nTiers + 1) + this.idx(tier)]++;
    this.closeHours.push(hours);
    this.closeHistogram[histogramBin(hours)]++;
    const type = jobs.type[j];
    this.typeClosed[type]++;
    this.typeHours[type] += hours;
    this.nHops += jobs.hops[j];
    this.nBounces += jobs.bounces[j];
    this.overdueDaysEnded += this.overdueDays(j, now);
    this.recordTargets(j, now, 'closed', this.met, this.due);
  }

  lost(j: number, tier: number, reason: string) {
    this.integrate();
    this.nLost++;
    this.sojournSum += this.e.now - this.e.jobs.created[j];
    this.lostAtTier[this.idx(tier)]++;
    this.flows[this.e.jobs.channel[j] * (this.nTiers + 1) + this.nTiers]++;
    this.lostReason[reason] = (this.lostReason[reason] ?? 0) + 1;
    this.lostHours.push((this.e.now - this.e.jobs.created[j]) / 60);
    this.overdueDaysEnded += this.overdueDays(j, this.e.now);
    this.nHops += this.e.jobs.hops[j];
    this.nBounces += this.e.jobs.bounces[j];
    this.recordTargets(j, this.e.now, 'lost', this.met, this.due);
  }

  /**
   * Service targets (004). A case counts once it is due: when it is done or lost, or when
   * it is still open past the target at the end of the run; a lost or overdue case is a miss.
   */
  private recordTargets(j: number, now: number, status: 'closed' | 'lost' | 'open', met: Float64Array, due: Float64Array) {
    const jobs = this.e.jobs;
    const created = jobs.created[j];
    const field = jobs.field[j] === 1;
    const finished = status !== 'open';
    if (!field) {
      const acc = jobs.accepted[j];
      if (acc >= 0) {
        due[ACCEPT]++;
        if (acc - created <= this.acceptMinutes) met[ACCEPT]++;
        if (finished) this.acceptHours.push((acc - created) / 60);
      } else if (status === 'lost' || now - created > this.acceptMinutes) due[ACCEPT]++;
    } else {
      const on = jobs.onsite[j];
      if (on >= 0 && on <= now) {
        due[ONSITE]++;
        if (on - created <= this.onsiteMinutes) met[ONSITE]++;
        if (finished) this.onsiteHours.push((on - created) / 60);
      } else if (status === 'lost' || now - created > this.onsiteMinutes) due[ONSITE]++;
    }
    const key = jobs.type[j] === DIFFICULT ? DIFFICULT_5WD : field ? -1 : CLOSE;
    if (key < 0) return;
    const deadline = jobs.deadline[j];
    if (status === 'closed') {
      due[key]++;
      if (now <= deadline) met[key]++;
    } else if (status === 'lost' || now > deadline) due[key]++;
  }

  /** A snapshot of now; `record` adds it to the series and starts a new interval. */
  snapshot(record = true): Snapshot {
    const e = this.e;
    const m = e.model;
    const busy = new Float64Array(this.nTiers);
    const cap = new Float64Array(this.nTiers);
    const inService = new Float64Array(this.nTiers);
    m.groups.forEach((g) => {
      const i = this.idx(g.tier);
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
        busy[i] += e.busyAreaNow(o);
        cap[i] += e.capAreaNow(o);
        inService[i] += e.busy[o];
      }
    });
    const present: number[] = [];
    const queued: number[] = [];
    const util: number[] = [];
    for (let i = 0; i < this.nTiers; i++) {
      present.push(this.queued[i] + this.transit[i] + inService[i] + (i === m.deptTier ? this.parts : 0));
      queued.push(this.queued[i]);
      const dc = cap[i] - this.lastSnap.cap[i];
      util.push(dc > 0 ? (busy[i] - this.lastSnap.busy[i]) / dc : NaN);
    }
    // A week back: the latest recorded snapshot at least 7 days old (or the start).
    let back: { busy: Float64Array; cap: Float64Array } = { busy: new Float64Array(this.nTiers), cap: new Float64Array(this.nTiers) };
    for (let k = this.areaHistory.length - 1; k >= 0; k--)
      if (this.areaHistory[k].t <= e.now - 7 * 1440) {
        back = this.areaHistory[k];
        break;
      }
    const utilWeek: number[] = [];
    for (let i = 0; i < this.nTiers; i++) {
      const dc = cap[i] - back.cap[i];
      utilWeek.push(dc > 0 ? (busy[i] - back.busy[i]) / dc : NaN);
    }
    const createdIn = this.nCreated - this.lastSnap.created;
    // A case past its deadline counts as missed from the moment the deadline passes.
    const met = this.met.slice();
    const due = this.due.slice();
    const open = this.scanOpen(met, due);
    const s: Snapshot = {
      t: e.now,
      day: e.now / 1440,
      created: this.nCreated,
      closed: this.nClosed,
      lost: this.nLost,
      open: this.open,
      closedInInterval: this.nClosed - this.lastSnap.closed,
      createdInInterval: createdIn,
      presentByTier: present,
      queuedByTier: queued,
      utilisationByTier: util,
      utilisationWeekByTier: utilWeek,
      closedAtTier: Array.from(this.closedAtTier),
      localResolutionShare: this.localShare(),
      overdue: open.overdue,
      costYuan: this.costSoFar(open.overdueDays).total,
      trustMean: e.trustSum / e.trust.length,
      bypassShareInInterval: createdIn > 0 ? (this.nBypass - this.lastSnap.bypass) / createdIn : NaN,
      sla: this.slaShares(met, due),
    };
    if (record) {
      this.lastSnap = { t: e.now, closed: this.nClosed, created: this.nCreated, bypass: this.nBypass, busy, cap };
      this.areaHistory.push({ t: e.now, busy, cap });
      // Keep only what a week's window can still need.
      while (this.areaHistory.length > 2 && this.areaHistory[1].t <= e.now - 7 * 1440) this.areaHistory.shift();
      this.lastSnapshot = s;
      this.series.push(s);
    }
    return s;
  }

  /** Time to close so far: mean and percentiles, hours. */
  closeStats(): Percentiles {
    return this.closeHours.percentiles();
  }

  /**
   * Where each channel's cases are so far: channels (grid, discovered, hotline, petition) ×
   * (closed at each tier as tierIds(), lost, still open), row-major.
   */
  flowMatrix(): Float64Array {
    const W = this.nTiers + 2;
    const out = new Float64Array(CHANNELS.length * W);
    for (let c = 0; c < CHANNELS.length; c++) {
      let ended = 0;
      for (let t = 0; t <= this.nTiers; t++) {
        const v = this.flows[c * (this.nTiers + 1) + t];
        out[c * W + t] = v;
        ended += v;
      }
      out[c * W + W - 1] = this.channel[c] - ended;
    }
    return out;
  }

  /** Names of the tiers as the metrics index them (the last is the hotline). */
  tierIds(): string[] {
    return [...this.e.model.tiers.map((t) => t.id), 'hotline'];
  }

  private closedLocally(): number {
    let local = 0;
    this.e.model.tiers.forEach((t, i) => {
      if (t.kind === 'grid' || t.kind === 'community') local += this.closedAtTier[i];
    });
    return local;
  }

  /** Closed at grid or community level, of all cases raised (open and lost ones count against it). */
  private localShare(): number {
    return this.nCreated > 0 ? this.closedLocally() / this.nCreated : NaN;
  }

  /** Open cases: targets they already miss go into met/due; counts, ages and overdue days. */
  private scanOpen(met: Float64Array, due: Float64Array, withAges = false) {
    const e = this.e;
    const now = e.now;
    let open = 0;
    let overdue = 0;
    let overdueDays = 0;
    let ageSum = 0;
    const ages: number[] = [];
    e.forEachOpenCase((j) => {
      open++;
      const age = now - e.jobs.created[j];
      ageSum += age;
      if (withAges) ages.push(age / 60);
      const late = this.overdueDays(j, now);
      if (late > 0) overdue++;
      overdueDays += late;
      this.recordTargets(j, now, 'open', met, due);
    });
    return { open, overdue, overdueDays, ageSum, ages };
  }

  /** Overtime worked so far, paid at the post's cost × the overtime premium. */
  private overtimeCost(): number {
    const e = this.e;
    const premium = e.scenario.cost.overtimePremium;
    let yuan = 0;
    for (const g of e.model.groups) {
      const perMinute = g.time.hoursPerWeek > 0 ? g.costPerPostYuan / (g.time.hoursPerWeek * 52 * 60) : 0;
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) yuan += e.overtimeAreaNow(o) * perMinute * premium;
    }
    return yuan;
  }

  /** Cost so far, by part, given the overdue days of the cases still open. */
  private costSoFar(openOverdueDays: number) {
    const fixed = (this.e.model.fixedCostYuanPerYear * this.e.now) / MINUTES_PER_YEAR;
    const overtime = this.overtimeCost();
    const delay = (this.overdueDaysEnded + openOverdueDays) * this.e.scenario.cost.delayYuanPerCaseDay;
    return { fixed, overtime, failure: this.failureCost, delay, total: fixed + overtime + this.failureCost + delay };
  }

  private slaShares(met: Float64Array, due: Float64Array): Sla {
    const out = {} as Sla;
    SLA_KEYS.forEach((k, i) => (out[k] = due[i] > 0 ? met[i] / due[i] : NaN));
    return out;
  }

  /** The summary at the current time; checks conservation of cases and throws if it fails. */
  summary(days: number): Summary {
    const e = this.e;
    const m = e.model;
    // Open cases: count them, and those past a target as misses.
    const met = this.met.slice();
    const due = this.due.slice();
    const scan = this.scanOpen(met, due, true);
    const open = scan.open;
    const openAge = scan.ageSum;
    const conservation = {
      created: this.nCreated,
      closed: this.nClosed,
      open,
      lost: this.nLost,
      ok: this.nCreated === this.nClosed + open + this.nLost && open === this.open,
    };
    if (!conservation.ok)
      throw new ConservationError(
        `created ${this.nCreated} ≠ closed ${this.nClosed} + open ${open} + lost ${this.nLost} (open counter ${this.open})`,
      );
    const ids = this.tierIds();
    const closedAtLevel: Record<string, number> = {};
    const lostAtLevel: Record<string, number> = {};
    ids.forEach((id, i) => {
      closedAtLevel[id] = this.closedAtTier[i];
      lostAtLevel[id] = this.lostAtTier[i];
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
          closed: this.closedAtTier[g.tier],
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
        created: this.typeCreated[i],
        closed: this.typeClosed[i],
        meanHoursToClose: this.typeClosed[i] > 0 ? this.typeHours[i] / this.typeClosed[i] : NaN,
      };
    });
    const byChannel: Record<string, number> = {};
    CHANNELS.forEach((c, i) => (byChannel[c] = this.channel[i]));
    const flows: Summary['flows'] = {};
    const matrix = this.flowMatrix();
    const width = this.nTiers + 2;
    CHANNELS.forEach((c, ci) => {
      const row: Record<string, number> = {};
      [...ids, 'lost', 'open'].forEach((id, k) => (row[id] = matrix[ci * width + k]));
      flows[c] = row;
    });
    const cost = this.costSoFar(scan.overdueDays);
    const variable = cost.overtime + cost.failure + cost.delay;
    const years = e.now / MINUTES_PER_YEAR;
    const closedTimes = this.closeHours.data.subarray(0, this.closeHours.n);
    const censored = new Float64Array(scan.ages.length + this.lostHours.n);
    censored.set(scan.ages);
    censored.set(this.lostHours.data.subarray(0, this.lostHours.n), scan.ages.length);
    const [km50, km90] = kaplanMeierQuantiles(closedTimes, censored, [0.5, 0.9]);
    let closedHoursSum = 0;
    for (let i = 0; i < closedTimes.length; i++) closedHoursSum += closedTimes[i];
    const ages = scan.ages.sort((a, b) => a - b);
    const done = this.nClosed + this.nLost;
    // Little's law over the run: the time-average number of open cases against the arrival
    // rate × the mean time in system (open cases counted up to now). In steady state the
    // mean over cases that left (WDoneHours) gives the same.
    const L = this.openAreaNow() / T;
    const lambda = this.nCreated / T;
    const W = this.nCreated > 0 ? (this.sojournSum + openAge) / this.nCreated : 0;
    const trustSorted = Float32Array.from(e.trust).sort();
    return {
      scenario: e.scenario.id,
      seed: e.seed,
      days,
      cases: { created: this.nCreated, closed: this.nClosed, open, lost: this.nLost },
      problems: { raised: this.problems, unreported: this.unreported, awaitingDiscovery: this.latent, resurfaced: this.resurfaced },
      closedAtLevel,
      lostAtLevel,
      lostByReason: { ...this.lostReason },
      localResolutionShare: this.localShare(),
      localShareOfClosed: this.nClosed > 0 ? this.closedLocally() / this.nClosed : NaN,
      hoursToClose: this.closeHours.percentiles(),
      hoursToCloseAll: {
        mean: this.nClosed + open > 0 ? (closedHoursSum + openAge / 60) / (this.nClosed + open) : NaN,
        p50: km50,
        p90: km90,
      },
      backlog: {
        open,
        meanAgeHours: open > 0 ? openAge / open / 60 : 0,
        p90AgeHours: open > 0 ? quantileSorted(ages, 0.9) : 0,
        overdue: scan.overdue,
      },
      rework: { redone: this.reworked, perCase: done > 0 ? this.reworked / done : NaN },
      contacts: { repeat: this.repeat, repeatPetitions: this.repeatPetitions },
      closeHistogram: { edges: [...CLOSE_HOUR_EDGES], counts: Array.from(this.closeHistogram) },
      hoursToAccept: this.acceptHours.percentiles(),
      hoursToOnsite: this.onsiteHours.percentiles(),
      sla: this.slaShares(met, due),
      slaCounts: Object.fromEntries(SLA_KEYS.map((k, i) => [k, { met: met[i], due: due[i] }])) as Summary['slaCounts'],
      throughputPerDay: this.nClosed / (T / 1440),
      hopsPerCase: done > 0 ? this.nHops / done : NaN,
      bouncedPerCase: done > 0 ? this.nBounces / done : NaN,
      byType,
      byChannel,
      flows,
      levels,
      departments,
      staff: { total: m.staffTotal, byLevel: { ...m.staffByLevel }, cityPosts: m.cityPosts },
      organs: { ...m.organs },
      cost: {
        annualYuan: years > 0 ? m.fixedCostYuanPerYear + variable / years : m.fixedCostYuanPerYear,
        perCaseYuan: this.nClosed > 0 ? cost.total / this.nClosed : NaN,
        variablePerCaseYuan: this.nClosed > 0 ? variable / this.nClosed : NaN,
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
      bypassShare: this.nCreated > 0 ? this.nBypass / this.nCreated : NaN,
      petitions: this.nPetition,
      littlesLaw: {
        L,
        lambdaPerHour: lambda * 60,
        WHours: W / 60,
        WDoneHours: done > 0 ? this.sojournSum / done / 60 : NaN,
        relativeError: L > 0 ? Math.abs(L - lambda * W) / L : 0,
      },
      conservation,
      events: e.events,
    };
  }
}
