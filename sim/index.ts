export { simulate, createSimulation } from './simulate.ts';
export type { RunOptions, SimulateOptions, RunResult, Simulation } from './simulate.ts';
export type { Snapshot, Summary, Sla, Percentiles } from './observe/metrics.ts';
export { ConservationError } from './observe/metrics.ts';
export { replicationSeed } from './random/rng.ts';
export {
  Tracer,
  hoursByKind,
  hoursToClose,
  type Journey,
  type Segment,
  type SegmentKind,
  type Outcome,
  type TracerOptions,
} from './observe/trace.ts';
export * from './theory.ts';
export * from './observe/catalog.ts';
