/**
 * The experiment runner: dispatches an experiment's jobs to an executor (a worker pool in
 * the browser or in Node, or the current thread), in parallel, and assembles results in a
 * fixed order, so that they are the same whatever the number of workers or shards.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { shardChecksums, type ShardChecksums } from './checksums.ts';
import type { Executor } from './executor.ts';
import { jobsFor, type Job, type JobFailure, type JobResult } from './jobs.ts';
import { manifestFor } from './manifest.ts';
import type { Plan } from './plan.ts';
import { aggregate, precise, type ExperimentResult } from './results.ts';

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** Replications planned so far (grows in sequential mode). */
  replications: number;
}

export interface RunExperimentOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Run only the jobs with index % count === index (a deterministic slice). */
  shard?: { index: number; count: number };
  /** Date written in the manifest (default now). */
  date?: Date;
  /** Git commit of the code that runs, written in the manifest (default "unknown"; from Node, `codeCommit()`). */
  commit?: string;
  /** Called with each replication as it finishes (to journal it). */
  onResult?: (r: JobResult) => void;
}

/** An experiment's full output: results plus the resolved scenarios, enough to re-run or merge. */
export interface ExperimentOutput extends ExperimentResult {
  resolved: { label: string; scenario: Scenario }[];
  shard?: { index: number; count: number };
  /** A shard's checksums of its manifest and results, which a merge checks first (experiments/checksums.ts). */
  checksums?: ShardChecksums;
}

export class JobError extends Error {
  readonly failure: JobFailure;
  constructor(failure: JobFailure) {
    super(
      `replication ${failure.replication} of ${failure.structure} (scenario ${failure.scenario}, seed ${failure.seed}) failed: ${failure.message}`,
    );
    this.name = 'JobError';
    this.failure = failure;
  }
}

export async function runExperiment(plan: Plan, exec: Executor, opts: RunExperimentOptions = {}): Promise<ExperimentOutput> {
  const e = plan.experiment;
  const seq = e.sequential;
  if (seq && opts.shard)
    throw new RangeError('--shard: a sequential experiment cannot be sharded (each batch depends on all results so far)');
  const results: JobResult[] = [];
  const failures: JobFailure[] = [];
  let reps = e.replications;
  let from = 0;
  let cancelled = false;
  const onAbort = () => {
    cancelled = true;
    exec.cancel();
  };
  opts.signal?.addEventListener('abort', onAbort);
  if (opts.signal?.aborted) cancelled = true;
  let total = 0;
  try {
    for (;;) {
      let jobs = jobsFor(plan, from, reps);
      if (opts.shard) jobs = jobs.filter((j) => j.index % opts.shard!.count === opts.shard!.index);
      total += jobs.length;
      await runAll(
        jobs,
        exec,
        results,
        failures,
        plan,
        () => cancelled,
        () => {
          opts.onProgress?.({ done: results.length, total, failed: failures.length, replications: reps });
        },
        opts.onResult,
      );
      if (cancelled || !seq) break;
      const { summary } = aggregate(plan, results, reps);
      if (precise(plan, summary) || reps >= seq.maxReplications) break;
      from = reps;
      reps = Math.min(seq.maxReplications, reps + seq.batch);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return assemble(plan, results, failures, reps, !cancelled && failures.length === 0, opts.date ?? new Date(), opts.shard, opts.commit);
}

async function runAll(
  jobs: Job[],
  exec: Executor,
  results: JobResult[],
  failures: JobFailure[],
  plan: Plan,
  cancelled: () => boolean,
  progress: () => void,
  onResult?: (r: JobResult) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length && !cancelled()) {
      const job = jobs[next++];
      try {
        const r = await exec.run(job);
        results.push(r);
        onResult?.(r);
      } catch (err) {
        if (cancelled()) return;
        failures.push({
          index: job.index,
          structure: plan.structures[job.structure].label,
          scenario: job.scenario.id,
          seed: job.seed,
          replication: job.replication,
          message: err instanceof Error ? err.message : String(err),
        });
      }
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(exec.size, jobs.length)) }, lane));
}

export async function assemble(
  plan: Plan,
  results: JobResult[],
  failures: JobFailure[],
  reps: number,
  complete: boolean,
  date: Date,
  shard?: { index: number; count: number },
  commit?: string,
): Promise<ExperimentOutput> {
  const { summary, differences, rows, series } = aggregate(plan, results, reps);
  const manifest = await manifestFor(plan, reps, complete, date, shard, commit);
  const sorted = [...failures].sort((a, b) => a.index - b.index);
  return {
    manifest,
    summary,
    differences,
    rows,
    ...(series ? { series } : {}),
    failures: sorted,
    resolved: plan.structures.map((s) => ({ label: s.label, scenario: s.scenario })),
    // A shard is written to be merged: it carries the checksums the merge checks first.
    ...(shard ? { shard, checksums: await shardChecksums({ manifest, rows, series, failures: sorted }) } : {}),
  };
}
