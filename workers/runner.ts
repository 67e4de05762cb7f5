/**
 * The experiment runner: dispatches an experiment's jobs to an executor (a worker pool in
 * the browser or in Node, or the current thread), in parallel, and assembles results in a
 * fixed order, so that they are the same whatever the number of workers or shards.
 */
import {
  aggregate, jobsFor, manifestFor, precise, planExperiment, type Experiment, type ExperimentResult, type Job,
  type JobFailure, type JobResult, type Plan,
} from './experiment.ts';
import type { Scenario } from '../scenarios/schema.ts';

export interface Executor {
  /** How many jobs it runs at once. */
  readonly size: number;
  run(job: Job): Promise<JobResult>;
  /** Stop the jobs in flight (their promises reject). */
  cancel(): void;
}

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
}

/** An experiment's full output: results plus the resolved scenarios, enough to re-run or merge. */
export interface ExperimentOutput extends ExperimentResult {
  resolved: { label: string; scenario: Scenario }[];
  shard?: { index: number; count: number };
}

export class JobError extends Error {
  readonly failure: JobFailure;
  constructor(failure: JobFailure) {
    super(`replication ${failure.replication} of ${failure.structure} (scenario ${failure.scenario}, seed ${failure.seed}) failed: ${failure.message}`);
    this.name = 'JobError';
    this.failure = failure;
  }
}

export async function runExperiment(plan: Plan, exec: Executor, opts: RunExperimentOptions = {}): Promise<ExperimentOutput> {
  const e = plan.experiment;
  const seq = e.sequential;
  if (seq && opts.shard) throw new Error('a sequential experiment cannot be sharded: each batch depends on all results so far');
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
      await runAll(jobs, exec, results, failures, plan, () => cancelled, () =>
        opts.onProgress?.({ done: results.length, total, failed: failures.length, replications: reps }),
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
  return assemble(plan, results, failures, reps, !cancelled && failures.length === 0, opts.date ?? new Date(), opts.shard);
}

async function runAll(
  jobs: Job[], exec: Executor, results: JobResult[], failures: JobFailure[], plan: Plan,
  cancelled: () => boolean, progress: () => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length && !cancelled()) {
      const job = jobs[next++];
      try {
        results.push(await exec.run(job));
      } catch (err) {
        if (cancelled()) return;
        failures.push({
          index: job.index, structure: plan.structures[job.structure].label, scenario: job.scenario.id, seed: job.seed,
          replication: job.replication, message: err instanceof Error ? err.message : String(err),
        });
      }
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(exec.size, jobs.length)) }, lane));
}

async function assemble(
  plan: Plan, results: JobResult[], failures: JobFailure[], reps: number, complete: boolean, date: Date,
  shard?: { index: number; count: number },
): Promise<ExperimentOutput> {
  const { summary, differences, rows } = aggregate(plan, results, reps);
  return {
    manifest: await manifestFor(plan, reps, complete, date),
    summary, differences, rows,
    failures: [...failures].sort((a, b) => a.index - b.index),
    resolved: plan.structures.map((s) => ({ label: s.label, scenario: s.scenario })),
    ...(shard ? { shard } : {}),
  };
}

/** The plan of an output, rebuilt from its resolved scenarios (no files needed). */
export function planOfOutput(out: ExperimentOutput): Plan {
  const e: Experiment = {
    ...out.manifest.experiment,
    structures: out.resolved.map((r) => ({ label: r.label, scenario: r.scenario, overrides: {} })),
  };
  const plan = planExperiment(e, (ref) => ref.scenario);
  return { ...plan, experiment: out.manifest.experiment };
}

/** Job results recovered from an output's tidy rows. */
export function resultsOfOutput(out: ExperimentOutput, plan: Plan): JobResult[] {
  const metrics = plan.experiment.metrics;
  const byKey = new Map<string, JobResult>();
  const pointIndex = (v: Record<string, unknown>) => plan.points.findIndex((p) => JSON.stringify(p.values) === JSON.stringify(v));
  for (const r of out.rows) {
    const s = plan.structures.findIndex((x) => x.label === r.structure);
    const p = pointIndex(r.point);
    const key = `${s}/${p}/${r.replication}`;
    let jr = byKey.get(key);
    if (!jr) {
      const S = plan.structures.length;
      const P = plan.points.length;
      jr = { index: (r.replication * S + s) * P + p, structure: s, point: p, replication: r.replication, seed: r.seed, values: metrics.map(() => NaN), events: 0 };
      byKey.set(key, jr);
    }
    jr.values[metrics.indexOf(r.metric)] = r.value ?? NaN;
  }
  return [...byKey.values()];
}

/** Combine the outputs of all shards into what one machine would have produced. */
export async function mergeShards(outputs: ExperimentOutput[], date = new Date()): Promise<ExperimentOutput> {
  if (outputs.length === 0) throw new Error('merge: expected at least one shard output');
  const count = outputs[0].shard?.count ?? 1;
  const seen = new Set(outputs.map((o) => o.shard?.index ?? 0));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new Error(`merge: missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  const hashes = JSON.stringify(outputs[0].manifest.scenarios);
  for (const o of outputs) {
    if (JSON.stringify(o.manifest.scenarios) !== hashes || JSON.stringify(o.manifest.experiment) !== JSON.stringify(outputs[0].manifest.experiment))
      throw new Error('merge: the shards come from different experiments or scenarios');
  }
  const plan = planOfOutput(outputs[0]);
  const results = outputs.flatMap((o) => resultsOfOutput(o, plan));
  const failures = outputs.flatMap((o) => o.failures);
  const complete = outputs.every((o) => o.manifest.complete);
  return assemble(plan, results, failures, outputs[0].manifest.replications, complete, date);
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
