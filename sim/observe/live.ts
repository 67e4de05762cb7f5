/**
 * Looking at a run while it goes on: what the app's living views and the benchmarks read,
 * without reaching into the engine. Every method reads; none changes the run.
 */
import type { Group, Tier } from '../kernel/compile.ts';
import type { Percentiles } from './types.ts';

export interface LiveView {
  /** Simulated time, minutes. */
  readonly now: number;
  /** Tiers where cases can close (levels, departments, centre). */
  readonly tiers: readonly Tier[];
  /** Office groups: each level, each department, the centre and the hotline. */
  readonly groups: readonly Group[];
  readonly officeCount: number;
  /** Ids of the tiers as the metrics index them: the tiers, then the hotline. */
  tierIds(): string[];
  /** Per office now: cases waiting, staff busy, staff available (copies). */
  officeQueues(): Int32Array;
  officeBusy(): Int32Array;
  officeCapacity(): Int32Array;
  /** Whether group g's calendar is open now. */
  groupOpen(g: number): boolean;
  /** Each resident's trust (a copy). */
  trust(): Float32Array;
  /** Calls fn with the resident of every open case. */
  forEachOpenResident(fn: (resident: number) => void): void;
  /** Closed cases by hours to close so far (bins of CLOSE_HOUR_EDGES), a copy. */
  closeHistogram(): Float64Array;
  /** Time to close of closed cases so far, hours. */
  closeStats(): Percentiles;
  /** Cases by channel × where they ended (each tier, lost, open), row-major. */
  flowMatrix(): Float64Array;
  /** Memory the run holds, bytes: times kept for exact percentiles, and the job table. */
  memory(): { samplesBytes: number; jobBytes: number };
}
