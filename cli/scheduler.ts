/**
 * What a cluster's scheduler tells a command. Under Slurm a task given CPUs with
 * `--cpus-per-task` finds their number in SLURM_CPUS_PER_TASK, and the worker threads
 * default to it; without it (or outside Slurm) they default to the cores this process may
 * use, less one. The shard count is never read from the scheduler: it is passed as
 * `--shard i/N`, so that one failed task can be resubmitted alone.
 */
import { defaultWorkerCount } from '../workers/node-pool.ts';

/** SLURM_CPUS_PER_TASK when Slurm sets it to a whole number, else undefined. */
export function slurmCpus(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.SLURM_CPUS_PER_TASK;
  return v !== undefined && /^\s*[1-9]\d*\s*$/.test(v) ? Number(v) : undefined;
}

/** The worker threads when --workers is not given: Slurm's CPUs per task, else the cores less one. */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  return slurmCpus(env) ?? defaultWorkerCount();
}
