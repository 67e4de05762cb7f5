/**
 * The discrete-event engine: the clock, the event queue and what each event does. Time is in
 * minutes. State lives in typed arrays: offices (sim/kernel/offices.ts), jobs
 * (sim/kernel/jobs.ts) and residents (sim/submodels/residents.ts). One merged Poisson stream
 * carries every resident's problems (sim/submodels/demand.ts), so only a handful of events
 * are pending at any time. How a case moves between offices is sim/kernel/flow.ts; what
 * decides each move is a rule in sim/submodels/.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import { Metrics } from '../observe/metrics.ts';
import type { LiveView } from '../observe/live.ts';
import type { Snapshot } from '../observe/types.ts';
import type { Tracer } from '../observe/trace.ts';
import { exponential, streams, type Random, type StreamName } from '../random/rng.ts';
import { Demand } from '../submodels/demand.ts';
import { REPORT_GRID, REPORT_PETITION, REPORT_SILENT, Residents, WAIT_NOTHING, WAIT_PETITION } from '../submodels/residents.ts';
import { Router } from '../submodels/routing.ts';
import { Service } from '../submodels/service.ts';
import { shockStateAt, nextShockBoundary } from '../submodels/shocks.ts';
import { isOpen, nextBoundary } from './calendar.ts';
import { CH_DISCOVERED, CH_GRID, CH_HOTLINE, CH_PETITION } from './cases.ts';
import { compileModel, type CompiledModel } from './compile.ts';
import {
  CaseFlow,
  EV_ARRIVAL,
  EV_ASK_TIMEOUT,
  EV_CALENDAR,
  EV_DAILY,
  EV_DISCOVERY,
  EV_PRESENCE,
  EV_RATE,
  EV_RESURFACE,
  EV_SERVICE_END,
  EV_SHOCK,
  EV_SNAPSHOT,
  EV_TRANSFER,
  EV_WARMUP,
} from './flow.ts';
import { F_CONTACT, F_LATENT, F_TRACED, JobTable, ST_CONTACT } from './jobs.ts';
import { Offices } from './offices.ts';
import type { EngineState } from './state.ts';

export { GENERAL, COLLABORATIVE, DIFFICULT, CASE_TYPES, CH_GRID, CH_DISCOVERED, CH_HOTLINE, CH_PETITION, CHANNELS } from './cases.ts';

export interface EngineOptions {
  seed: number | string;
  /** Interval of the time series, in minutes (default one day). 0 turns it off. */
  snapshotEveryMinutes?: number;
  onSnapshot?: (s: Snapshot) => void;
  /** Follows chosen problems through the run (draws nothing: results are the same without it). */
  tracer?: Tracer;
  /** Days at the start whose statistics are discarded (a warm-up); the summary covers the rest. */
  warmupDays?: number;
  /** The most memory the case table may hold (a BudgetError past it); unlimited by default. */
  maxJobBytes?: number;
}

export class Engine extends CaseFlow implements EngineState {
  readonly model: CompiledModel;
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly metrics: Metrics;
  readonly tracer?: Tracer;
  readonly jobs: JobTable;
  readonly offices: Offices;
  readonly residents: Residents;
  protected readonly rng: Record<StreamName, Random>;
  protected readonly service: Service;
  protected readonly router: Router;
  protected readonly demand: Demand;
  protected readonly capMult: Float64Array;
  protected readonly presenceAt: Float64Array;
  private readonly onSnapshot?: (s: Snapshot) => void;
  private readonly snapshotEvery: number;

  constructor(scenario: Scenario, opts: EngineOptions) {
    super();
    this.seed = opts.seed;
    const m = (this.model = compileModel(scenario));
    // The scenario with its reform levers turned into parameters.
    this.scenario = scenario = m.scenario;
    const rng = (this.rng = streams(opts.seed));
    this.onSnapshot = opts.onSnapshot;
    this.tracer = opts.tracer;
    this.snapshotEvery = opts.snapshotEveryMinutes ?? 1440;
    this.jobs = new JobTable(1 << 14, opts.maxJobBytes);
    this.offices = new Offices(
      Int32Array.from(m.officeGroup, (g) => m.groups[g].tier),
      m.officeGroup,
      m.groups.length,
      this.jobs,
    );
    this.service = new Service(m.groups, scenario, rng.service);
    this.router = new Router(m, scenario, this.jobs, rng.routing);
    this.capMult = new Float64Array(m.groups.length).fill(1);
    this.presenceAt = new Float64Array(m.groups.length).fill(Infinity);
    for (const g of m.groups) if (g.hasSenior) this.offices.hasSenior.fill(1, g.firstOffice, g.firstOffice + g.offices);
    // Word of mouth travels within a community (the community level's units, else the first level's).
    const cellLevel = Math.max(
      0,
      scenario.levels.findIndex((l) => l.kind === 'community'),
    );
    const cells = scenario.levels[cellLevel].units;
    this.residents = new Residents(
      scenario.residents,
      scenario.population.residents,
      { microGrids: scenario.population.microGrids, cells },
      rng,
    );
    this.demand = new Demand(scenario, m, rng);
    this.metrics = new Metrics(this);

    // Calendars and capacities at time 0.
    for (let g = 0; g < m.groups.length; g++) this.recomputeGroupCapacity(g);
    m.calendars.forEach((c, ci) => {
      const t = nextBoundary(c, 0);
      if (t < Infinity) this.heap.push(t, EV_CALENDAR | (ci << 4));
    });
    this.applyShocks();
    const nextShock = nextShockBoundary(scenario, 0);
    if (nextShock < Infinity) this.heap.push(nextShock, EV_SHOCK);
    this.scheduleArrival();
    if (this.snapshotEvery > 0) this.heap.push(this.snapshotEvery, EV_SNAPSHOT);
    this.heap.push(1440, EV_DAILY);
    const warmup = opts.warmupDays ?? 0;
    if (warmup > 0) this.heap.push(warmup * 1440, EV_WARMUP);
  }

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
        case EV_PRESENCE:
          if (this.presenceAt[id] === this.now) this.recomputeGroupCapacity(id);
          break;
        case EV_ASK_TIMEOUT:
          this.onAskTimeout(id);
          break;
        case EV_WARMUP:
          this.metrics.startWindow();
          break;
        case EV_SNAPSHOT:
          this.metrics.snapshot();
          if (this.onSnapshot) this.onSnapshot(this.metrics.lastSnapshot!);
          this.heap.push(this.now + this.snapshotEvery, EV_SNAPSHOT);
          break;
        case EV_SHOCK: {
          this.applyShocks();
          const next = nextShockBoundary(this.scenario, this.now);
          if (next < Infinity) this.heap.push(next, EV_SHOCK);
          break;
        }
      }
    }
    this.now = Math.max(this.now, t);
  }

  // ------------------------------------------------------------- clock events

  private onCalendar(ci: number): void {
    const groups = this.model.groups;
    for (let g = 0; g < groups.length; g++) if (groups[g].calendar === ci) this.recomputeGroupCapacity(g);
    const t = nextBoundary(this.model.calendars[ci], this.now);
    if (t < Infinity) this.heap.push(t, EV_CALENDAR | (ci << 4));
  }

  /** The shocks in force now: demand, field share and difficulty for new cases; staff of the groups they touch. */
  private applyShocks(): void {
    const st = shockStateAt(this.scenario, this.model, this.now);
    this.demand.fieldShare = st.field;
    this.demand.difficultyMultiplier = st.difficulty;
    const surgeChanged = this.surge !== st.surge;
    this.surge = st.surge;
    const groups = this.model.groups;
    for (let g = 0; g < groups.length; g++) {
      if (st.capacity[g] !== this.capMult[g] || (surgeChanged && groups[g].surgeStaffPerOffice !== 0)) {
        this.capMult[g] = st.capacity[g];
        this.recomputeGroupCapacity(g);
      }
    }
  }

  // ------------------------------------------------------------- problems and cases

  private scheduleArrival(): void {
    const t = this.demand.nextArrival(this.now);
    if (t < Infinity) this.heap.push(t, this.demand.nextIsArrival ? EV_ARRIVAL : EV_RATE);
  }

  private onArrival(): void {
    const r = this.demand.pickResident(this.residents.count);
    const problem = this.metrics.problem();
    // How the resident reports depends on the resident's own trust (sim/submodels/residents.ts).
    const ch = this.residents.channelOf(r);
    if (ch === REPORT_SILENT) {
      const j = this.newCase(r, CH_DISCOVERED);
      this.jobs.flags[j] |= F_LATENT;
      if (this.tracer?.follows(problem)) {
        this.jobs.flags[j] |= F_TRACED;
        this.tracer.raised(j, problem, r, this.now, this.traceInfo(j), true);
      }
      // Unreported, it stays a problem: a patrol may find it, or the resident raises it later.
      const { found, back } = this.demand.unreportedFate();
      if (found === Infinity && back === Infinity) {
        if (this.jobs.flags[j] & F_TRACED) this.tracer!.unreported(j, this.now);
        this.jobs.free(j);
        this.metrics.st.unreported++;
        return;
      }
      this.metrics.latent++;
      if (found <= back) this.heap.push(this.now + found, EV_DISCOVERY | (j << 4));
      else this.heap.push(this.now + back, EV_RESURFACE | (j << 4));
      return;
    }
    this.metrics.st.reportedAtOnce++;
    const j = this.newCase(r, channelOf(ch));
    if (this.tracer?.follows(problem)) {
      this.jobs.flags[j] |= F_TRACED;
      this.tracer.raised(j, problem, r, this.now, this.traceInfo(j), false);
    }
    this.arrive(j, ch === REPORT_GRID ? this.router.officeAt(j, 0) : this.model.hotlineOffice);
  }

  /**
   * A problem nobody reported comes back to its resident's mind, grown harder. They decide again
   * how to report it, by their trust now: they raise it, or keep it to themselves a while
   * longer (it stays, and grows: low trust suppresses demand, sim/submodels/residents.ts).
   */
  private onResurface(j: number): void {
    const jobs = this.jobs;
    const rs = this.scenario.residents;
    jobs.z[j] *= rs.resurfaceGrowth;
    const ch = this.residents.channelOf(jobs.resident[j]);
    if (ch === REPORT_SILENT) {
      this.metrics.st.keptSilent++;
      this.heap.push(this.now + exponential(rs.resurfaceMeanDays * 1440, this.rng.patrol), EV_RESURFACE | (j << 4));
      return;
    }
    jobs.flags[j] &= ~F_LATENT;
    this.metrics.latent--;
    this.metrics.st.resurfaced++;
    this.demand.classify(jobs, j);
    jobs.channel[j] = channelOf(ch);
    jobs.created[j] = this.now;
    jobs.deadline[j] = this.demand.deadline(jobs.type[j], this.now);
    this.metrics.created(j);
    if (jobs.flags[j] & F_TRACED) this.tracer!.reported(j, this.now, this.traceInfo(j), false);
    this.arrive(j, ch === REPORT_GRID ? this.router.officeAt(j, 0) : this.model.hotlineOffice);
  }

  /**
   * A patrol finds a problem nobody reported: it becomes a case at the resident's grid office,
   * taken up and on site at once, its time counted from when the problem arose.
   */
  private onDiscovery(j: number): void {
    const jobs = this.jobs;
    jobs.flags[j] &= ~F_LATENT;
    this.metrics.latent--;
    // Its time counts from when the problem arose (jobs.created): the patrol's delay is part of it.
    jobs.accepted[j] = this.now;
    jobs.onsite[j] = this.now;
    jobs.deadline[j] = this.demand.deadline(jobs.type[j], jobs.created[j]);
    this.metrics.created(j);
    if (jobs.flags[j] & F_TRACED) this.tracer!.reported(j, this.now, this.traceInfo(j), true);
    this.arrive(j, this.router.officeAt(j, 0));
  }

  /**
   * Once a day: residents whose cases are past their deadline lose trust for the wait and may
   * contact again (a call to the hotline, or at low trust a petition: failure demand); an
   * overdue case still waiting at a level climbs; the metrics note the open cases.
   */
  private onDaily(): void {
    const jobs = this.jobs;
    const now = this.now;
    const m = this.scenario.mechanisms;
    const climbAfter = m.escalateAfterHours * 60;
    jobs.forEachOpenCase((j) => {
      if (now <= jobs.deadline[j]) return;
      if (m.escalateOverdue && now > jobs.deadline[j] + climbAfter) this.escalateIfWaiting(j);
      if (!m.residentsRespond) return;
      const r = jobs.resident[j];
      const act = this.residents.waitingDay(r);
      if (act === WAIT_NOTHING) return;
      this.metrics.repeatContact(act === WAIT_PETITION);
      const c = jobs.alloc();
      jobs.flags[c] = F_CONTACT;
      jobs.stage[c] = ST_CONTACT;
      jobs.field[c] = 0;
      jobs.resident[c] = r;
      jobs.accepted[c] = now;
      jobs.info[c] = 1;
      this.arrive(c, this.model.hotlineOffice);
    });
    this.metrics.daily();
  }

  /** A new case of resident `resident` by `channel`, its attributes drawn (sim/submodels/demand.ts). */
  private newCase(resident: number, channel: number): number {
    const jobs = this.jobs;
    const j = jobs.alloc();
    jobs.resident[j] = resident;
    jobs.channel[j] = channel;
    jobs.parent[j] = -1;
    jobs.pending[j] = 0;
    jobs.flags[j] = 0;
    jobs.hops[j] = 0;
    jobs.bounces[j] = 0;
    jobs.created[j] = this.now;
    jobs.accepted[j] = -1;
    jobs.onsite[j] = -1;
    jobs.info[j] = 1;
    this.demand.drawCase(jobs, j);
    if (channel !== CH_DISCOVERED) {
      jobs.deadline[j] = this.demand.deadline(jobs.type[j], this.now);
      this.metrics.created(j);
    }
    return j;
  }

  /** What the tracer records of a case when it is raised or reported. */
  private traceInfo(j: number) {
    const jobs = this.jobs;
    return {
      channel: jobs.channel[j],
      type: jobs.type[j],
      field: jobs.field[j] === 1,
      difficulty: jobs.z[j],
      deadline: jobs.flags[j] & F_LATENT ? Infinity : jobs.deadline[j],
    };
  }

  // ------------------------------------------------------------- read-only views for metrics

  trustStats(ps: readonly number[]): { mean: number; sd: number; quantiles: number[] } {
    return this.residents.trustStats(ps);
  }
  meanTrust(): number {
    return this.residents.meanTrust();
  }
  get busy(): Int32Array {
    return this.offices.busy;
  }
  get cap(): Int32Array {
    return this.offices.cap;
  }
  get served(): Float64Array {
    return this.offices.served;
  }
  busyAreaNow(o: number): number {
    return this.offices.busyAreaNow(o, this.now);
  }
  capAreaNow(o: number): number {
    return this.offices.capAreaNow(o, this.now);
  }
  queueAreaNow(o: number): number {
    return this.offices.queueAreaNow(o, this.now);
  }
  overtimeAreaNow(o: number): number {
    return this.offices.overtimeAreaNow(o, this.now);
  }
  /** Calls fn for every open case (not parts, latent problems or repeat contacts). */
  forEachOpenCase(fn: (j: number) => void): void {
    this.jobs.forEachOpenCase(fn);
  }
  /** Calls fn with the resident of every open case (for counts by where residents live). */
  forEachOpenResident(fn: (resident: number) => void): void {
    const res = this.jobs.resident;
    this.jobs.forEachOpenCase((j) => fn(res[j]));
  }
}

/** The live view of an engine (sim/observe/live.ts). */
export function liveView(e: Engine): LiveView {
  const m = e.model;
  return {
    get now() {
      return e.now;
    },
    tiers: m.tiers,
    groups: m.groups,
    officeCount: m.officeCount,
    tierIds: () => e.metrics.tierIds(),
    officeQueues: () => Int32Array.from(e.offices.qLen),
    officeBusy: () => Int32Array.from(e.offices.busy),
    officeCapacity: () => Int32Array.from(e.offices.cap),
    groupOpen: (g) => isOpen(m.calendars[m.groups[g].calendar], e.now),
    trust: () => e.residents.effectiveTrustAll(),
    forEachOpenResident: (fn) => e.forEachOpenResident(fn),
    closeHistogram: () => Float64Array.from(e.metrics.closeHistogram),
    closeStats: () => e.metrics.closeStats(),
    flowMatrix: () => e.metrics.flowMatrix(),
    memory: () => ({ samplesBytes: e.metrics.samplesBytes(), jobBytes: e.jobs.bytes() }),
  };
}

/** The case channel of a way of reporting. */
function channelOf(report: number): number {
  return report === REPORT_GRID ? CH_GRID : report === REPORT_PETITION ? CH_PETITION : CH_HOTLINE;
}
