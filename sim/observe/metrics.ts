/**
 * What a run measures: the engine calls the recorders below as cases are created, close or
 * are lost; they keep their counts in `st` (sim/observe/stats.ts), which a warm-up replaces,
 * and a time series of snapshots. Nothing here changes the simulation. The end-of-run summary
 * is built by sim/observe/summary.ts.
 */
import { CHANNELS, CH_DISCOVERED, CH_HOTLINE, CH_PETITION } from '../kernel/cases.ts';
import { MINUTES_PER_YEAR } from '../kernel/compile.ts';
import type { EngineState } from '../kernel/state.ts';
import { contactCostYuan, delayCostYuan, overtimeYuan, petitionCostYuan } from '../submodels/cost.ts';
import { histogramBin } from './histogram.ts';
import { Samples } from './samples.ts';
import { Stats } from './stats.ts';
import { summarise } from './summary.ts';
import { recordTargets, slaShares, type TargetTimes } from './targets.ts';
import type { Percentiles, Snapshot, Summary } from './types.ts';

export { CLOSE_HOUR_EDGES } from './histogram.ts';

export class Metrics {
  readonly e: EngineState;
  /** The statistics of the window measured (since the start, or since the warm-up ended). */
  st: Stats;
  /** Problems waiting to be found or raised again (state, not a statistic). */
  latent = 0;
  /** Problems raised since the run began: their numbers, which the tracer follows. */
  private problemNumber = 0;
  /** Open cases at the end of each day since the run began (the warm-up included). */
  readonly dailyOpenRun = new Samples();
  private readonly queued: Float64Array;
  private readonly transit: Float64Array;
  private parts = 0;
  private readonly targetTimes: TargetTimes;
  private readonly targetHours = {
    accept: (h: number) => this.st.acceptHours.push(h),
    onsite: (h: number) => this.st.onsiteHours.push(h),
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
    this.queued = new Float64Array(this.nTiers);
    this.transit = new Float64Array(this.nTiers);
    this.lastSnap.busy = new Float64Array(this.nTiers);
    this.lastSnap.cap = new Float64Array(this.nTiers);
    this.targetTimes = { acceptMinutes: engine.scenario.targets.acceptMinutes, onsiteMinutes: engine.scenario.targets.onsiteMinutes };
    this.st = this.freshStats(0, 0, [0, 0, 0, 0]);
  }

  private freshStats(since: number, carriedIn: number, byChannel: number[]): Stats {
    const e = this.e;
    const n = e.model.officeCount;
    const base = {
      busy: new Float64Array(n),
      cap: new Float64Array(n),
      queue: new Float64Array(n),
      overtime: new Float64Array(n),
      served: new Float64Array(n),
    };
    if (since > 0)
      for (let o = 0; o < n; o++) {
        base.busy[o] = e.busyAreaNow(o);
        base.cap[o] = e.capAreaNow(o);
        base.queue[o] = e.queueAreaNow(o);
        base.overtime[o] = e.overtimeAreaNow(o);
        base.served[o] = e.served[o];
      }
    return new Stats(since, this.nTiers, carriedIn, byChannel, base, since > 0 ? e.events : 0);
  }

  /** The warm-up ends: statistics start afresh now, the cases open now carried in. */
  startWindow(): void {
    const byChannel = [0, 0, 0, 0];
    let open = 0;
    this.e.forEachOpenCase((j) => {
      open++;
      byChannel[this.e.jobs.channel[j]]++;
    });
    this.st = this.freshStats(this.e.now, open, byChannel);
  }

  idx(tier: number) {
    return tier < 0 ? this.hotlineIdx : tier;
  }

  /** The integral of open cases over the window, up to now, without changing state. */
  openAreaNow() {
    return this.st.openArea + this.st.open * (this.e.now - this.st.presentLast);
  }

  /** Bring the open-case integral up to now (only when the count is about to change). */
  private integrate() {
    const st = this.st;
    const now = this.e.now;
    const dt = now - st.presentLast;
    if (dt <= 0) return;
    st.openArea += st.open * dt;
    st.presentLast = now;
  }

  get open() {
    return this.st.open;
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

  /** Time a case has spent open within the window, minutes. */
  private inWindow(created: number): number {
    return this.e.now - Math.max(created, this.st.since);
  }

  created(j: number) {
    this.integrate();
    const st = this.st;
    const jobs = this.e.jobs;
    st.nCreated++;
    st.typeCreated[jobs.type[j]]++;
    const ch = jobs.channel[j];
    st.channel[ch]++;
    if (ch === CH_DISCOVERED) {
      // Counted from when its problem arose: the unreported spell is part of its time open.
      const spell = this.inWindow(jobs.created[j]);
      st.openArea += spell;
      st.discovered++;
      st.unreportedMinutes += this.e.now - jobs.created[j];
    }
    if (ch === CH_HOTLINE || ch === CH_PETITION) {
      st.nBypass++;
      st.failureCost += contactCostYuan(this.e.scenario);
      if (ch === CH_PETITION) {
        st.nPetition++;
        st.failureCost += petitionCostYuan(this.e.scenario);
      }
    }
  }

  /** A resident whose case is overdue contacts again: a call, or a petition. */
  repeatContact(petition: boolean) {
    const st = this.st;
    st.repeat++;
    st.failureCost += contactCostYuan(this.e.scenario);
    if (petition) {
      st.repeatPetitions++;
      st.nPetition++;
      st.failureCost += petitionCostYuan(this.e.scenario);
    }
  }

  /** A problem arose; one was never reported and dropped; one nobody reported was raised again. */
  problem(): number {
    this.st.problems++;
    return ++this.problemNumber;
  }

  private overdueDays(j: number, now: number): number {
    return Math.max(0, now - Math.max(this.e.jobs.deadline[j], this.st.since)) / 1440;
  }

  closed(j: number, tier: number) {
    this.integrate();
    const st = this.st;
    const e = this.e;
    const now = e.now;
    const jobs = e.jobs;
    st.nClosed++;
    const created = jobs.created[j];
    const hours = (now - created) / 60;
    st.sojournSum += this.inWindow(created);
    st.closedAtTier[this.idx(tier)]++;
    st.flows[jobs.channel[j] * (this.nTiers + 1) + this.idx(tier)]++;
    st.closeHours.push(hours);
    st.closeHistogram[histogramBin(hours)]++;
    const type = jobs.type[j];
    st.typeClosed[type]++;
    st.typeHours[type] += hours;
    st.nHops += jobs.hops[j];
    st.nBounces += jobs.bounces[j];
    st.overdueDaysEnded += this.overdueDays(j, now);
    this.recordTargets(j, now, 'closed', st.met, st.due);
  }

  lost(j: number, tier: number, reason: string) {
    this.integrate();
    const st = this.st;
    const e = this.e;
    st.nLost++;
    st.sojournSum += this.inWindow(e.jobs.created[j]);
    st.lostAtTier[this.idx(tier)]++;
    st.flows[e.jobs.channel[j] * (this.nTiers + 1) + this.nTiers]++;
    st.lostReason[reason] = (st.lostReason[reason] ?? 0) + 1;
    st.lostHours.push((e.now - e.jobs.created[j]) / 60);
    st.overdueDaysEnded += this.overdueDays(j, e.now);
    st.nHops += e.jobs.hops[j];
    st.nBounces += e.jobs.bounces[j];
    this.recordTargets(j, e.now, 'lost', st.met, st.due);
  }

  /** A case ended (closed or lost): whether its resident was satisfied. */
  ended(satisfied: boolean) {
    this.st.ended++;
    if (satisfied) this.st.satisfied++;
  }

  /** The end of a day: the open cases, for the stability check. */
  daily() {
    this.st.dailyOpen.push(this.st.open);
    this.dailyOpenRun.push(this.st.open);
  }

  /** Count case j against the service targets (sim/observe/targets.ts); hours of finished cases are kept. */
  private recordTargets(j: number, now: number, status: 'closed' | 'lost' | 'open', met: Float64Array, due: Float64Array) {
    recordTargets(this.e.jobs, j, now, status, met, due, this.targetTimes, status === 'open' ? undefined : this.targetHours);
  }

  /** A snapshot of now; `record` adds it to the series and starts a new interval. */
  snapshot(record = true): Snapshot {
    const e = this.e;
    const st = this.st;
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
    const createdIn = st.nCreated - this.lastSnap.created;
    // A case past its deadline counts as missed from the moment the deadline passes.
    const met = st.met.slice();
    const due = st.due.slice();
    const open = this.scanOpen(met, due);
    const s: Snapshot = {
      t: e.now,
      day: e.now / 1440,
      created: st.nCreated,
      closed: st.nClosed,
      lost: st.nLost,
      open: st.open,
      closedInInterval: st.nClosed - this.lastSnap.closed,
      createdInInterval: createdIn,
      presentByTier: present,
      queuedByTier: queued,
      utilisationByTier: util,
      utilisationWeekByTier: utilWeek,
      closedAtTier: Array.from(st.closedAtTier),
      localResolutionShare: this.localShare(),
      overdue: open.overdue,
      costYuan: this.costSoFar(open.overdueDays).administrative,
      trustMean: e.meanTrust(),
      bypassShareInInterval: createdIn > 0 ? (st.nBypass - this.lastSnap.bypass) / createdIn : NaN,
      sla: slaShares(met, due),
    };
    if (record) {
      this.lastSnap = { t: e.now, closed: st.nClosed, created: st.nCreated, bypass: st.nBypass, busy, cap };
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
    return this.st.samplesBytes();
  }

  /** Time to close in the window so far: mean and percentiles, hours. */
  closeStats(): Percentiles {
    return this.st.closeHours.percentiles();
  }

  get closeHistogram(): Float64Array {
    return this.st.closeHistogram;
  }

  /**
   * Where each channel's cases are so far: channels (grid, discovered, hotline, petition) ×
   * (closed at each tier as tierIds(), lost, still open), row-major.
   */
  flowMatrix(): Float64Array {
    const st = this.st;
    const W = this.nTiers + 2;
    const out = new Float64Array(CHANNELS.length * W);
    for (let c = 0; c < CHANNELS.length; c++) {
      let ended = 0;
      for (let t = 0; t <= this.nTiers; t++) {
        const v = st.flows[c * (this.nTiers + 1) + t];
        out[c * W + t] = v;
        ended += v;
      }
      out[c * W + W - 1] = st.channel[c] - ended;
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
      if (t.kind === 'grid' || t.kind === 'community') local += this.st.closedAtTier[i];
    });
    return local;
  }

  /** Closed at grid or community level, of all cases raised (open and lost ones count against it). */
  localShare(): number {
    const all = this.st.carriedIn + this.st.nCreated;
    return all > 0 ? this.closedLocally() / all : NaN;
  }

  /** Open cases: targets they already miss go into met/due; counts, ages and overdue days. */
  scanOpen(met: Float64Array, due: Float64Array, withAges = false) {
    const e = this.e;
    const now = e.now;
    let open = 0;
    let overdue = 0;
    let overdueDays = 0;
    let ageSum = 0;
    let windowSum = 0;
    const ages: number[] = [];
    e.forEachOpenCase((j) => {
      open++;
      const age = now - e.jobs.created[j];
      ageSum += age;
      windowSum += this.inWindow(e.jobs.created[j]);
      if (withAges) ages.push(age / 60);
      const late = this.overdueDays(j, now);
      if (late > 0) overdue++;
      overdueDays += late;
      this.recordTargets(j, now, 'open', met, due);
    });
    return { open, overdue, overdueDays, ageSum, windowSum, ages };
  }

  /**
   * Cost in the window so far, by part, given the overdue days of the cases still open: set
   * by the structure (posts and running costs), produced by the run (overtime, failure
   * demand), administrative (both), and the delay borne by residents (apart).
   */
  costSoFar(openOverdueDays: number) {
    const st = this.st;
    const e = this.e;
    const fixed = (e.model.fixedCostYuanPerYear * (e.now - st.since)) / MINUTES_PER_YEAR;
    const overtime = overtimeYuan(e.model.groups, (o) => e.overtimeAreaNow(o) - st.officeBase.overtime[o], e.scenario.cost.overtimePremium);
    const delay = delayCostYuan(e.scenario, st.overdueDaysEnded + openOverdueDays);
    return { fixed, overtime, failure: st.failureCost, delay, administrative: fixed + overtime + st.failureCost };
  }

  /** The summary at the current time; checks conservation of cases and throws if it fails. */
  summary(days: number): Summary {
    return summarise(this, days);
  }
}

export type { Snapshot, Summary, Percentiles, TimeUseShares } from './types.ts';
export { ConservationError } from './types.ts';
export type { Sla } from './targets.ts';
