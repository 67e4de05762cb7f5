/**
 * Experiments from code in one call: `experiment(input)` validates, resolves presets and
 * files, runs the replications in worker threads (or in this thread), and returns the
 * results. Metrics the catalogue lacks are hooks (experiments/hooks.ts): functions of a
 * snapshot, run in the calling thread on the snapshots the workers send back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import { parseAndPlanExperiment, type Plan } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import type { ExperimentInput } from '../experiments/experiment.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { withMetricHooks, type MetricHook } from '../experiments/hooks.ts';
import { runExperiment, type ExperimentOutput, type RunExperimentOptions } from '../experiments/runner.ts';
import { cachedExecutor, type CacheStats } from '../experiments/cache.ts';
import { defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { cacheFolder, fileStore } from '../workers/file-cache.ts';

export interface ExperimentOptions extends RunExperimentOptions {
  /** Worker threads; 0 runs in this thread. Default: cores less one, at least one. */
  workers?: number;
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
      return parseJsonText(fs.readFileSync(file, 'utf8'), file);
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
  const plan = planFrom(input, opts);
  const workers = opts.workers ?? defaultWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 0)) throw new RangeError(`workers: expected an integer ≥ 0, got ${workers}`);
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
