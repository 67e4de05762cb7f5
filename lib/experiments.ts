/**
 * flatgov/experiments: replications of several structures on common random numbers, with
 * sweeps (grid, Latin hypercube or listed points), time series and custom metrics; the
 * runner, worker pools (Node worker threads), shards and merge, tidy CSV and statistics;
 * and the studies that answer a researcher's questions through an executor: how much of a
 * difference is structure (`decompose`), where one structure loses to another
 * (`discoverExperiment`, `discoverAnalysis`: PRIM boxes) and the best allocation of a
 * structure's posts within a budget (`optimisePosts`, `postsPareto`).
 *
 * @example
 * ```ts
 * import { experiment, toCsv } from 'flatgov/experiments';
 * const out = await experiment({ structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }], replications: 5, days: 30 });
 * console.log(out.differences.find((d) => d.metric === 'hoursToClose.mean'));
 * ```
 *
 * Errors: `ExperimentError` (an invalid experiment, every problem with its path),
 * `InputFileError` (a structure file that is missing, a folder, a pipe, a device or larger
 * than 256 MB), `OptionError` (an option of the wrong kind), `BudgetError` (an experiment
 * past this machine's compute budget; pass `allowLarge: true`), `MergeError` (shards that do
 * not fit together, or a shard edited or damaged: it names the shard and the field). A
 * replication that fails (a `HookError` from a hook that returns no number, a worker that
 * dies) is listed in the output's `failures`. Worker threads are never more than the cores.
 * @module
 */
export { experiment, planFrom, loadStructure, type ExperimentOptions } from './batch.ts';
export { withMetricHooks, HookError, type HookContext, type MetricHook } from '../experiments/hooks.ts';
export { OptionError, BudgetError, InputFileError, OutputFileError, LIMITS } from '../scenarios/guard.ts';
export { readInputFile } from '../workers/host.ts';
export {
  parseExperiment,
  experimentSchema,
  ExperimentError,
  EXPERIMENT_VERSION,
  type Experiment,
  type ExperimentInput,
} from '../experiments/experiment.ts';
export { planExperiment, type Plan, type ResolvedStructure } from '../experiments/plan.ts';
export { designPoints, type SweepPoint } from '../experiments/design.ts';
export { jobsFor, runJob, type Job, type JobResult, type JobFailure } from '../experiments/jobs.ts';
export {
  aggregate,
  metricUnit,
  type ExperimentResult,
  type SummaryRow,
  type DifferenceRow,
  type TidyRow,
  type SeriesRow,
} from '../experiments/results.ts';
export { manifestFor, type Manifest } from '../experiments/manifest.ts';
export { toCsv, seriesToCsv, summaryToCsv, differencesToCsv, manifestJson, toJson } from '../experiments/formats.ts';
export { unitsTable, UNIT_MEANINGS, metricFileUnit, paramUnit, type UnitsTable } from '../experiments/units.ts';
export {
  cachedExecutor,
  memoryStore,
  runKey,
  runIdentity,
  CACHE_FORMAT,
  type RunStore,
  type CacheStats,
  type RunIdentity,
} from '../experiments/cache.ts';
export { fileStore, cacheFolder, cacheContents, pruneCache } from '../workers/file-cache.ts';
export { FLATGOV_VERSION } from '../experiments/identity.ts';
export { runExperiment, JobError, type Progress, type RunExperimentOptions, type ExperimentOutput } from '../experiments/runner.ts';
export { mergeShards, planOfOutput, MergeError } from '../experiments/merge.ts';
export type { ShardChecksums } from '../experiments/checksums.ts';
export { inProcessExecutor, resumingExecutor, type Executor } from '../experiments/executor.ts';
export { nodePool, defaultWorkerCount, poolExecutor } from '../workers/node-pool.ts';
export { WorkerPool, WorkerDiedError } from '../workers/pool.ts';
export { interval, pairedDifference, tCritical, type Interval, type PairedTest } from '../experiments/stats.ts';
export { SERIES_METRICS, DEFAULT_SERIES_METRICS, seriesMetricInfo, type SeriesMetricInfo } from '../sim/observe/series.ts';
export { metricInfo, LEVEL_FIELDS } from '../sim/observe/catalog.ts';
export { csvText, csvCell, type Cell } from '../experiments/csv.ts';
export {
  decompose,
  decompositionExperiment,
  decompositionMarkdown,
  DECOMPOSE_METRICS,
  type Decomposition,
  type PartShare,
} from '../studies/decompose.ts';
export {
  discoverExperiment,
  discoverAnalysis,
  discoverMarkdown,
  NAMED_OUTCOMES,
  type DiscoverOptions,
  type DiscoverOutcome,
  type DiscoverResult,
  type DiscoverBox,
} from '../studies/discover.ts';
export {
  optimisePosts,
  postsPareto,
  type AllocationOptions,
  type AllocationResult,
  type AllocationDesign,
} from '../studies/optimise-posts.ts';
export { allocationMarkdown, paretoMarkdown } from '../studies/optimise-report.ts';
export {
  allocationScenario,
  allocationPlaces,
  shippedAllocation,
  ALLOCATION_DIMENSIONS,
  ALLOCATION_METRICS,
  AllocationError,
  type ServiceTarget,
} from '../studies/allocation.ts';
