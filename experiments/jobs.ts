/**
 * Runs: an experiment's plan expanded into jobs (replication k of structure s at design
 * point p, on the seed replication k uses for every structure), and one job run.
 */
import { metricInfo } from '../sim/observe/catalog.ts';
import type { Snapshot, Summary } from '../sim/observe/metrics.ts';
import { seriesMetricInfo } from '../sim/observe/series.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { createSimulation } from '../sim/simulate.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { warmupOf } from './experiment.ts';
import { scenarioFor, type Plan } from './plan.ts';

export interface Job {
  index: number;
  structure: number;
  point: number;
  replication: number;
  seed: number;
  days: number;
  scenario: Scenario;
  metrics: string[];
  /** Time series wanted: snapshot interval in days and series metric ids. */
  series?: { everyDays: number; metrics: string[] };
  /** Return every snapshot and the final one, for metric hooks run by the caller. */
  snapshots?: boolean;
  /** Days at the start whose statistics are discarded. */
  warmupDays?: number;
  /** Return the run's whole summary too (for the results cache, experiments/cache.ts). */
  summary?: boolean;
}

export interface JobResult {
  index: number;
  structure: number;
  point: number;
  replication: number;
  seed: number;
  values: number[];
  events: number;
  /** Days of the series' snapshots and, per series metric, its value at each. */
  series?: { days: number[]; values: number[][] };
  /** With `job.snapshots`: the snapshots, the final one, and the tier ids they follow. */
  snapshots?: { series: Snapshot[]; final: Snapshot; tiers: string[] };
  /** With `job.summary`: the run's summary, from which `values` were read. */
  summary?: Summary;
}

export interface JobFailure {
  index: number;
  structure: string;
  scenario: string;
  seed: number;
  replication: number;
  message: string;
}

/** Jobs for replications [from, to) of every structure and sweep point, in a fixed order. */
export function jobsFor(plan: Plan, from: number, to: number): Job[] {
  const { experiment: e } = plan;
  const jobs: Job[] = [];
  const S = plan.structures.length;
  const P = plan.points.length;
  for (let k = from; k < to; k++)
    for (let s = 0; s < S; s++)
      for (let p = 0; p < P; p++)
        jobs.push({
          // Replication-major, so that replications can be added in batches.
          index: (k * S + s) * P + p,
          structure: s,
          point: p,
          replication: k,
          // Common random numbers: replication k of every structure uses the same seed.
          seed: replicationSeed(e.baseSeed, k),
          days: e.days,
          warmupDays: warmupOf(e),
          scenario: scenarioFor(plan, s, p, k),
          metrics: e.metrics,
          ...(e.series ? { series: { everyDays: e.series.every === 'weekly' ? 7 : 1, metrics: e.series.metrics } } : {}),
        });
  return jobs;
}

/**
 * The snapshots of a run's series: one at the end of each interval and, when the run ends
 * inside an interval (a weekly series of a 60-day run), one at its last moment, so that a
 * series always covers the whole run (its last row's interval figures cover the days since
 * the row before).
 */
function seriesSnapshots(sim: ReturnType<typeof createSimulation>, days: number): Snapshot[] {
  const snaps = [...sim.series];
  const last = snaps.length > 0 ? snaps[snaps.length - 1].day : 0;
  if (last < days) snaps.push(sim.peek());
  return snaps;
}

/** Run one job: the same function in a worker, a Node worker thread or in process. */
export function runJob(job: Job): JobResult {
  if (!Number.isFinite(job.days) || job.days <= 0) throw new RangeError(`days: expected a positive number of days, got ${job.days}`);
  const every = job.series?.everyDays ?? (job.snapshots ? 1 : 0);
  const sim = createSimulation(job.scenario, { seed: job.seed, snapshotEveryMinutes: every * 1440, warmupDays: job.warmupDays });
  sim.advanceTo(job.days * 1440);
  const summary = sim.summary();
  // Metrics the catalogue does not know are computed by the caller's hooks (NaN until then).
  const result: JobResult = {
    index: job.index,
    structure: job.structure,
    point: job.point,
    replication: job.replication,
    seed: job.seed,
    values: valuesOf(job.metrics, summary),
    events: summary.events,
  };
  const tiers = sim.view.tierIds();
  const snaps = job.series || job.snapshots ? seriesSnapshots(sim, job.days) : [];
  if (job.series) {
    result.series = {
      days: snaps.map((x) => x.day),
      values: job.series.metrics.map((m) => {
        const info = seriesMetricInfo(m);
        return snaps.map((x) => (info ? info.get(x, tiers) : NaN));
      }),
    };
  }
  if (job.snapshots) result.snapshots = { series: snaps, final: sim.peek(), tiers };
  if (job.summary) result.summary = summary;
  return result;
}

/** The end-of-run metrics of a run, read from its summary (NaN for the ones hooks compute). */
export function valuesOf(metrics: readonly string[], summary: Summary): number[] {
  return metrics.map((m) => metricInfo(m)?.get(summary) ?? NaN);
}
