/**
 * The engine's state as the metrics read it. The engine implements this; the metrics depend
 * on it alone, so that nothing in the metrics can change a run.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { CompiledModel } from './compile.ts';
import type { JobArrays } from './jobs.ts';

export type { JobArrays } from './jobs.ts';

export interface EngineState {
  readonly model: CompiledModel;
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly now: number;
  readonly events: number;
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  readonly served: Float64Array;
  /** Residents' effective trust (own and word of mouth): its mean, and mean, spread and percentiles. */
  meanTrust(): number;
  trustStats(ps: readonly number[]): { mean: number; sd: number; quantiles: number[] };
  readonly jobs: JobArrays;
  busyAreaNow(o: number): number;
  capAreaNow(o: number): number;
  queueAreaNow(o: number): number;
  overtimeAreaNow(o: number): number;
  /** Calls fn for every open case (not parts, contacts or unreported problems). */
  forEachOpenCase(fn: (j: number) => void): void;
}
