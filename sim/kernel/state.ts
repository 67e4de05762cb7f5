/**
 * The engine's state as the metrics read it. The engine implements this; the metrics depend
 * on it alone, so that nothing in the metrics can change a run.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { CompiledModel } from './compile.ts';

export interface JobArrays {
  created: Float64Array;
  accepted: Float64Array;
  onsite: Float64Array;
  deadline: Float64Array;
  type: Uint8Array;
  field: Uint8Array;
  channel: Uint8Array;
  hops: Uint16Array;
  bounces: Uint16Array;
}

export interface EngineState {
  readonly model: CompiledModel;
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly now: number;
  readonly events: number;
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  readonly served: Float64Array;
  readonly trust: Float32Array;
  readonly trustSum: number;
  readonly jobs: JobArrays;
  busyAreaNow(o: number): number;
  capAreaNow(o: number): number;
  queueAreaNow(o: number): number;
  overtimeAreaNow(o: number): number;
  /** Calls fn for every open case (not parts, contacts or unreported problems). */
  forEachOpenCase(fn: (j: number) => void): void;
}
