/**
 * The discrete-event engine. Time is in minutes. State lives in typed arrays: offices
 * (multi-server queues with two classes, field first), jobs (cases and the department
 * parts of collaborative cases, with a free list) and residents (trust). One merged
 * Poisson stream carries every resident's problems (its rate is piecewise constant: day,
 * night and shocks; each resident class has its own rate), so only a handful of events
 * are pending at any time.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { isOpen, nextBoundary, addWorkingMinutes } from './calendar.ts';
import { durationSampler, type Sampler } from './duration.ts';
import { EventHeap } from './heap.ts';
import { compileModel, serversFor, unitOf, MINUTES_PER_YEAR, type CompiledModel } from './model.ts';
import { infoKeptDown, infoKeptUp, reworkChance } from './control-loss.ts';
import * as R from './residents.ts';
import { petitionChance, repeatContactChance, reportChannel, trustAfter, trustAfterWaitingDay } from './residents.ts';
import { exp, exponential, streams, type Random, type StreamName } from './rng.ts';
import { Metrics } from './metrics.ts';
import * as C from './cases.ts';
import type { EngineState } from './state.ts';
import type { Tracer } from './trace.ts';

// Event kinds (low 4 bits of an event code).
const EV_ARRIVAL = 0;
const EV_SERVICE_END = 1;
const EV_TRANSFER = 2;
const EV_DISCOVERY = 3;
const EV_CALENDAR = 4;
const EV_SNAPSHOT = 5;
const EV_SHOCK = 6;
const EV_RATE = 7;
const EV_RESURFACE = 8;
const EV_DAILY = 9;

// Job stages: what the service at the current office does.
const ST_SOLVE = 0;
const ST_EXAMINE = 1;
const ST_HOTLINE = 2;
const ST_TRIAGE = 3;
const ST_PART = 4;
const ST_COORD = 5;
const ST_CONTACT = 6;

export { GENERAL, COLLABORATIVE, DIFFICULT, CASE_TYPES, CH_GRID, CH_DISCOVERED, CH_HOTLINE, CH_PETITION, CHANNELS } from './cases.ts';

// Plain module constants on the hot path (imported bindings can be accessors once transpiled).
const { GENERAL, COLLABORATIVE, DIFFICULT, CH_GRID, CH_DISCOVERED, CH_HOTLINE, CH_PETITION } = C;
const { OUTCOME_LATE, OUTCOME_LOST, OUTCOME_ON_TIME, REPORT_GRID, REPORT_PETITION, REPORT_SILENT } = R;

/** Night, when residents raise fewer problems: 22:00 to 07:00. */
const NIGHT_START = 22 * 60;
const NIGHT_END = 7 * 60;
const NIGHT_HOURS = 9;

const F_LATENT = 1; // a problem not yet discovered: not a case
const F_RETURNING = 2; // travelling back to its sender after a return
const F_BOUNCED = 4;
const F_CONTACT = 8; // a repeat contact (failure demand): work for the hotline, not a case
const F_TRACED = 16; // followed by the tracer (sim/trace.ts)

export interface EngineOptions {
  seed: number | string;
  /** Interval of the time series, in minutes (default one day). 0 turns it off. */
  snapshotEveryMinutes?: number;
  onSnapshot?: (s: import('./metrics.ts').Snapshot) => void;
  /** Follows chosen problems through the run (draws nothing: results are the same without it). */
  tracer?: Tracer;
}

export class Engine implements EngineState {
  readonly model: CompiledModel;
  readonly scenario: Scenario;
  readonly seed: number | string;
  now = 0;
  events = 0;
  readonly metrics: Metrics;

  private heap = new EventHeap(4096);
  private rng: Record<StreamName, Random>;
  private onSnapshot?: (s: import('./metrics.ts').Snapshot) => void;
  private snapshotEvery: number;
  readonly tracer?: Tracer;

  // Offices.
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  private capOpen: Int32Array;
  private capOnCall: Int32Array;
  /** Speed of each server of an office now, and in and out of hours (fractional staff). */
  private speed: Float64Array;
  private speedOpen: Float64Array;
  private speedOnCall: Float64Array;
  private open: Uint8Array;
  private qFieldHead: Int32Array;
  private qFieldTail: Int32Array;
  private qOtherHead: Int32Array;
  private qOtherTail: Int32Array;
  readonly qLen: Int32Array;
  // Time integrals per office, brought up to date by touch().
  readonly busyArea: Float64Array;
  readonly capArea: Float64Array;
  readonly qArea: Float64Array;
  readonly overtimeArea: Float64Array;
  private lastTouch: Float64Array;
  readonly served: Float64Array;

  /** Tier of each office (the hotline is -1). */
  private officeTier: Int32Array;

  // Per group.
  private solveS: Sampler[];
  private examineS: Sampler[];
  private capMult: Float64Array;
  private groupCal: Int32Array;

  // Jobs.
  private jobCap = 0;
  private jCreated!: Float64Array;
  private jAccepted!: Float64Array;
  private jOnsite!: Float64Array;
  private jZ!: Float64Array;
  private jDeadline!: Float64Array;
  private jResident!: Int32Array;
  private jOffice!: Int32Array;
  private jNext!: Int32Array;
  private jParent!: Int32Array;
  private jPending!: Int32Array;
  private jFrom!: Int32Array;
  private jDomains!: Int32Array;
  private jType!: Uint8Array;
  private jField!: Uint8Array;
  private jChannel!: Uint8Array;
  private jStage!: Uint8Array;
  private jFlags!: Uint8Array;
  private jHops!: Uint16Array;
  private jBounces!: Uint16Array;
  private jDelay!: Float64Array;
  private jReturnProb!: Float32Array;
  private jLostProb!: Float32Array;
  /** Share of the case's information still intact after its hand-offs (control loss). */
  private jInfo!: Float32Array;
  private jLive!: Uint8Array;
  private freeHead = -1;
  private jobsUsed = 0;

  // Residents.
  readonly trust: Float32Array;
  /** Residents 0 … nFrequent−1 raise problems more often than the others. */
  private nFrequent: number;

  /** Chance that a problem comes from the frequent class. */
  private pFrequent: number;
  trustSum = 0;

  // Demand.
  /** Problems per minute at base rate (day-night and shocks multiply it). */
  private ratePerMinute: number;
  /** The problem rate now, and until when it holds. */
  private rateNow = 0;
  private rateUntil = -Infinity;
  private dayFactor: number;
  private nightFactor: number;
  private shockState: { demand: number; field: number; difficulty: number };
  /** Whether a demand surge is on (floating posts join). */
  private surge = false;

  private workByType: Float64Array;
  /** Domains with positive weight: the most a case can need. */
  private domainsWithWeight: number;

  // Calendar used for "working days".
  private targetCal: number;
  private difficultWorkMinutes: number;
  /** The close target of ordinary cases, in minutes. */
  private closeMinutes: number;

  private platformDelay: Sampler;
  private hotlineDispatch: Sampler;
  private levelForward: Sampler[];

  constructor(scenario: Scenario, opts: EngineOptions) {
    this.seed = opts.seed;
    const m = (this.model = compileModel(scenario));
    // The scenario with its reform levers turned into parameters.
    this.scenario = scenario = m.scenario;
    this.rng = streams(opts.seed);
    this.onSnapshot = opts.onSnapshot;
    this.tracer = opts.tracer;
    this.snapshotEvery = opts.snapshotEveryMinutes ?? 1440;
    const n = m.officeCount;
    this.busy = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.capOpen = new Int32Array(n);
    this.capOnCall = new Int32Array(n);
    this.speed = new Float64Array(n).fill(1);
    this.speedOpen = new Float64Array(n).fill(1);
    this.speedOnCall = new Float64Array(n).fill(1);
    this.open = new Uint8Array(n);
    this.qFieldHead = new Int32Array(n).fill(-1);
    this.qFieldTail = new Int32Array(n).fill(-1);
    this.qOtherHead = new Int32Array(n).fill(-1);
    this.qOtherTail = new Int32Array(n).fill(-1);
    this.qLen = new Int32Array(n);
    this.busyArea = new Float64Array(n);
    this.capArea = new Float64Array(n);
    this.qArea = new Float64Array(n);
    this.overtimeArea = new Float64Array(n);
    this.lastTouch = new Float64Array(n);
    this.served = new Float64Array(n);
    this.officeTier = Int32Array.from(m.officeGroup, (g) => m.groups[g].tier);

    const service = this.rng.service;
    this.solveS = m.groups.map((g) => durationSampler(g.solve, service));
    this.examineS = m.groups.map((g) => durationSampler(g.examine, service));
    this.capMult = new Float64Array(m.groups.length).fill(1);
    this.groupCal = Int32Array.from(m.groups.map((g) => g.calendar));
    const routing = this.rng.routing;
    this.platformDelay = durationSampler(scenario.platform.dispatchDelay, routing);
    this.hotlineDispatch = durationSampler(scenario.hotline.dispatchDelayPerLevel, routing);
    this.levelForward = scenario.levels.map((l) => durationSampler(l.forward.delay, routing));

    this.growJobs(1 << 14);

    // Residents: trust and who raises problems more often.
    const P = scenario.population.residents;
    this.trust = new Float32Array(P).fill(scenario.residents.initialTrust);
    this.trustSum = P * Math.fround(scenario.residents.initialTrust);
    const d = scenario.demand;
    const rr = this.rng.residents;
    let nF = 0;
    for (let i = 0; i < P; i++) if (rr() < d.frequentShare) nF++;
    this.nFrequent = nF;
    // casesPerResidentYear is the mean over residents; frequent ones raise frequentMultiplier
    // times as many as the others.
    const base = d.casesPerResidentYear / (1 + d.frequentShare * (d.frequentMultiplier - 1)) / MINUTES_PER_YEAR;
    const wF = nF * d.frequentMultiplier;
    this.pFrequent = wF / (wF + (P - nF));
    this.ratePerMinute = base * (wF + (P - nF));
    // Problems arise less at night: day and night factors keep the daily mean.
    this.dayFactor = 24 / (24 - NIGHT_HOURS + NIGHT_HOURS * d.nightFactor);
    this.nightFactor = d.nightFactor * this.dayFactor;
    this.shockState = { demand: 1, field: d.fieldShare, difficulty: 1 };
    this.workByType = Float64Array.of(1, d.collaborativeWork, d.difficultWork);
    this.domainsWithWeight = scenario.domains.filter((x) => x.weight > 0).length;

    this.targetCal = m.calendarNames.indexOf(scenario.targets.calendar);
    const tc = m.calendars[this.targetCal];
    this.difficultWorkMinutes = scenario.targets.difficultWorkingDays * tc.dayLength;
    this.closeMinutes = scenario.targets.closeHours * 60;

    this.metrics = new Metrics(this);

    // Calendars and capacities at time 0.
    for (let g = 0; g < m.groups.length; g++) this.recomputeGroupCapacity(g);
    m.calendars.forEach((c, ci) => {
      const t = nextBoundary(c, 0);
      if (t < Infinity) this.heap.push(t, EV_CALENDAR | (ci << 4));
    });
    this.applyShocks();
    const nextShock = this.nextShockBoundary(0);
    if (nextShock < Infinity) this.heap.push(nextShock, EV_SHOCK);
    this.scheduleArrival();
    if (this.snapshotEvery > 0) this.heap.push(this.snapshotEvery, EV_SNAPSHOT);
    if (scenario.mechanisms.residentsRespond) this.heap.push(1440, EV_DAILY);
  }

  // ---------------------------------------------------------------- running

  /** Process every event up to and including time t (minutes), then set the clock to t. */
  advanceTo(t: number): void {
    const heap = this.heap;
    while (heap.size > 0) {
      const next = heap.peekTime();
      if (next > t) break;
      this.now = next;
      const code = heap.pop();
      this.events++;
      const id = code >> 4;
      switch (code & 15) {
        case EV_ARRIVAL:
          this.onArrival();
          this.scheduleArrival();
          break;
        case EV_RATE:
          this.scheduleArrival();
          break;
        case EV_SERVICE_END:
          this.onServiceEnd(id);
          break;
        case EV_TRANSFER:
          this.onTransfer(id);
          break;
        case EV_DISCOVERY:
          this.onDiscovery(id);
          break;
        case EV_RESURFACE:
          this.onResurface(id);
          break;
        case EV_DAILY:
          this.onDaily();
          this.heap.push(this.now + 1440, EV_DAILY);
          break;
        case EV_CALENDAR:
          this.onCalendar(id);
          break;
        case EV_SNAPSHOT:
          this.metrics.snapshot();
          if (this.onSnapshot) this.onSnapshot(this.metrics.lastSnapshot!);
          this.heap.push(this.now + this.snapshotEvery, EV_SNAPSHOT);
          break;
        case EV_SHOCK: {
          this.applyShocks();
          const next = this.nextShockBoundary(this.now);
          if (next < Infinity) this.heap.push(next, EV_SHOCK);
          break;
        }
      }
    }
    this.now = Math.max(this.now, t);
  }

  // ---------------------------------------------------------------- offices

  private touch(o: number): void {
    const dt = this.now - this.lastTouch[o];
    if (dt > 0) {
      const b = this.busy[o];
      const c = this.cap[o];
      this.busyArea[o] += b * dt;
      // Staff finishing a case after hours are present: overtime counts as available time.
      if (b > c) {
        this.capArea[o] += b * dt;
        this.overtimeArea[o] += (b - c) * dt;
      } else this.capArea[o] += c * dt;
      this.qArea[o] += this.qLen[o] * dt;
      this.lastTouch[o] = this.now;
    }
  }

  /** Busy staff-minutes of office o up to now (read-only: looking never changes a run). */
  busyAreaNow(o: number): number {
    return this.busyArea[o] + this.busy[o] * (this.now - this.lastTouch[o]);
  }
  /** Available staff-minutes of office o up to now (overtime included). */
  capAreaNow(o: number): number {
    return this.capArea[o] + Math.max(this.busy[o], this.cap[o]) * (this.now - this.lastTouch[o]);
  }
  queueAreaNow(o: number): number {
    return this.qArea[o] + this.qLen[o] * (this.now - this.lastTouch[o]);
  }
  overtimeAreaNow(o: number): number {
    return this.overtimeArea[o] + Math.max(0, this.busy[o] - this.cap[o]) * (this.now - this.lastTouch[o]);
  }

  private recomputeGroupCapacity(g: number): void {
    const grp = this.model.groups[g];
    const mult = this.capMult[g];
    const open = isOpen(this.model.calendars[grp.calendar], this.now) ? 1 : 0;
    // Case staff (fractional): the office's own, plus (or less) staff moved in a surge.
    const surge = this.surge ? grp.surgeStaffPerOffice * grp.caseworkShare : 0;
    const x = grp.relay ? 0 : Math.max(0, grp.caseStaff + surge) * mult;
    const inHours = serversFor(x);
    const onCall = serversFor(x * grp.onCallShare);
    for (let o = grp.firstOffice; o < grp.firstOffice + grp.offices; o++) {
      this.touch(o);
      this.capOpen[o] = inHours.servers;
      this.capOnCall[o] = onCall.servers;
      this.speedOpen[o] = inHours.speed;
      this.speedOnCall[o] = onCall.speed;
      this.open[o] = open;
      this.cap[o] = open ? inHours.servers : onCall.servers;
      this.speed[o] = open ? inHours.speed : onCall.speed;
      this.tryStart(o);
    }
  }

  private onCalendar(ci: number): void {
    const groups = this.model.groups;
    for (let g = 0; g < groups.length; g++) if (this.groupCal[g] === ci) this.recomputeGroupCapacity(g);
    const t = nextBoundary(this.model.calendars[ci], this.now);
    if (t < Infinity) this.heap.push(t, EV_CALENDAR | (ci << 4));
  }

  private enqueue(j: number, o: number): void {
    this.touch(o);
    this.jOffice[j] = o;
    // Fast path: a free server and nobody waiting ahead of this case.
    if (this.busy[o] < this.cap[o] && (this.jField[j] ? this.qFieldHead[o] < 0 : this.open[o] && this.qLen[o] === 0)) {
      this.busy[o]++;
      this.start(j, o);
      return;
    }
    this.jNext[j] = -1;
    if (this.jField[j]) {
      if (this.qFieldTail[o] < 0) this.qFieldHead[o] = j;
      else this.jNext[this.qFieldTail[o]] = j;
      this.qFieldTail[o] = j;
    } else {
      if (this.qOtherTail[o] < 0) this.qOtherHead[o] = j;
      else this.jNext[this.qOtherTail[o]] = j;
      this.qOtherTail[o] = j;
    }
    this.qLen[o]++;
    this.metrics.tierQueued(this.officeTier[o], 1);
    if (this.jFlags[j] & F_TRACED) this.tracer!.queued(j, o, this.now);
    this.tryStart(o);
  }

  private tryStart(o: number): void {
    while (this.busy[o] < this.cap[o]) {
      let j = this.qFieldHead[o];
      if (j >= 0) {
        this.qFieldHead[o] = this.jNext[j];
        if (this.qFieldHead[o] < 0) this.qFieldTail[o] = -1;
      } else if (this.open[o] && (j = this.qOtherHead[o]) >= 0) {
        this.qOtherHead[o] = this.jNext[j];
        if (this.qOtherHead[o] < 0) this.qOtherTail[o] = -1;
      } else return;
      this.touch(o);
      this.qLen[o]--;
      this.busy[o]++;
      this.metrics.tierQueued(this.officeTier[o], -1);
      this.start(j, o);
    }
  }

  /** Begin service of job j at office o: draw its duration and schedule its end. */
  private start(j: number, o: number): void {
    const now = this.now;
    const gi = this.model.officeGroup[o];
    const g = this.model.groups[gi];
    if (this.jAccepted[j] < 0) this.jAccepted[j] = now;
    const field = this.jField[j] === 1;
    let d = 0;
    const stage = this.jStage[j];
    let onSite = false;
    switch (stage) {
      case ST_SOLVE:
      case ST_PART:
        d = this.solveS[gi]() * this.workByType[this.jType[j]];
        onSite = field;
        break;
      case ST_EXAMINE:
        d = this.examineS[gi]();
        onSite = field && g.visitsSite;
        break;
      case ST_HOTLINE:
      case ST_TRIAGE:
      case ST_CONTACT:
        d = this.solveS[gi]();
        break;
      case ST_COORD:
        d = this.coordinationMinutes(j);
        break;
    }
    // A fractional office works at a fraction of a worker's speed.
    d /= this.speed[o];
    let travel = 0;
    if (onSite) {
      // A grid worker who found the problem on patrol is already there.
      if (!(g.tier === 0 && this.jChannel[j] === CH_DISCOVERED)) travel = g.travelMinutes;
      const r = this.jParent[j] >= 0 ? this.jParent[j] : j;
      if (this.jOnsite[r] < 0) this.jOnsite[r] = now + travel;
    }
    this.served[o]++;
    if (this.jFlags[j] & F_TRACED) this.tracer!.started(j, o, now, travel, d, onSite);
    this.heap.push(now + d + 2 * travel, EV_SERVICE_END | (j << 4));
  }

  private coordinationMinutes(j: number): number {
    const domains = popcount(this.jDomains[j]);
    // Without modules, every domain is coordinated as if it were its own department.
    const depts = this.scenario.levers.modules ? this.distinctDepartments(this.jDomains[j]).length : domains;
    const c = this.scenario.centre;
    return c.coordinationPerDepartment * Math.max(0, depts - 1) + c.moduleHandoff * Math.max(0, domains - depts);
  }

  private onServiceEnd(j: number): void {
    const o = this.jOffice[j];
    this.touch(o);
    this.busy[o]--;
    const g = this.model.groups[this.model.officeGroup[o]];
    switch (this.jStage[j]) {
      case ST_SOLVE:
        if (this.redo(j, o)) return;
        this.close(j, g.tier);
        break;
      case ST_CONTACT:
        this.freeJob(j);
        break;
      case ST_EXAMINE:
        this.forwardUp(j, g.tier, o);
        break;
      case ST_HOTLINE:
        this.dispatchFromHotline(j, o);
        break;
      case ST_TRIAGE:
        this.fork(j, o);
        break;
      case ST_PART:
        if (this.redo(j, o)) return;
        this.partDone(j);
        break;
      case ST_COORD:
        this.close(j, g.tier);
        break;
    }
    this.tryStart(o);
  }

  /**
   * Control loss: work done on incomplete information is wrong with chance 1 − info and is
   * redone at once by the same office, now with the facts first-hand (sim/control-loss.ts).
   */
  private redo(j: number, o: number): boolean {
    const info = this.jInfo[j];
    if (info >= 1 || this.rng.rework() >= reworkChance(info)) return false;
    this.jInfo[j] = 1;
    const r = this.jParent[j] >= 0 ? this.jParent[j] : j;
    this.jFlags[r] |= F_BOUNCED;
    this.metrics.reworked++;
    if (this.jFlags[j] & F_TRACED) this.tracer!.rework(j);
    this.enqueue(j, o);
    this.tryStart(o);
    return true;
  }

  // ---------------------------------------------------------------- routing

  /** Which office of tier `tier` serves job j's resident (levels), or its department-tier entry. */
  private officeAt(j: number, tier: number): number {
    const m = this.model;
    if (tier < m.levelCount) {
      const g = m.groups[tier];
      // The unit of this level where the resident lives (sim/model.ts unitOf).
      return g.firstOffice + unitOf(this.jResident[j], this.scenario.population.microGrids, g.offices);
    }
    // Department tier: general cases go to the owning department; the others to the centre
    // if there is one, else to the owning department, which coordinates them.
    if (this.jType[j] !== GENERAL && m.centreOffice >= 0) return m.centreOffice;
    const dom = lowestBit(this.jDomains[j]);
    return m.groups[m.deptGroup0 + m.domainOwner[dom]].firstOffice;
  }

  /** Competence of level `tier` for job j: the least over the domains the case needs. */
  private thresholdFor(j: number, tier: number): number {
    const m = this.model;
    const row = tier * m.domainCount;
    let mask = this.jDomains[j];
    let z = Infinity;
    for (let d = 0; mask !== 0; d++, mask >>>= 1) if (mask & 1 && m.thresholds[row + d] < z) z = m.thresholds[row + d];
    return z;
  }

  /** Lowest tier above `from` whose competence covers the job (the department tier if none). */
  private competentTier(j: number, from: number): number {
    const z = this.jZ[j];
    const L = this.model.levelCount;
    for (let t = from + 1; t < L; t++) if (!this.model.groups[t].relay && this.thresholdFor(j, t) >= z) return t;
    return this.model.deptTier;
  }

  /** Job j arrives at office o: decide what the office will do with it. */
  private arrive(j: number, o: number): void {
    const m = this.model;
    const gi = m.officeGroup[o];
    const g = m.groups[gi];
    this.jOffice[j] = o;
    if (g.kind === 'level') {
      if (g.relay) {
        this.forwardUp(j, g.tier, o);
        return;
      }
      this.jStage[j] = this.jZ[j] <= this.thresholdFor(j, g.tier) ? ST_SOLVE : ST_EXAMINE;
    } else if (g.kind === 'hotline') {
      if (!(this.jFlags[j] & F_CONTACT)) this.jStage[j] = ST_HOTLINE;
    } else if (g.kind === 'centre') {
      if (this.jPending[j] === 0 && this.jStage[j] !== ST_COORD) this.jStage[j] = ST_TRIAGE;
    } else if (this.jParent[j] >= 0) {
      this.jStage[j] = ST_PART;
    } else if (this.jType[j] !== GENERAL) {
      // No centre: the owning department forks the parts and coordinates them.
      this.fork(j, o);
      return;
    } else {
      this.jStage[j] = ST_SOLVE;
    }
    this.enqueue(j, o);
  }

  private forwardUp(j: number, tier: number, from: number): void {
    const s = this.scenario;
    this.jInfo[j] *= infoKeptUp(s, tier, s.platform.enabled);
    if (s.platform.enabled) {
      const target = this.competentTier(j, tier);
      this.transfer(j, this.officeAt(j, target), from, this.platformDelay(), s.platform.returnProb, s.platform.lostProb);
    } else {
      const l = s.levels[tier];
      const target = tier + 1 < this.model.levelCount ? tier + 1 : this.model.deptTier;
      this.transfer(j, this.officeAt(j, target), from, this.levelForward[tier](), l.forward.returnProb, l.forward.lostProb);
    }
  }

  private dispatchFromHotline(j: number, from: number): void {
    const s = this.scenario;
    // A petition goes where petitions go: the letters-and-visits work of the city, at the
    // department tier (the centre, or the owning department), never down to a grid worker.
    const target = this.jChannel[j] === CH_PETITION ? this.model.deptTier : this.competentTier(j, -1);
    this.jInfo[j] *= s.platform.enabled ? infoKeptUp(s, 0, true) : infoKeptDown(s, target);
    if (s.platform.enabled || target === this.model.deptTier) {
      const p = s.platform.enabled ? s.platform : { returnProb: 0, lostProb: 0 };
      const delay = s.platform.enabled ? this.platformDelay() : this.hotlineDispatch();
      this.transfer(j, this.officeAt(j, target), from, delay, p.returnProb, p.lostProb);
      return;
    }
    // Without a platform the case passes down through every level above its target.
    let delay = 0;
    let keep = 1;
    let keepLost = 1;
    for (let t = this.model.levelCount - 1; t >= target; t--) {
      delay += this.hotlineDispatch();
      keep *= 1 - s.levels[t].forward.returnProb;
      keepLost *= 1 - s.levels[t].forward.lostProb;
    }
    this.transfer(j, this.officeAt(j, target), from, delay, 1 - keep, 1 - keepLost);
  }

  /** Send job j to office `to` after `delay`; control loss is decided on arrival. */
  private transfer(j: number, to: number, from: number, delay: number, returnProb: number, lostProb: number): void {
    this.jHops[j]++;
    this.jFrom[j] = from;
    this.jOffice[j] = to;
    this.jDelay[j] = delay;
    this.jReturnProb[j] = returnProb;
    this.jLostProb[j] = lostProb;
    const tier = this.officeTier[to];
    this.metrics.tierTransit(tier, 1);
    if (this.jFlags[j] & F_TRACED) this.tracer!.sent(j, from, to, this.now, delay, false);
    this.heap.push(this.now + delay, EV_TRANSFER | (j << 4));
  }

  private onTransfer(j: number): void {
    const to = this.jOffice[j];
    const tier = this.officeTier[to];
    this.metrics.tierTransit(tier, -1);
    if (this.jFlags[j] & F_RETURNING) {
      this.jFlags[j] &= ~F_RETURNING;
      this.arrive(j, to);
      return;
    }
    const u = this.rng.routing();
    const lost = this.jLostProb[j];
    if (u < lost) {
      this.lose(j, tier, 'forwarding');
      return;
    }
    if (u < lost + this.jReturnProb[j]) {
      // Returned: back to the sender, who redoes its part and sends it again.
      this.jBounces[j]++;
      this.jFlags[j] |= F_RETURNING | F_BOUNCED;
      this.metrics.bounced++;
      const from = this.jFrom[j];
      this.jHops[j]++;
      this.jOffice[j] = from;
      this.metrics.tierTransit(this.officeTier[from], 1);
      if (this.jFlags[j] & F_TRACED) this.tracer!.sent(j, to, from, this.now, this.jDelay[j], true);
      // The way back takes as long as the way out did.
      this.heap.push(this.now + this.jDelay[j], EV_TRANSFER | (j << 4));
      return;
    }
    this.arrive(j, to);
  }

  /** Split a collaborative or difficult case into one part per department involved. */
  private fork(j: number, from: number): void {
    const m = this.model;
    const depts = this.distinctDepartments(this.jDomains[j]);
    this.jPending[j] = depts.length;
    this.jStage[j] = ST_COORD;
    this.jOffice[j] = from;
    this.metrics.waitingParts(1);
    const usePlatform = this.scenario.platform.enabled;
    const traced = (this.jFlags[j] & F_TRACED) !== 0;
    if (traced) this.tracer!.forked(j, this.now);
    for (const d of depts) {
      const p = this.allocJob();
      this.jParent[p] = j;
      this.jResident[p] = this.jResident[j];
      this.jZ[p] = this.jZ[j];
      this.jType[p] = this.jType[j];
      this.jField[p] = this.jField[j];
      this.jChannel[p] = this.jChannel[j];
      this.jDomains[p] = this.jDomains[j];
      this.jCreated[p] = this.now;
      this.jAccepted[p] = this.now;
      this.jOnsite[p] = -1;
      this.jFlags[p] = 0;
      this.jHops[p] = 0;
      this.jBounces[p] = 0;
      this.jPending[p] = 0;
      this.jInfo[p] = this.jInfo[j];
      this.jHops[j]++;
      const to = m.groups[m.deptGroup0 + d].firstOffice;
      if (traced) {
        this.jFlags[p] = F_TRACED;
        this.tracer!.part(j, p, to);
      }
      const delay = usePlatform ? this.platformDelay() : 0;
      if (delay > 0) this.transfer(p, to, from, delay, 0, 0);
      else this.arrive(p, to);
    }
  }

  private partDone(p: number): void {
    const j = this.jParent[p];
    const traced = (this.jFlags[p] & F_TRACED) !== 0;
    this.freeJob(p);
    const last = --this.jPending[j] === 0;
    if (traced) this.tracer!.partDone(p, this.now, last);
    if (!last) return;
    this.metrics.waitingParts(-1);
    const o = this.jOffice[j];
    this.jStage[j] = ST_COORD;
    // A lead department with nothing to coordinate closes at once; the centre always reviews.
    if (this.coordinationMinutes(j) === 0 && o !== this.model.centreOffice) {
      this.close(j, this.officeTier[o]);
      return;
    }
    this.enqueue(j, o);
  }

  private distinctDepartments(mask: number): number[] {
    const out: number[] = [];
    const owner = this.model.domainOwner;
    for (let d = 0; mask !== 0; d++, mask >>>= 1) {
      if (mask & 1) {
        const o = owner[d];
        if (!out.includes(o)) out.push(o);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- demand

  /**
   * Schedule the next problem. The rate is constant between boundaries (07:00, 22:00,
   * shock edges); a gap that would cross one is redrawn from the boundary at the new rate,
   * which is exact for a Poisson process.
   */
  private scheduleArrival(): void {
    if (this.now >= this.rateUntil) {
      // The rate changes only at boundaries; recompute it when one is passed.
      this.rateNow = this.ratePerMinute * this.demandMultiplierAt(this.now) * this.hourFactor();
      this.rateUntil = this.nextRateBoundary();
    }
    const gap = this.rateNow > 0 ? exponential(1 / this.rateNow, this.rng.demand) : Infinity;
    if (this.now + gap < this.rateUntil) this.heap.push(this.now + gap, EV_ARRIVAL);
    else if (this.rateUntil < Infinity) this.heap.push(this.rateUntil, EV_RATE);
  }

  /** Product of the demand multipliers of the shocks in force at t (start inclusive). */
  private demandMultiplierAt(t: number): number {
    let m = 1;
    for (const sh of this.scenario.shocks) if (t >= sh.startDay * 1440 && t < (sh.startDay + sh.days) * 1440) m *= sh.demandMultiplier;
    return m;
  }

  private nextRateBoundary(): number {
    let b = this.nextShockBoundary(this.now);
    if (this.dayFactor !== this.nightFactor) {
      const day = Math.floor(this.now / 1440) * 1440;
      const m = this.now - day;
      const next = m < NIGHT_END ? day + NIGHT_END : m < NIGHT_START ? day + NIGHT_START : day + 1440 + NIGHT_END;
      if (next < b) b = next;
    }
    return b;
  }

  private onArrival(): void {
    const rng = this.rng;
    const s = this.scenario;
    const u = rng.demand();
    const nF = this.nFrequent;
    const r =
      u < this.pFrequent
        ? Math.floor((u / this.pFrequent) * nF)
        : nF + Math.floor(((u - this.pFrequent) / (1 - this.pFrequent)) * (this.trust.length - nF));
    this.metrics.problems++;
    // How the resident reports depends on the resident's own trust (sim/residents.ts).
    const ch = reportChannel(s.residents, this.trust[r], rng.residents(), rng.residents);
    if (ch === REPORT_SILENT) {
      const j = this.newCase(r, CH_DISCOVERED);
      this.jFlags[j] |= F_LATENT;
      if (this.tracer?.follows(this.metrics.problems)) {
        this.jFlags[j] |= F_TRACED;
        this.tracer.raised(j, this.metrics.problems, r, this.now, this.traceInfo(j), true);
      }
      // Unreported, it stays a problem: a patrol may find it, or the resident raises it later.
      const patrol = s.levels[0].patrol;
      const found = rng.patrol() < patrol.discoveryProb ? exponential(patrol.meanMinutes, rng.patrol) : Infinity;
      const back = s.mechanisms.residentsRespond ? exponential(s.residents.resurfaceMeanDays * 1440, rng.patrol) : Infinity;
      if (found === Infinity && back === Infinity) {
        if (this.jFlags[j] & F_TRACED) this.tracer!.unreported(j, this.now);
        this.freeJob(j);
        this.metrics.unreported++;
        return;
      }
      this.metrics.latent++;
      if (found <= back) this.heap.push(this.now + found, EV_DISCOVERY | (j << 4));
      else this.heap.push(this.now + back, EV_RESURFACE | (j << 4));
      return;
    }
    const j = this.newCase(r, ch === REPORT_GRID ? CH_GRID : ch === REPORT_PETITION ? CH_PETITION : CH_HOTLINE);
    if (this.tracer?.follows(this.metrics.problems)) {
      this.jFlags[j] |= F_TRACED;
      this.tracer.raised(j, this.metrics.problems, r, this.now, this.traceInfo(j), false);
    }
    this.arrive(j, ch === REPORT_GRID ? this.officeAt(j, 0) : this.model.hotlineOffice);
  }

  /** A problem nobody reported is raised again, grown harder, by whichever channel trust picks. */
  private onResurface(j: number): void {
    const s = this.scenario;
    this.jFlags[j] &= ~F_LATENT;
    this.metrics.latent--;
    this.metrics.resurfaced++;
    this.jZ[j] *= s.residents.resurfaceGrowth;
    this.classify(j);
    const ch = reportChannel(s.residents, this.trust[this.jResident[j]], this.rng.residents(), this.rng.residents, false);
    this.jChannel[j] = ch === REPORT_GRID ? CH_GRID : ch === REPORT_PETITION ? CH_PETITION : CH_HOTLINE;
    this.jCreated[j] = this.now;
    this.setDeadline(j);
    this.metrics.created(j);
    if (this.jFlags[j] & F_TRACED) this.tracer!.reported(j, this.now, this.traceInfo(j), false);
    this.arrive(j, ch === REPORT_GRID ? this.officeAt(j, 0) : this.model.hotlineOffice);
  }

  /**
   * Once a day, residents whose cases are past their deadline lose trust for the wait and may
   * contact again (a call to the hotline, or at low trust a petition): failure demand.
   */
  private onDaily(): void {
    const rs = this.scenario.residents;
    const rng = this.rng.waiting;
    const now = this.now;
    this.forEachOpenCase((j) => {
      if (now <= this.jDeadline[j]) return;
      const r = this.jResident[j];
      const before = this.trust[r];
      const t = trustAfterWaitingDay(rs, before);
      this.trust[r] = t;
      this.trustSum += this.trust[r] - before;
      if (rng() >= repeatContactChance(rs, t)) return;
      const petition = rng() < petitionChance(rs, t);
      this.metrics.repeatContact(petition);
      const c = this.allocJob();
      this.jFlags[c] = F_CONTACT;
      this.jStage[c] = ST_CONTACT;
      this.jField[c] = 0;
      this.jResident[c] = r;
      this.jAccepted[c] = now;
      this.jInfo[c] = 1;
      this.arrive(c, this.model.hotlineOffice);
    });
  }

  private hourFactor(): number {
    const m = this.now % 1440;
    return m >= NIGHT_START || m < NIGHT_END ? this.nightFactor : this.dayFactor;
  }

  private onDiscovery(j: number): void {
    this.jFlags[j] &= ~F_LATENT;
    this.metrics.latent--;
    this.jCreated[j] = this.now;
    this.jAccepted[j] = this.now;
    this.jOnsite[j] = this.now;
    this.setDeadline(j);
    this.metrics.created(j);
    if (this.jFlags[j] & F_TRACED) this.tracer!.reported(j, this.now, this.traceInfo(j), true);
    this.arrive(j, this.officeAt(j, 0));
  }

  /** What the tracer records of a case when it is raised or reported. */
  private traceInfo(j: number) {
    return {
      channel: this.jChannel[j],
      type: this.jType[j],
      field: this.jField[j] === 1,
      difficulty: this.jZ[j],
      deadline: this.jFlags[j] & F_LATENT ? Infinity : this.jDeadline[j],
    };
  }

  /** Draw the attributes of a new case: the same draws whatever the structure. */
  private newCase(resident: number, channel: number): number {
    const rng = this.rng;
    const d = this.scenario.demand;
    const j = this.allocJob();
    this.jResident[j] = resident;
    this.jChannel[j] = channel;
    this.jParent[j] = -1;
    this.jPending[j] = 0;
    this.jFlags[j] = 0;
    this.jHops[j] = 0;
    this.jBounces[j] = 0;
    this.jCreated[j] = this.now;
    this.jAccepted[j] = -1;
    this.jOnsite[j] = -1;
    const a = rng.attributes;
    this.jField[j] = a() < this.shockState.field ? 1 : 0;
    const z = exponential(1 / d.difficultyRate, rng.difficulty) * this.shockState.difficulty;
    this.jZ[j] = z;
    this.jDomains[j] = 1 << pickDomain(this.model.domainCumWeights, a());
    this.jInfo[j] = 1;
    this.classify(j);
    if (channel !== CH_DISCOVERED) {
      this.setDeadline(j);
      this.metrics.created(j);
    }
    return j;
  }

  /** Type from difficulty; a collaborative or difficult case draws the further domains it needs. */
  private classify(j: number): void {
    const d = this.scenario.demand;
    const z = this.jZ[j];
    this.jType[j] = z > d.difficultAbove ? DIFFICULT : z > d.collaborativeAbove ? COLLABORATIVE : GENERAL;
    if (z > d.collaborativeAbove && popcount(this.jDomains[j]) < 2) {
      // Only hard cases draw more; z does not depend on the structure, so common random
      // numbers stay in step across structures.
      const a = this.rng.attributes;
      const cum = this.model.domainCumWeights;
      let mask = this.jDomains[j];
      const want = Math.min(2 + poissonFrom(d.collaborativeDomainsMean - 2, a()), this.domainsWithWeight);
      for (let i = 0; popcount(mask) < want && i < 1000; i++) mask |= 1 << pickDomain(cum, a());
      this.jDomains[j] = mask;
    }
  }

  private setDeadline(j: number): void {
    this.jDeadline[j] =
      this.jType[j] === DIFFICULT
        ? addWorkingMinutes(this.model.calendars[this.targetCal], this.jCreated[j], this.difficultWorkMinutes)
        : this.jCreated[j] + this.closeMinutes;
  }

  // ---------------------------------------------------------------- outcomes

  private close(j: number, tier: number): void {
    this.metrics.closed(j, tier);
    if (this.jFlags[j] & F_TRACED) this.tracer!.closed(j, this.now, tier);
    const onTime = this.now <= this.jDeadline[j];
    this.updateTrust(j, onTime ? OUTCOME_ON_TIME : OUTCOME_LATE);
    this.freeJob(j);
  }

  private lose(j: number, tier: number, reason: string): void {
    if (this.jParent[j] >= 0) throw new Error('a department part cannot be lost');
    this.metrics.lost(j, tier, reason);
    if (this.jFlags[j] & F_TRACED) this.tracer!.lost(j, this.now, tier, reason);
    this.updateTrust(j, OUTCOME_LOST);
    this.freeJob(j);
  }

  private updateTrust(j: number, outcome: number): void {
    const rs = this.scenario.residents;
    if (!rs.feedback) return;
    const r = this.jResident[j];
    const before = this.trust[r];
    this.trust[r] = trustAfter(rs, before, outcome, (this.jFlags[j] & F_BOUNCED) !== 0);
    this.trustSum += this.trust[r] - before;
  }

  // ---------------------------------------------------------------- shocks

  private applyShocks(): void {
    const s = this.scenario;
    const t = this.now;
    let demand = 1;
    let field = s.demand.fieldShare;
    let difficulty = 1;
    const mult = new Float64Array(this.model.groups.length).fill(1);
    for (const sh of s.shocks) {
      if (t < sh.startDay * 1440 || t >= (sh.startDay + sh.days) * 1440) continue;
      demand *= sh.demandMultiplier;
      if (sh.fieldShare !== null) field = sh.fieldShare;
      difficulty *= sh.difficultyMultiplier;
      this.model.groups.forEach((g, gi) => {
        if (sh.appliesTo.length === 0 || sh.appliesTo.includes(g.id)) mult[gi] *= sh.capacityMultiplier;
      });
    }
    this.shockState = { demand, field, difficulty };
    const surgeChanged = this.surge !== demand > 1;
    this.surge = demand > 1;
    for (let g = 0; g < mult.length; g++) {
      if (mult[g] !== this.capMult[g] || (surgeChanged && this.model.groups[g].surgeStaffPerOffice !== 0)) {
        this.capMult[g] = mult[g];
        this.recomputeGroupCapacity(g);
      }
    }
  }

  private nextShockBoundary(t: number): number {
    let best = Infinity;
    for (const sh of this.scenario.shocks) {
      const a = sh.startDay * 1440;
      const b = (sh.startDay + sh.days) * 1440;
      if (a > t && a < best) best = a;
      if (b > t && b < best) best = b;
    }
    return best;
  }

  // ---------------------------------------------------------------- jobs

  private growJobs(n: number): void {
    const f64 = (a: Float64Array | undefined) => {
      const x = new Float64Array(n);
      if (a) x.set(a);
      return x;
    };
    const f32 = (a: Float32Array | undefined) => {
      const x = new Float32Array(n);
      if (a) x.set(a);
      return x;
    };
    const i32 = (a: Int32Array | undefined) => {
      const x = new Int32Array(n);
      if (a) x.set(a);
      return x;
    };
    const u8 = (a: Uint8Array | undefined) => {
      const x = new Uint8Array(n);
      if (a) x.set(a);
      return x;
    };
    const u16 = (a: Uint16Array | undefined) => {
      const x = new Uint16Array(n);
      if (a) x.set(a);
      return x;
    };
    this.jCreated = f64(this.jCreated);
    this.jAccepted = f64(this.jAccepted);
    this.jOnsite = f64(this.jOnsite);
    this.jZ = f64(this.jZ);
    this.jDeadline = f64(this.jDeadline);
    this.jResident = i32(this.jResident);
    this.jOffice = i32(this.jOffice);
    this.jNext = i32(this.jNext);
    this.jParent = i32(this.jParent);
    this.jPending = i32(this.jPending);
    this.jFrom = i32(this.jFrom);
    this.jDomains = i32(this.jDomains);
    this.jType = u8(this.jType);
    this.jField = u8(this.jField);
    this.jChannel = u8(this.jChannel);
    this.jStage = u8(this.jStage);
    this.jFlags = u8(this.jFlags);
    this.jHops = u16(this.jHops);
    this.jBounces = u16(this.jBounces);
    this.jDelay = f64(this.jDelay);
    this.jReturnProb = f32(this.jReturnProb);
    this.jLostProb = f32(this.jLostProb);
    this.jInfo = f32(this.jInfo);
    this.jLive = u8(this.jLive);
    this.jobCap = n;
    this.jobs = {
      created: this.jCreated,
      accepted: this.jAccepted,
      onsite: this.jOnsite,
      deadline: this.jDeadline,
      type: this.jType,
      field: this.jField,
      channel: this.jChannel,
      hops: this.jHops,
      bounces: this.jBounces,
    };
  }

  private allocJob(): number {
    let j = this.freeHead;
    if (j >= 0) {
      this.freeHead = this.jNext[j];
    } else {
      if (this.jobsUsed === this.jobCap) this.growJobs(this.jobCap * 2);
      j = this.jobsUsed++;
    }
    this.jParent[j] = -1;
    this.jLive[j] = 1;
    return j;
  }

  private freeJob(j: number): void {
    this.jLive[j] = 0;
    this.jNext[j] = this.freeHead;
    this.freeHead = j;
  }

  // ---------------------------------------------------------------- read-only views for metrics

  /** Calls fn for every live case (not parts, not latent problems). */
  forEachOpenCase(fn: (j: number) => void): void {
    for (let j = 0; j < this.jobsUsed; j++) {
      if (this.jLive[j] && this.jParent[j] < 0 && !(this.jFlags[j] & (F_LATENT | F_CONTACT))) fn(j);
    }
  }

  /** Calls fn with the resident of every open case (for counts by where residents live). */
  forEachOpenResident(fn: (resident: number) => void): void {
    this.forEachOpenCase((j) => fn(this.jResident[j]));
  }

  /** The job arrays the metrics read on every close (replaced when the arrays grow). */
  jobs!: {
    created: Float64Array;
    accepted: Float64Array;
    onsite: Float64Array;
    deadline: Float64Array;
    type: Uint8Array;
    field: Uint8Array;
    channel: Uint8Array;
    hops: Uint16Array;
    bounces: Uint16Array;
  };
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function pickDomain(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cum[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Poisson(mean) by inversion of one uniform, so a case always uses the same number of draws. */
function poissonFrom(mean: number, u: number): number {
  if (mean <= 0) return 0;
  let k = 0;
  let p = exp(-mean);
  let cdf = p;
  while (u > cdf && k < 64) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
