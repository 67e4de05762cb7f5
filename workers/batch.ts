/**
 * Experiments from code in one call: `experiment(input)` validates, resolves presets and
 * files, runs the replications in worker threads (or in this thread), and returns the
 * results. Metrics the catalogue lacks are hooks: functions of a snapshot, run in the
 * calling thread on the snapshots the workers send back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Snapshot } from '../sim/observe/metrics.ts';
import { presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { parseAndPlanExperiment, runJob, type ExperimentInput, type Job, type Plan } from '../experiments/experiment.ts';
import { defaultWorkerCount, nodePool, poolExecutor } from './node-pool.ts';
import {
  inProcessExecutor,
  runExperiment,
  type Executor,
  type ExperimentOutput,
  type RunExperimentOptions,
} from '../experiments/runner.ts';
import { codeCommit } from './commit.ts';

/** What a metric hook sees besides the snapshot. */
export interface HookContext {
  /** Ids of the tiers the snapshot's per-tier arrays follow (levels, departments, centre, hotline). */
  tiers: readonly string[];
  scenario: Scenario;
}

/** A metric computed from a snapshot: at the end of each run, and on each day of a series. */
export type MetricHook = (snapshot: Snapshot, context: HookContext) => number;

/**
 * An executor that computes hook metrics: jobs run with their snapshots, the hooks fill the
 * values of the metrics they name, and the snapshots are dropped.
 */
export function withMetricHooks(exec: Executor, hooks: Readonly<Record<string, MetricHook>>): Executor {
  const names = Object.keys(hooks);
  if (names.length === 0) return exec;
  return {
    size: exec.size,
    cancel: () => exec.cancel(),
    run: async (job: Job) => {
      const r = await exec.run({ ...job, snapshots: true });
      const snaps = r.snapshots;
      if (!snaps) throw new Error('the worker returned no snapshots for the metric hooks');
      const ctx: HookContext = { tiers: snaps.tiers, scenario: job.scenario };
      job.metrics.forEach((m, i) => {
        if (hooks[m]) r.values[i] = hooks[m](snaps.final, ctx);
      });
      if (job.series && r.series)
        job.series.metrics.forEach((m, i) => {
          if (hooks[m]) r.series!.values[i] = snaps.series.map((x) => hooks[m](x, ctx));
        });
      delete r.snapshots;
      return r;
    },
  };
}

export interface ExperimentOptions extends RunExperimentOptions {
  /** Worker threads; 0 runs in this thread. Default: cores less one, at least one. */
  workers?: number;
  /** Metrics by name, computed from snapshots; list their names in `metrics` or `series.metrics`. */
  hooks?: Record<string, MetricHook>;
  /** Folder that structures' `file` paths are relative to (default: the current folder). */
  baseDir?: string;
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

/** The plan of an experiment given as data (presets, files relative to `baseDir`, or inline scenarios). */
export function planFrom(input: ExperimentInput | unknown, opts: Pick<ExperimentOptions, 'hooks' | 'baseDir'> = {}): Plan {
  return parseAndPlanExperiment(input, loadStructure(opts.baseDir ?? process.cwd()), Object.keys(opts.hooks ?? {}));
}

/**
 * Run an experiment: every structure × design point × replication, on common random
 * numbers. Resolves when every run has finished (or the signal aborts: then with what did).
 */
export async function experiment(input: ExperimentInput | unknown, opts: ExperimentOptions = {}): Promise<ExperimentOutput> {
  const plan = planFrom(input, opts);
  const workers = opts.workers ?? defaultWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 0)) throw new RangeError(`workers: expected an integer ≥ 0, got ${workers}`);
  const pool = workers > 0 ? nodePool(workers) : undefined;
  try {
    const exec = withMetricHooks(pool ? poolExecutor(pool) : inProcessExecutor(runJob), opts.hooks ?? {});
    return await runExperiment(plan, exec, { ...opts, commit: opts.commit ?? codeCommit() });
  } finally {
    pool?.close();
  }
}
