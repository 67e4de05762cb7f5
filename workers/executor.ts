/** An experiment executor backed by a worker pool (browser or Node: the same API). */
import type { WorkerApi } from './api.ts';
import type { Job, JobResult } from '../experiments/jobs.ts';
import type { WorkerPool } from './pool.ts';
import type { Executor } from '../experiments/executor.ts';

export function poolExecutor(pool: WorkerPool<WorkerApi>): Executor {
  return {
    size: pool.size,
    run: (job: Job) => pool.exec((api) => api.replicate(job) as Promise<JobResult>),
    cancel: () => pool.cancel(),
  };
}
