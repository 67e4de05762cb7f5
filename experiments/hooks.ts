/**
 * Metrics of your own: hooks, functions of a snapshot, computed in the calling thread from
 * the snapshots the jobs send back (from worker threads or in process alike).
 */
import type { Snapshot } from '../sim/observe/metrics.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Executor } from './executor.ts';
import type { Job } from './jobs.ts';

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
