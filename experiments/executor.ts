/**
 * What runs an experiment's jobs: an executor. The runner hands it jobs and awaits their
 * results; the in-process executor here runs them in the calling thread, and worker pools
 * (workers/executor.ts: Web Workers in the browser, worker threads in Node) implement the
 * same interface, so results are the same whichever runs them.
 */
import type { Job, JobResult } from './jobs.ts';

export interface Executor {
  /** How many jobs it runs at once. */
  readonly size: number;
  run(job: Job): Promise<JobResult>;
  /** Stop the jobs in flight (their promises reject). */
  cancel(): void;
}

/** Runs jobs in the current thread (tests, and a fallback without workers). */
export function inProcessExecutor(run: (job: Job) => JobResult): Executor {
  return {
    size: 1,
    run: async (job) => {
      await Promise.resolve();
      return run(job);
    },
    cancel: () => {},
  };
}

/**
 * An executor that resumes: jobs whose results are given (`done`, from the journal of a run
 * that was stopped) are not run again, their results returned as they were; every new result
 * goes to `onResult` (to be journalled). A result counts as the job's only when its index,
 * structure, point, replication and seed all match.
 */
export function resumingExecutor(exec: Executor, done: readonly JobResult[], onResult?: (r: JobResult) => void): Executor {
  const byIndex = new Map(done.map((r) => [r.index, r]));
  return {
    size: exec.size,
    cancel: () => exec.cancel(),
    run: async (job: Job) => {
      const r = byIndex.get(job.index);
      if (
        r &&
        r.structure === job.structure &&
        r.point === job.point &&
        r.replication === job.replication &&
        r.seed === job.seed &&
        r.values.length === job.metrics.length &&
        !job.snapshots
      ) {
        byIndex.delete(job.index);
        return structuredClone(r);
      }
      const fresh = await exec.run(job);
      onResult?.(fresh);
      return fresh;
    },
  };
}
