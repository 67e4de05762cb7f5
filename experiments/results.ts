/**
 * Results of an experiment: per structure, design point and metric, the mean with its 95%
 * interval; the paired difference of each structure from the first; tidy rows of every run
 * (and of its time series).
 */
import { metricInfo } from '../sim/observe/catalog.ts';
import { seriesMetricInfo } from '../sim/observe/series.ts';
import type { JobFailure, JobResult } from './jobs.ts';
import type { Manifest } from './manifest.ts';
import type { Plan } from './plan.ts';
import { interval, pairedDifference, tCritical, type Interval, type PairedTest } from './stats.ts';

/** The unit of a metric id (catalogue, level or department); custom metrics have none. */
export function metricUnit(id: string): string {
  return metricInfo(id)?.unit ?? seriesMetricInfo(id)?.unit ?? '';
}

export interface SummaryRow extends Interval {
  structure: string;
  point: Record<string, unknown>;
  metric: string;
  unit: string;
}

export interface DifferenceRow extends PairedTest {
  /** Baseline (a) and compared structure (b); the difference is b − a. */
  a: string;
  b: string;
  point: Record<string, unknown>;
  metric: string;
  unit: string;
  /** Half-width of the unpaired (Welch) interval on the same runs, for comparison. */
  unpairedHalf: number;
}

export interface TidyRow {
  structure: string;
  point: Record<string, unknown>;
  replication: number;
  seed: number;
  metric: string;
  value: number;
}

/** One value of a time series: a run's metric on one day (the end of its day or week). */
export interface SeriesRow extends TidyRow {
  day: number;
}

export interface ExperimentResult {
  manifest: Manifest;
  summary: SummaryRow[];
  differences: DifferenceRow[];
  rows: TidyRow[];
  /** Time series of every run, when the experiment asks for them. */
  series?: SeriesRow[];
  failures: JobFailure[];
}

/** Values of metric m for structure s at point p, indexed by replication (NaN if missing). */
function column(results: JobResult[], s: number, p: number, mi: number, reps: number): number[] {
  const out = new Array<number>(reps).fill(NaN);
  for (const r of results) if (r.structure === s && r.point === p && r.replication < reps) out[r.replication] = r.values[mi];
  return out;
}

function welchHalf(a: number[], b: number[]): number {
  const x = interval(a);
  const y = interval(b);
  const va = (x.sd * x.sd) / x.n;
  const vb = (y.sd * y.sd) / y.n;
  const df = (va + vb) ** 2 / ((va * va) / (x.n - 1) + (vb * vb) / (y.n - 1));
  return tCritical(Number.isFinite(df) && df > 0 ? df : x.n + y.n - 2) * Math.sqrt(va + vb);
}

/** Summaries, paired differences (each structure against the first) and tidy rows. */
export function aggregate(plan: Plan, results: JobResult[], replications: number) {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const { metrics } = plan.experiment;
  const summary: SummaryRow[] = [];
  const differences: DifferenceRow[] = [];
  plan.points.forEach((pt, p) => {
    metrics.forEach((metric, mi) => {
      const unit = metricUnit(metric);
      const cols = plan.structures.map((_, s) => column(sorted, s, p, mi, replications));
      plan.structures.forEach((st, s) => summary.push({ structure: st.label, point: pt.values, metric, unit, ...interval(cols[s]) }));
      for (let s = 1; s < plan.structures.length; s++) {
        differences.push({
          a: plan.structures[0].label,
          b: plan.structures[s].label,
          point: pt.values,
          metric,
          unit,
          ...pairedDifference(cols[0], cols[s]),
          unpairedHalf: welchHalf(cols[0].filter(Number.isFinite), cols[s].filter(Number.isFinite)),
        });
      }
    });
  });
  const rows: TidyRow[] = [];
  for (const r of sorted)
    metrics.forEach((metric, mi) =>
      rows.push({
        structure: plan.structures[r.structure].label,
        point: plan.points[r.point].values,
        replication: r.replication,
        seed: r.seed,
        metric,
        value: r.values[mi],
      }),
    );
  const seriesMetrics = plan.experiment.series?.metrics;
  if (!seriesMetrics) return { summary, differences, rows };
  const series: SeriesRow[] = [];
  for (const r of sorted) {
    if (!r.series) continue;
    const base = {
      structure: plan.structures[r.structure].label,
      point: plan.points[r.point].values,
      replication: r.replication,
      seed: r.seed,
    };
    r.series.days.forEach((day, k) =>
      seriesMetrics.forEach((metric, mi) => series.push({ ...base, day, metric, value: r.series!.values[mi][k] })),
    );
  }
  return { summary, differences, rows, series };
}

/** Whether every metric's interval is narrow enough for the sequential targets. */
export function precise(plan: Plan, summary: SummaryRow[]): boolean {
  const seq = plan.experiment.sequential;
  if (!seq) return true;
  return summary.every((r) => {
    const abs = seq.halfWidth?.[r.metric];
    if (abs !== undefined && !(r.half <= abs)) return false;
    if (seq.relativeHalfWidth !== undefined && !(r.half <= seq.relativeHalfWidth * Math.abs(r.mean)) && !(r.half === 0)) return false;
    return true;
  });
}
