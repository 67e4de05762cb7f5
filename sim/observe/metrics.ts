/**
 * What a run measures: counters kept as cases are created, close or are lost, and a time
 * series of snapshots. The engine calls the recorders; nothing here changes the simulation.
 * The end-of-run summary is built from these counters by sim/observe/summary.ts.
 */
import { CHANNELS, CH_HOTLINE, CH_PETITION } from '../kernel/cases.ts';
import { MINUTES_PER_YEAR } from '../kernel/compile.ts';
import type { EngineState } from '../kernel/state.ts';
import { contactCostYuan, delayCostYuan, overtimeYuan, petitionCostYuan } from '../submodels/cost.ts';
import { Samples } from './samples.ts';
import { summarise } from './summary.ts';
import { recordTargets, slaShares, type TargetTimes } from './targets.ts';
import { CLOSE_HOUR_EDGES, type Percentiles, type Snapshot, type Summary } from './types.ts';

export { CLOSE_HOUR_EDGES };
const EDGES = Float64Array.from(CLOSE_HOUR_EDGES);

function histogramBin(hours: number): number {
  let b = 0;
  while (b < EDGES.length && hours > EDGES[b]) b++;
  return b;
}

export class Metrics {
  readonly e: EngineState;
  problems = 0;
  unreported = 0;
  latent = 0;
  resurfaced = 0;
  bounced = 0;
  reworked = 0;
  repeat = 0;
  repeatPetitions = 0;
  failureCost = 0;
  /** Case-days past deadline of cases that have ended. */
  overdueDaysEnded = 0;
  /** Times of lost cases (censored in the Kaplan–Meier estimate). */
  readonly lostHours = new Samples();
  nCreated = 0;
  nClosed = 0;
  nLost = 0;
  nHops = 0;
  nBounces = 0;
  nBypass = 0;
  nPetition = 0;
  readonly closedAtTier: Float64Array;
  readonly lostAtTier: Float64Array;
  readonly lostReason: Record<string, number> = {};
  private queued: Float64Array;
  private transit: Float64Array;
  private parts = 0;
  private presentLast = 0;
  private openArea = 0;
  sojournSum = 0;
  readonly closeHours = new Samples();
  /** Closed cases by time to close (bins of CLOSE_HOUR_EDGES, plus one open bin). */
  readonly closeHistogram = new Float64Array(CLOSE_HOUR_EDGES.length + 1);
  /** Cases by channel (grid, discovered, hotline, petition) × where they ended: each tier, then lost. */
  readonly flows: Float64Array;
  readonly acceptHours = new Samples();
  readonly onsiteHours = new Samples();
  readonly typeCreated = [0, 0, 0];
  readonly typeClosed = [0, 0, 0];
  readonly typeHours = [0, 0, 0];
  readonly channel = [0, 0, 0, 0];
  /** Cases meeting / due for each target, indexed as SLA_KEYS. */
  readonly met = new Float64Array(4);
  readonly due = new Float64Array(4);
  private readonly targetTimes: TargetTimes;
  private readonly targetHours = {
    accept: (h: number) => this.acceptHours.push(h),
    onsite: (h: number) => this.onsiteHours.push(h),
  };
  // Interval state for snapshots.
  private lastSnap = { t: 0, closed: 0, created: 0, bypass: 0, busy: new Float64Array(0), cap: new Float64Array(0) };
  /** Cumulative busy and available staff time per tier at each recorded snapshot. */
  private areaHistory: { t: number; busy: Float64Array; cap: Float64Array }[] = [];
  lastSnapshot: Snapshot | undefined;
  readonly series: Snapshot[] = [];
  readonly nTiers: number;
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
    this.targetTimes = { acceptMinutes: engine.scenario.targets.acceptMinutes, onsiteMinutes: engine.scenario.targets.onsiteMinutes };
  }

  idx(tier: number) {
    return tier < 0 ? this.hotlineIdx : tier;
  }

  /** The integral of open cases over time, up to now, without changing state. */
  openAreaNow() {
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
      this.failureCost += contactCostYuan(this.e.scenario);
      if (ch === CH_PETITION) {
        this.nPetition++;
        this.failureCost += petitionCostYuan(this.e.scenario);
      }
    }
  }

  /** A resident whose case is overdue contacts again: a call, or a petition. */
  repeatContact(petition: boolean) {
    this.repeat++;
    this.failureCost += contactCostYuan(this.e.scenario);
    if (petition) {
      this.repeatPetitions++;
      this.nPetition++;
      this.failureCost += petitionCostYuan(this.e.scenario);
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

  /** Count case j against the service targets (sim/observe/targets.ts); hours of finished cases are kept. */
  private recordTargets(j: number, now: number, status: 'closed' | 'lost' | 'open', met: Float64Array, due: Float64Array) {
    recordTargets(this.e.jobs, j, now, status, met, due, this.targetTimes, status === 'open' ? undefined : this.targetHours);
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
      sla: slaShares(met, due),
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

  /** Bytes held by the times kept for exact percentiles. */
  samplesBytes(): number {
    return [this.closeHours, this.acceptHours, this.onsiteHours, this.lostHours].reduce((a, x) => a + x.data.byteLength, 0);
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

  closedLocally(): number {
    let local = 0;
    this.e.model.tiers.forEach((t, i) => {
      if (t.kind === 'grid' || t.kind === 'community') local += this.closedAtTier[i];
    });
    return local;
  }

  /** Closed at grid or community level, of all cases raised (open and lost ones count against it). */
  localShare(): number {
    return this.nCreated > 0 ? this.closedLocally() / this.nCreated : NaN;
  }

  /** Open cases: targets they already miss go into met/due; counts, ages and overdue days. */
  scanOpen(met: Float64Array, due: Float64Array, withAges = false) {
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

  /** Cost so far, by part, given the overdue days of the cases still open. */
  costSoFar(openOverdueDays: number) {
    const fixed = (this.e.model.fixedCostYuanPerYear * this.e.now) / MINUTES_PER_YEAR;
    const overtime = overtimeYuan(this.e.model.groups, (o) => this.e.overtimeAreaNow(o), this.e.scenario.cost.overtimePremium);
    const delay = delayCostYuan(this.e.scenario, this.overdueDaysEnded + openOverdueDays);
    return { fixed, overtime, failure: this.failureCost, delay, total: fixed + overtime + this.failureCost + delay };
  }

  /** The summary at the current time; checks conservation of cases and throws if it fails. */
  summary(days: number): Summary {
    return summarise(this, days);
  }
}

export type { Snapshot, Summary, Percentiles, TimeUseShares } from './types.ts';
export { ConservationError } from './types.ts';
export type { Sla } from './targets.ts';
