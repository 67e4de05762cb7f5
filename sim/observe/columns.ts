/**
 * A run's time series as typed columns, one per series of the catalogue
 * (sim/observe/series.ts): what an interactive run sends the page (packed from its snapshots,
 * transferable without copying) and what the page keeps and draws (appended chunk by chunk).
 * The columns are the catalogue's: a series added there is packed, kept, drawn and exported
 * without another list to change.
 */
import { SERIES_METRICS, TIER_SERIES } from './series.ts';
import type { Snapshot } from './metrics.ts';

/** Snapshots as columns: `day`, one column per catalogue series, and one n × tiers column (row-major) per tier series. */
export interface SeriesColumns {
  n: number;
  /** Tiers of each row of a per-tier column. */
  tiers: number;
  day: Float64Array;
  /** By series id (SERIES_METRICS). */
  values: Record<string, Float64Array>;
  /** By tier field (TIER_SERIES), n × tiers. */
  perTier: Record<string, Float64Array>;
}

/** Pack snapshots into columns; `tiers` is the number of tiers (hotline included). */
export function packSeries(snaps: readonly Snapshot[], tiers: number): SeriesColumns {
  const n = snaps.length;
  const values: Record<string, Float64Array> = {};
  for (const m of SERIES_METRICS) values[m.id] = Float64Array.from(snaps, (s) => m.get(s, []));
  const perTier: Record<string, Float64Array> = {};
  for (const [field, f] of Object.entries(TIER_SERIES)) {
    const a = new Float64Array(n * tiers).fill(NaN);
    snaps.forEach((s, i) => a.set(f.pick(s).slice(0, tiers), i * tiers));
    perTier[field] = a;
  }
  return { n, tiers, day: Float64Array.from(snaps, (s) => s.day), values, perTier };
}

/** The buffers of packed columns, to transfer rather than copy. */
export function columnBuffers(c: SeriesColumns): ArrayBuffer[] {
  return [c.day, ...Object.values(c.values), ...Object.values(c.perTier)].map((a) => a.buffer as ArrayBuffer);
}

/** A column that grows: appended to, read as a view of what it holds. */
class Growing {
  private buf = new Float64Array(64);
  private n = 0;
  private cached?: Float64Array;

  push(a: ArrayLike<number>): void {
    if (this.n + a.length > this.buf.length) {
      const next = new Float64Array(Math.max(2 * this.buf.length, this.n + a.length));
      next.set(this.buf.subarray(0, this.n));
      this.buf = next;
    }
    this.buf.set(a, this.n);
    this.n += a.length;
    this.cached = undefined;
  }

  /** What it holds (a view: valid until the next push). */
  view(): Float64Array {
    return (this.cached ??= this.buf.subarray(0, this.n));
  }
}

/**
 * The columns of a run received so far: chunks of packed columns appended as they arrive.
 * Per-tier columns are kept as one column per tier, so a chart reads any tier's series
 * without copying.
 */
export class RunColumns {
  private readonly dayCol = new Growing();
  private readonly cols = new Map<string, Growing>();
  private readonly tierCols = new Map<string, Growing[]>();

  constructor(readonly tiers: number) {
    for (const m of SERIES_METRICS) this.cols.set(m.id, new Growing());
    for (const field of Object.keys(TIER_SERIES))
      this.tierCols.set(
        field,
        Array.from({ length: tiers }, () => new Growing()),
      );
  }

  /** Snapshots received. */
  get length(): number {
    return this.dayCol.view().length;
  }

  append(c: SeriesColumns): void {
    if (c.tiers !== this.tiers) throw new RangeError(`columns: expected ${this.tiers} tiers, got ${c.tiers}`);
    this.dayCol.push(c.day);
    for (const [id, col] of this.cols) col.push(c.values[id] ?? new Float64Array(c.n).fill(NaN));
    for (const [field, cols] of this.tierCols) {
      const wide = c.perTier[field];
      cols.forEach((col, t) => {
        const a = new Float64Array(c.n);
        for (let i = 0; i < c.n; i++) a[i] = wide ? wide[i * c.tiers + t] : NaN;
        col.push(a);
      });
    }
  }

  day(): Float64Array {
    return this.dayCol.view();
  }

  /** A catalogue series by id (SERIES_METRICS). */
  series(id: string): Float64Array {
    const col = this.cols.get(id);
    if (!col) throw new RangeError(`series "${id}": expected one of ${[...this.cols.keys()].join(', ')}`);
    return col.view();
  }

  /** A per-tier series (TIER_SERIES field) of tier `t` (its index in the run's tiers). */
  tierSeries(field: string, t: number): Float64Array {
    const cols = this.tierCols.get(field);
    if (!cols) throw new RangeError(`tier series "${field}": expected one of ${[...this.tierCols.keys()].join(', ')}`);
    const col = cols[t];
    if (!col) throw new RangeError(`tier series "${field}": tier ${t} of ${this.tiers}`);
    return col.view();
  }

  /** The last value of a series (NaN before the first snapshot). */
  latest(id: string): number {
    const v = this.series(id);
    return v.length ? v[v.length - 1] : NaN;
  }
}
