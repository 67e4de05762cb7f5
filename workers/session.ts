/**
 * An interactive run inside a worker: the page asks it to advance to a day and gets back
 * what is new (snapshots as columns of typed arrays, transferable) and the state of every
 * office group (queues, staff busy), so the app can pause, step and change speed by how
 * often and how far it asks.
 */
import { createSimulation, type Simulation } from '../sim/simulate.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { columnBuffers, packSeries, type SeriesColumns } from '../sim/observe/columns.ts';
import { unitOf } from '../sim/submodels/residence.ts';
import { Tracer, type Journey } from '../sim/observe/trace.ts';

export interface SessionInfo {
  scenarioId: string;
  seed: number;
  /** Tiers as the metrics index them (levels, departments, centre, then hotline). */
  tiers: { id: string; name: string; nameZh?: string; kind: string; units: number }[];
  /** Office groups: each level, each department, the centre and the hotline. */
  groups: {
    id: string;
    name: string;
    nameZh?: string;
    kind: string;
    tier: number;
    offices: number;
    staff: number;
    firstOffice: number;
    costPerPostYuan: number;
  }[];
  snapshotEveryMinutes: number;
  /** The map's frame of reference: micro-grids, and the level whose units are the map's cells (the community level, else the first). */
  microGrids: number;
  cellLevel: number;
  residents: number;
  officeCount: number;
  /** Every k-th problem is followed (0: none). */
  followEvery: number;
}

/** State codes of a followed case on the map. */
export const MAP_STATES = ['unnoticed', 'waiting', 'working', 'travel', 'transfer', 'returned', 'parts'] as const;
export const MAP_OUTCOMES = ['open', 'closed', 'lost', 'unreported'] as const;
/** Numbers per followed case in MapFrame.live: problem, state, office, from, progress, overdue, home cell. */
export const LIVE_STRIDE = 7;
/** Numbers per case in MapFrame.ended: problem, outcome, office, home cell. */
export const ENDED_STRIDE = 4;

/** What the living map draws: the followed cases, every office's queue and staff, and each cell's backlog and trust. */
export interface MapFrame {
  day: number;
  live: Float64Array;
  ended: Float64Array;
  queue: Int32Array;
  busy: Int32Array;
  capacity: Int32Array;
  /** Per cell: open cases of its residents (all cases, not only those followed), and their mean trust. */
  backlog: Float32Array;
  trust: Float32Array;
}

export interface Frame {
  day: number;
  /** Snapshots since the last frame, one column per series of the catalogue (sim/observe/columns.ts). */
  series: SeriesColumns;
  /** Per group now: cases waiting, staff busy, staff available. */
  groupQueue: Float64Array;
  groupBusy: Float64Array;
  groupCapacity: Float64Array;
  /** Per group: 1 in office hours (capacity = staff on duty), 0 after hours (capacity = staff on call). */
  groupOpen: Float64Array;
  /** Closed cases by hours to close so far (see CLOSE_HOUR_EDGES). */
  closeHistogram: Float64Array;
  /** Time to close so far, hours. */
  hoursToClose: { mean: number; p50: number; p90: number; p99: number };
  /** Cases by channel (grid, discovered, hotline, petition) × outcome (each tier, lost, open), row-major. */
  flows: Float64Array;
}

export class SimSession {
  private sim: Simulation;
  private sent = 0;
  readonly info: SessionInfo;

  private tracer?: Tracer;
  /** Each resident's cell, made when the map first asks. */
  private homes?: Int32Array;
  private cellResidents?: Float64Array;

  constructor(scenario: unknown, seed: number, snapshotEveryMinutes: number, followEvery = 0) {
    if (!(Number.isInteger(followEvery) && followEvery >= 0))
      throw new RangeError(`followEvery: expected a whole number ≥ 0, got ${followEvery}`);
    const tracer = followEvery > 0 ? new Tracer({ every: followEvery }) : undefined;
    this.tracer = tracer;
    this.sim = createSimulation(scenario, { seed, snapshotEveryMinutes, tracer });
    const m = this.sim.view;
    const levels = this.sim.scenario.levels;
    const community = levels.findIndex((l) => l.kind === 'community');
    this.info = {
      scenarioId: this.sim.scenario.id,
      seed,
      tiers: [...m.tiers.map((t) => ({ ...t })), { id: 'hotline', name: 'Hotline', nameZh: '热线', kind: 'hotline', units: 1 }],
      groups: m.groups.map((g) => ({
        id: g.id,
        name: g.name,
        nameZh: g.nameZh,
        kind: g.kind,
        tier: g.tier < 0 ? m.tiers.length : g.tier,
        offices: g.offices,
        staff: g.staffPerOffice * g.offices,
        firstOffice: g.firstOffice,
        costPerPostYuan: g.costPerPostYuan,
      })),
      snapshotEveryMinutes,
      microGrids: this.sim.scenario.population.microGrids,
      cellLevel: community >= 0 ? community : 0,
      residents: this.sim.scenario.population.residents,
      officeCount: m.officeCount,
      followEvery,
    };
  }

  get day(): number {
    return this.sim.now / 1440;
  }

  advanceTo(day: number): Frame {
    if (!(day >= this.day)) throw new RangeError(`advance: expected a day ≥ ${this.day}, got ${day}`);
    this.sim.advanceTo(day * 1440);
    return this.frame();
  }

  frame(): Frame {
    const v = this.sim.view;
    const series = this.sim.series.slice(this.sent);
    this.sent = this.sim.series.length;
    const G = v.groups.length;
    const q = new Float64Array(G);
    const b = new Float64Array(G);
    const c = new Float64Array(G);
    const open = new Float64Array(G);
    const [queues, busy, cap] = [v.officeQueues(), v.officeBusy(), v.officeCapacity()];
    v.groups.forEach((g, gi) => {
      open[gi] = v.groupOpen(gi) ? 1 : 0;
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
        q[gi] += queues[o];
        b[gi] += busy[o];
        c[gi] += cap[o];
      }
    });
    return {
      day: this.day,
      series: packSeries(series, this.info.tiers.length),
      groupQueue: q,
      groupBusy: b,
      groupCapacity: c,
      groupOpen: open,
      closeHistogram: v.closeHistogram(),
      hoursToClose: v.closeStats(),
      flows: v.flowMatrix(),
    };
  }

  summary(): Summary {
    return this.sim.summary();
  }

  /** The journey of a followed problem, if it is followed and kept. */
  journey(problem: number): Journey | undefined {
    return this.tracer?.journey(problem);
  }

  mapFrame(): MapFrame {
    const v = this.sim.view;
    const now = v.now;
    const residentTrust = v.trust();
    const cells = this.info.tiers[this.info.cellLevel].units;
    if (!this.homes) {
      this.homes = new Int32Array(residentTrust.length);
      this.cellResidents = new Float64Array(cells);
      for (let r = 0; r < this.homes.length; r++) this.cellResidents[(this.homes[r] = unitOf(r, this.info.microGrids, cells))]++;
    }
    const homes = this.homes;
    const trustSum = new Float64Array(cells);
    for (let r = 0; r < homes.length; r++) trustSum[homes[r]] += residentTrust[r];
    const trust = Float32Array.from(trustSum, (t, c) => (this.cellResidents![c] > 0 ? t / this.cellResidents![c] : NaN));
    const backlog = new Float32Array(cells);
    v.forEachOpenResident((r) => backlog[homes[r]]++);
    const live: number[] = [];
    const ended: number[] = [];
    if (this.tracer) {
      for (const j of this.tracer.open()) live.push(...liveRow(j, now, homes[j.resident]));
      for (const j of this.tracer.takeEnded()) {
        const last = j.segments[j.segments.length - 1];
        ended.push(j.problem, MAP_OUTCOMES.indexOf(j.outcome), last && last.office >= 0 ? last.office : -1, homes[j.resident]);
      }
    }
    return {
      day: now / 1440,
      live: Float64Array.from(live),
      ended: Float64Array.from(ended),
      queue: v.officeQueues(),
      busy: v.officeBusy(),
      capacity: v.officeCapacity(),
      backlog,
      trust,
    };
  }
}

/** Where a followed case is now, as a row of MapFrame.live. */
function liveRow(j: Journey, now: number, home: number): number[] {
  const segs = j.segments;
  let k = segs.length - 1;
  while (k > 0 && segs[k].start > now) k--;
  const s = segs[k];
  const overdue = now > j.deadline ? 1 : 0;
  if (!s) return [j.problem, 0, -1, -1, 0, overdue, home];
  // Waiting for departments' parts: shown where the case was split.
  const office = s.kind === 'parts' ? (segs[k - 1]?.office ?? -1) : s.office;
  const progress = s.end > s.start && Number.isFinite(s.end) ? Math.min(1, Math.max(0, (now - s.start) / (s.end - s.start))) : 0;
  return [j.problem, MAP_STATES.indexOf(s.kind), office, s.from ?? -1, progress, overdue, home];
}

/** The typed arrays of a frame, to transfer rather than copy. */
export function frameTransferables(f: Frame): ArrayBuffer[] {
  return [
    ...columnBuffers(f.series),
    ...[f.groupQueue, f.groupBusy, f.groupCapacity, f.groupOpen, f.closeHistogram, f.flows].map((a) => a.buffer as ArrayBuffer),
  ];
}
