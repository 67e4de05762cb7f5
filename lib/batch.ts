/**
 * Experiments from code in one call: `experiment(input)` validates, resolves presets and
 * files, runs the replications in worker threads (or in this thread), and returns the
 * results. Metrics the catalogue lacks are hooks (experiments/hooks.ts): functions of a
 * snapshot, run in the calling thread on the snapshots the workers send back.
 *
 * The guards of the command line apply (scenarios/guard.ts, workers/host.ts): files are
 * read only when regular and at most 256 MB (InputFileError), worker threads are capped at
 * the cores, options are checked (OptionError), and an experiment past this machine's
 * compute budget is refused before it starts (BudgetError) unless `allowLarge`.
 */
import path from 'node:path';
import { BudgetError, describeValue, OptionError } from '../scenarios/guard.ts';
import { presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import { parseAndPlanExperiment, type Plan } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import type { ExperimentInput } from '../experiments/experiment.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { withMetricHooks, type MetricHook } from '../experiments/hooks.ts';
import { runExperiment, type ExperimentOutput, type RunExperimentOptions } from '../experiments/runner.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { cachedExecutor, type CacheStats } from '../experiments/cache.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { cacheFolder, fileStore } from '../workers/file-cache.ts';
import { budgetOfMachine, readInputFile, workersOnThisMachine } from '../workers/host.ts';

export interface ExperimentOptions extends RunExperimentOptions {
  /** Worker threads; 0 runs in this thread. Default: cores less one, at least one; never more than the cores. */
  workers?: number;
  /** Run even past this machine's compute budget (4 GB of memory, or 60% of the machine's, or two billion events). */
  allowLarge?: boolean;
  /** Metrics by name, computed from snapshots; list their names in `metrics` or `series.metrics`. */
  hooks?: Record<string, MetricHook>;
  /** Folder that structures' `file` paths are relative to (default: the current folder). */
  baseDir?: string;
  /**
   * The results cache: `true` keeps finished runs in the cache folder (`FLATGOV_CACHE`, else
   * `~/.cache/flatgov`) and reuses the ones there, a string names the folder; off by default.
   * A run from the cache gives the same values as a fresh one. Runs with metric hooks are
   * always computed.
   */
  cache?: boolean | string;
  /** Filled with what the cache did (runs reused, computed), when `cache` is on. */
  cacheStats?: CacheStats;
}

/** Resolve a structure's preset or file into scenario JSON. */
export function loadStructure(baseDir: string) {
  return (ref: { preset?: string; file?: string; scenario?: unknown }): unknown => {
    if (ref.preset !== undefined) return presetJson(ref.preset);
    if (ref.file !== undefined) {
      const file = path.resolve(baseDir, ref.file);
      return parseJsonText(readInputFile(file), file);
    }
    return ref.scenario;
  };
}

/**
 * The plan of an experiment given as data (presets, files relative to `baseDir`, or inline
 * scenarios); `input` may be anything parsed from a file: it is validated, every problem
 * reported at once.
 */
export function planFrom(input: unknown, opts: Pick<ExperimentOptions, 'hooks' | 'baseDir'> = {}): Plan {
  return parseAndPlanExperiment(input, loadStructure(opts.baseDir ?? process.cwd()), Object.keys(opts.hooks ?? {}));
}

/**
 * Run an experiment: every structure × design point × replication, on common random
 * numbers. Resolves when every run has finished (or the signal aborts: then with what did).
 * The input is typed (`ExperimentInput`, as in scenarios/experiment.schema.json), so a
 * misspelt field does not compile; it is validated all the same, with every problem named.
 */
export async function experiment(input: ExperimentInput, opts: ExperimentOptions = {}): Promise<ExperimentOutput> {
  checkOptions(opts);
  const plan = planFrom(input, opts);
  const { count: workers } = workersOnThisMachine(opts.workers, { allowZero: true });
  if (!opts.allowLarge) {
    const e = plan.experiment;
    // Runs take snapshots for a series (daily or weekly) and, with hooks, every day.
    const every = Object.keys(opts.hooks ?? {}).length > 0 ? 1440 : e.series ? (e.series.every === 'weekly' ? 7 : 1) * 1440 : 0;
    const perScenario = plan.scenarios.flat().map((sc) => estimateRun(sc, e.days, every));
    const reps = Math.ceil((e.sequential?.maxReplications ?? e.replications) / (opts.shard?.count ?? 1));
    const over = overBudget(perScenario, budgetOfMachine(), { parallel: Math.max(1, workers), runs: perScenario.map(() => reps) });
    if (over.length > 0)
      throw new BudgetError(
        `this experiment ${over.join('; and ')}; use fewer replications, days, sweep points or workers, or pass allowLarge: true`,
      );
  }
  const folder = opts.cache === true ? cacheFolder() : typeof opts.cache === 'string' ? opts.cache : undefined;
  const pool = workers > 0 ? nodePool(workers) : undefined;
  try {
    let base = pool ? poolExecutor(pool) : inProcessExecutor(runJob);
    if (folder) base = cachedExecutor(base, fileStore(folder), opts.cacheStats);
    const exec = withMetricHooks(base, opts.hooks ?? {});
    return await runExperiment(plan, exec, { ...opts, commit: opts.commit ?? codeCommit() });
  } finally {
    pool?.close();
  }
}

/** The options of `experiment`, checked before anything runs; an OptionError names the first that is wrong. */
function checkOptions(opts: unknown): void {
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    throw new OptionError('options', `expected an object such as { workers: 2 }, got ${describeValue(opts)}`);
  const o = opts as ExperimentOptions;
  for (const f of ['onProgress', 'onResult'] as const)
    if (o[f] !== undefined && typeof o[f] !== 'function') throw new OptionError(f, `expected a function, got ${describeValue(o[f])}`);
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new OptionError('signal', `expected an AbortSignal (new AbortController().signal), got ${describeValue(o.signal)}`);
  if (o.hooks !== undefined) {
    if (typeof o.hooks !== 'object' || o.hooks === null || Array.isArray(o.hooks))
      throw new OptionError('hooks', `expected an object of metric name → function, got ${describeValue(o.hooks)}`);
    for (const [name, fn] of Object.entries(o.hooks))
      if (typeof fn !== 'function') throw new OptionError(`hooks.${name}`, `expected a function of a snapshot, got ${describeValue(fn)}`);
  }
  if (o.shard !== undefined) {
    const sh = o.shard as { index?: unknown; count?: unknown };
    const ok =
      typeof sh === 'object' &&
      sh !== null &&
      Number.isSafeInteger(sh.count) &&
      (sh.count as number) >= 1 &&
      Number.isSafeInteger(sh.index) &&
      (sh.index as number) >= 0 &&
      (sh.index as number) < (sh.count as number);
    if (!ok) throw new OptionError('shard', `expected { index, count } with 0 ≤ index < count, got ${describeValue(o.shard)}`);
  }
  if (o.baseDir !== undefined && typeof o.baseDir !== 'string')
    throw new OptionError('baseDir', `expected a folder path, got ${describeValue(o.baseDir)}`);
  if (o.date !== undefined && !(o.date instanceof Date && Number.isFinite(o.date.getTime())))
    throw new OptionError('date', `expected a valid Date, got ${describeValue(o.date)}`);
  if (o.cache !== undefined && typeof o.cache !== 'boolean' && !(typeof o.cache === 'string' && o.cache !== ''))
    throw new OptionError('cache', `expected true, false or a folder path, got ${describeValue(o.cache)}`);
  if (o.cacheStats !== undefined && (typeof o.cacheStats !== 'object' || o.cacheStats === null))
    throw new OptionError('cacheStats', `expected an object to fill, got ${describeValue(o.cacheStats)}`);
}
