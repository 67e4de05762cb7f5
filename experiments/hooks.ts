/**
 * Metrics of your own: hooks, functions of a snapshot, computed in the calling thread from
 * the snapshots the jobs send back (from worker threads or in process alike).
 */
import { describeValue } from '../scenarios/guard.ts';
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

/** A metric hook that returned something other than a number: the replication fails with this error. */
export class HookError extends Error {
  readonly metric: string;
  constructor(metric: string, value: unknown) {
    super(`metric hook "${metric}" returned ${describeValue(value)}; expected a number (NaN where it has none)`);
    this.name = 'HookError';
    this.metric = metric;
  }
}

/** A hook's value, checked: a number, or a HookError. */
function hookValue(hooks: Readonly<Record<string, MetricHook>>, metric: string, snapshot: Snapshot, ctx: HookContext): number {
  const v: unknown = hooks[metric](snapshot, ctx);
  if (typeof v !== 'number') throw new HookError(metric, v);
  return v;
}

/**
 * An executor that computes hook metrics: jobs run with their snapshots, the hooks fill the
 * values of the metrics they name, and the snapshots are dropped. A hook that returns
 * anything but a number fails its replication with a HookError's message.
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
        if (Object.hasOwn(hooks, m)) r.values[i] = hookValue(hooks, m, snaps.final, ctx);
      });
      if (job.series && r.series)
        job.series.metrics.forEach((m, i) => {
          if (Object.hasOwn(hooks, m)) r.series!.values[i] = snaps.series.map((x) => hookValue(hooks, m, x, ctx));
        });
      delete r.snapshots;
      return r;
    },
  };
}
