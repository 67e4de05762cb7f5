/**
 * flatgov/experiments: replications of several structures on common random numbers, with
 * sweeps (grid, Latin hypercube or listed points), time series and custom metrics; the
 * runner, worker pools (Node worker threads), shards and merge, tidy CSV and statistics.
 *
 * @example
 * ```ts
 * import { experiment, toCsv } from 'flatgov/experiments';
 * const out = await experiment({ structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }], replications: 5, days: 30 });
 * console.log(out.differences.find((d) => d.metric === 'hoursToClose.mean'));
 * ```
 * @module
 */
export {
  experiment,
  planFrom,
  loadStructure,
  withMetricHooks,
  type ExperimentOptions,
  type HookContext,
  type MetricHook,
} from '../workers/batch.ts';
export {
  parseExperiment,
  planExperiment,
  designPoints,
  jobsFor,
  runJob,
  aggregate,
  manifestFor,
  toCsv,
  seriesToCsv,
  manifestJson,
  toJson,
  metricUnit,
  experimentSchema,
  ExperimentError,
  EXPERIMENT_VERSION,
  FLATGOV_VERSION,
  type Experiment,
  type ExperimentInput,
  type ExperimentResult,
  type Plan,
  type Job,
  type JobResult,
  type JobFailure,
  type SweepPoint,
  type SummaryRow,
  type DifferenceRow,
  type TidyRow,
  type SeriesRow,
  type Manifest,
  type ResolvedStructure,
} from '../experiments/experiment.ts';
export {
  runExperiment,
  mergeShards,
  inProcessExecutor,
  planOfOutput,
  JobError,
  type Executor,
  type Progress,
  type RunExperimentOptions,
  type ExperimentOutput,
} from '../experiments/runner.ts';
export { nodePool, defaultWorkerCount, poolExecutor } from '../workers/node-pool.ts';
export { WorkerPool, WorkerDiedError } from '../workers/pool.ts';
export { interval, pairedDifference, tCritical, type Interval, type PairedTest } from '../experiments/stats.ts';
export { SERIES_METRICS, DEFAULT_SERIES_METRICS, seriesMetricInfo, type SeriesMetricInfo } from '../sim/observe/series.ts';
export { metricInfo, LEVEL_FIELDS } from '../sim/observe/catalog.ts';
export { csvText, csvCell, type Cell } from '../experiments/csv.ts';
