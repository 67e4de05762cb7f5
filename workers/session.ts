/**
 * An interactive run inside a worker: the page asks it to advance to a day and gets back
 * what is new (snapshots as columns of typed arrays, transferable) and the state of every
 * office group (queues, staff busy), so the app can pause, step and change speed by how
 * often and how far it asks.
 */
import { createSimulation, type Simulation } from '../sim/simulate.ts';
import type { Snapshot, Summary } from '../sim/metrics.ts';
import { isOpen } from '../sim/calendar.ts';

export interface SessionInfo {
  scenarioId: string;
  seed: number;
  /** Tiers as the metrics index them (levels, departments, centre, then hotline). */
  tiers: { id: string; name: string; nameZh?: string; kind: string; units: number }[];
  /** Office groups: each level, each department, the centre and the hotline. */
  groups: { id: string; name: string; nameZh?: string; kind: string; tier: number; offices: number; staff: number }[];
  snapshotEveryMinutes: number;
}

/** Snapshots since the last frame, one column per quantity; per-tier quantities are n × tiers, row-major. */
export interface SeriesColumns {
  n: number;
  day: Float64Array;
  created: Float64Array;
  closed: Float64Array;
  lost: Float64Array;
  open: Float64Array;
  closedInInterval: Float64Array;
  createdInInterval: Float64Array;
  localResolutionShare: Float64Array;
  costYuan: Float64Array;
  trustMean: Float64Array;
  bypassShareInInterval: Float64Array;
  /** n × 4: accept30m, onsite1h, close24h, difficult5wd. */
  sla: Float64Array;
  presentByTier: Float64Array;
  queuedByTier: Float64Array;
  utilisationByTier: Float64Array;
  utilisationWeekByTier: Float64Array;
  closedAtTier: Float64Array;
}

export interface Frame {
  day: number;
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

export function packSeries(snaps: readonly Snapshot[], tiers: number): SeriesColumns {
  const n = snaps.length;
  const col = (f: (s: Snapshot) => number) => Float64Array.from(snaps, f);
  const wide = (f: (s: Snapshot) => number[]) => {
    const a = new Float64Array(n * tiers);
    snaps.forEach((s, i) => a.set(f(s).slice(0, tiers), i * tiers));
    return a;
  };
  const sla = new Float64Array(n * 4);
  snaps.forEach((s, i) => sla.set([s.sla.accept30m, s.sla.onsite1h, s.sla.close24h, s.sla.difficult5wd], i * 4));
  return {
    n, day: col((s) => s.day), created: col((s) => s.created), closed: col((s) => s.closed), lost: col((s) => s.lost),
    open: col((s) => s.open), closedInInterval: col((s) => s.closedInInterval), createdInInterval: col((s) => s.createdInInterval),
    localResolutionShare: col((s) => s.localResolutionShare), costYuan: col((s) => s.costYuan), trustMean: col((s) => s.trustMean),
    bypassShareInInterval: col((s) => s.bypassShareInInterval), sla,
    presentByTier: wide((s) => s.presentByTier), queuedByTier: wide((s) => s.queuedByTier),
    utilisationByTier: wide((s) => s.utilisationByTier), utilisationWeekByTier: wide((s) => s.utilisationWeekByTier),
    closedAtTier: wide((s) => s.closedAtTier),
  };
}

export class SimSession {
  private sim: Simulation;
  private sent = 0;
  readonly info: SessionInfo;

  constructor(scenario: unknown, seed: number, snapshotEveryMinutes: number) {
    this.sim = createSimulation(scenario, { seed, snapshotEveryMinutes });
    const m = this.sim.engine.model;
    this.info = {
      scenarioId: this.sim.scenario.id,
      seed,
      tiers: [...m.tiers.map((t) => ({ ...t })), { id: 'hotline', name: 'Hotline', nameZh: '热线', kind: 'hotline', units: 1 }],
      groups: m.groups.map((g) => ({
        id: g.id, name: g.name, nameZh: g.nameZh, kind: g.kind, tier: g.tier < 0 ? m.tiers.length : g.tier, offices: g.offices,
        staff: g.staffPerOffice * g.offices,
      })),
      snapshotEveryMinutes,
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
    const e = this.sim.engine;
    const m = e.model;
    const series = this.sim.series.slice(this.sent);
    this.sent = this.sim.series.length;
    const G = m.groups.length;
    const q = new Float64Array(G);
    const b = new Float64Array(G);
    const c = new Float64Array(G);
    const open = new Float64Array(G);
    m.groups.forEach((g, gi) => {
      open[gi] = isOpen(m.calendars[g.calendar], e.now) ? 1 : 0;
      for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
        q[gi] += e.qLen[o];
        b[gi] += e.busy[o];
        c[gi] += e.cap[o];
      }
    });
    return {
      day: this.day, series: packSeries(series, this.info.tiers.length), groupQueue: q, groupBusy: b, groupCapacity: c, groupOpen: open,
      closeHistogram: Float64Array.from(e.metrics.closeHistogram),
      hoursToClose: e.metrics.closeStats(),
      flows: e.metrics.flowMatrix(),
    };
  }

  summary(): Summary {
    return this.sim.summary();
  }
}

/** The typed arrays of a frame, to transfer rather than copy. */
export function frameTransferables(f: Frame): ArrayBuffer[] {
  const s = f.series;
  return [
    s.day, s.created, s.closed, s.lost, s.open, s.closedInInterval, s.createdInInterval, s.localResolutionShare, s.costYuan,
    s.trustMean, s.bypassShareInInterval, s.sla, s.presentByTier, s.queuedByTier, s.utilisationByTier, s.utilisationWeekByTier, s.closedAtTier,
    f.groupQueue, f.groupBusy, f.groupCapacity, f.groupOpen, f.closeHistogram, f.flows,
  ].map((a) => a.buffer as ArrayBuffer);
}
