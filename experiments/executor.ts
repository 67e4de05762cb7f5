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
