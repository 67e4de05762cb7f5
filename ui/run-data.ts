/**
 * What the app keeps of a running simulation, per structure: the time series received so
 * far, as the catalogue's typed columns (sim/observe/columns.ts, appended frame by frame),
 * and the latest state of offices. Charts, the headline strip, the story and the downloads
 * read series by their catalogue id; none keeps a list of its own.
 */
import { RunColumns } from '../sim/observe/columns.ts';
import type { Frame, SessionInfo } from '../workers/session.ts';

export class RunData {
  readonly columns: RunColumns;
  /** The latest frame: offices now, the histogram of times to close, flows. */
  last?: Frame;

  constructor(readonly info: SessionInfo) {
    this.columns = new RunColumns(info.tiers.length);
  }

  /** Snapshots received. */
  get length(): number {
    return this.columns.length;
  }

  /** The days of the snapshots. */
  get day(): Float64Array {
    return this.columns.day();
  }

  /** A catalogue series (sim/observe/series.ts SERIES_METRICS) by id. */
  series(id: string): Float64Array {
    return this.columns.series(id);
  }

  /** A per-tier series (TIER_SERIES field) of tier `t`. */
  tierSeries(field: string, t: number): Float64Array {
    return this.columns.tierSeries(field, t);
  }

  /** The latest value of a series. */
  latest(id: string): number {
    return this.columns.latest(id);
  }
}

export function emptyRun(info: SessionInfo): RunData {
  return new RunData(info);
}

export function appendFrame(d: RunData, f: Frame): void {
  d.columns.append(f.series);
  d.last = f;
}
