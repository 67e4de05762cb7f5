/**
 * Replications in the browser's workers for the views that give figures with intervals (the
 * guided story, the sweep, embeds): one pool of Web Workers shared by them, and an experiment
 * of the structures on screen run through the experiment runner. The replications view keeps
 * a pool of its own (its results stay while the others run).
 */
import type { Scenario } from '../scenarios/schema.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runExperiment, type ExperimentOutput } from '../experiments/runner.ts';
import { browserExecutor, browserPool } from '../workers/browser-pool.ts';
import { COMMIT } from './build-info.ts';

let pool: ReturnType<typeof browserPool> | undefined;

/** The workers the story, the sweep and embeds share (started when first needed). */
export function sharedPool(): ReturnType<typeof browserPool> {
  return (pool ??= browserPool());
}

/** What to replicate: the structures (label and scenario), runs of each, and what to measure. */
export interface ReplicateInput {
  structures: { label: string; scenario: Scenario }[];
  seed: number;
  days: number;
  replications: number;
  metrics: string[];
  /** Daily series of every run, for figures of a whole series (the peak backlog). */
  series?: string[];
  /** A sweep: parameters (schema paths) and their values, every combination. */
  sweep?: { param: string; values: number[] }[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Run the replications (the same seeds for every structure: paired) and return the runner's output. */
export async function replicate(input: ReplicateInput): Promise<ExperimentOutput> {
  const e = parseExperiment({
    name: 'app',
    replications: input.replications,
    days: input.days,
    baseSeed: input.seed,
    metrics: input.metrics,
    ...(input.series?.length ? { series: { every: 'daily', metrics: input.series } } : {}),
    ...(input.sweep?.length ? { sweep: input.sweep } : {}),
    structures: input.structures.map((s) => ({ label: s.label, scenario: s.scenario })),
  });
  const plan = planExperiment(e, (r) => r.scenario);
  return runExperiment(plan, browserExecutor(sharedPool()), {
    signal: input.signal,
    commit: COMMIT,
    onProgress: (p) => input.onProgress?.(p.done, p.total),
  });
}

/**
 * Per structure (in the order given), each metric's values over the replications in
 * replication order, and each series statistic computed from each run's series.
 */
export function valuesByStructure(
  out: ExperimentOutput,
  labels: readonly string[],
  metrics: readonly string[],
  stats: readonly { id: string; of: string; value: (v: number[]) => number }[] = [],
): Record<string, number[]>[] {
  return labels.map((label) => {
    const rec: Record<string, number[]> = {};
    for (const m of metrics) {
      const rows = out.rows.filter((r) => r.structure === label && r.metric === m).sort((a, b) => a.replication - b.replication);
      if (rows.length) rec[m] = rows.map((r) => r.value);
    }
    for (const s of stats) {
      const byRep = new Map<number, { day: number; value: number }[]>();
      for (const r of out.series ?? [])
        if (r.structure === label && r.metric === s.of)
          (byRep.get(r.replication) ?? byRep.set(r.replication, []).get(r.replication)!).push(r);
      rec[s.id] = [...byRep.keys()]
        .sort((a, b) => a - b)
        .map((k) =>
          s.value(
            byRep
              .get(k)!
              .sort((a, b) => a.day - b.day)
              .map((r) => r.value),
          ),
        );
    }
    return rec;
  });
}
