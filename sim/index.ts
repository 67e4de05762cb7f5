export { simulate, createSimulation } from './simulate.ts';
export type { RunOptions, SimulateOptions, RunResult, Simulation } from './simulate.ts';
export type { Snapshot, Summary, Sla, Percentiles } from './metrics.ts';
export { ConservationError } from './metrics.ts';
export { replicationSeed } from './rng.ts';
export {
  Tracer,
  hoursByKind,
  hoursToClose,
  type Journey,
  type Segment,
  type SegmentKind,
  type Outcome,
  type TracerOptions,
} from './trace.ts';
export * from './theory.ts';
export * from './catalog.ts';
