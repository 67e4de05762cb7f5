/** An experiment's results as files: tidy CSV of the runs and of their series, the manifest, JSON. */
import { csvText, type Cell } from './csv.ts';
import type { ExperimentResult } from './results.ts';
import { metricFileUnit } from './units.ts';

/** The columns of a result's sweep parameters, in order of first appearance. */
function paramColumns(rows: readonly { point: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.point)) seen.add(k);
  return [...seen];
}

const cell = (v: unknown): Cell => (v === null || typeof v !== 'object' ? (v as Cell) : JSON.stringify(v));

/**
 * The end-of-run rows as CSV (structure, each sweep parameter, replication, seed, metric,
 * value, unit). The manifest goes in its own file (`manifestJson`), so the CSV parses as is;
 * its units table gives each column's unit and what each unit means.
 */
export function toCsv(result: Pick<ExperimentResult, 'rows'>): string {
  const params = paramColumns(result.rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'metric', 'value', 'unit'],
    result.rows.map((r) => [
      r.structure,
      ...params.map((p) => cell(r.point[p])),
      r.replication,
      r.seed,
      r.metric,
      r.value,
      metricFileUnit(r.metric),
    ]),
  );
}

/** The time series as CSV: structure, sweep parameters, replication, seed, day, metric, value, unit. */
export function seriesToCsv(result: Pick<ExperimentResult, 'series'>): string {
  const rows = result.series ?? [];
  const params = paramColumns(rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'day', 'metric', 'value', 'unit'],
    rows.map((r) => [
      r.structure,
      ...params.map((p) => cell(r.point[p])),
      r.replication,
      r.seed,
      r.day,
      r.metric,
      r.value,
      metricFileUnit(r.metric),
    ]),
  );
}

/**
 * The summary as CSV: per structure, sweep point and metric, the mean over the replications
 * with its 95% interval (structure, sweep parameters, metric, unit, n, mean, sd, half, low, high).
 */
export function summaryToCsv(result: Pick<ExperimentResult, 'summary'>): string {
  const params = paramColumns(result.summary);
  return csvText(
    ['structure', ...params, 'metric', 'unit', 'n', 'mean', 'sd', 'half', 'low', 'high'],
    result.summary.map((r) => [
      r.structure,
      ...params.map((p) => cell(r.point[p])),
      r.metric,
      metricFileUnit(r.metric),
      r.n,
      r.mean,
      r.sd,
      r.half,
      r.low,
      r.high,
    ]),
  );
}

/**
 * The paired differences as CSV: each structure (b) against the first (a), b − a, per sweep
 * point and metric, with the 95% interval, Student t, p-value and the unpaired half-width.
 */
export function differencesToCsv(result: Pick<ExperimentResult, 'differences'>): string {
  const params = paramColumns(result.differences);
  return csvText(
    ['a', 'b', ...params, 'metric', 'unit', 'n', 'mean', 'sd', 'half', 'low', 'high', 't', 'p', 'unpairedHalf'],
    result.differences.map((r) => [
      r.a,
      r.b,
      ...params.map((p) => cell(r.point[p])),
      r.metric,
      metricFileUnit(r.metric),
      r.n,
      r.mean,
      r.sd,
      r.half,
      r.low,
      r.high,
      r.t,
      r.p,
      r.unpairedHalf,
    ]),
  );
}

/** The manifest as the sidecar file beside a CSV (`results.csv` → `results.manifest.json`). */
export function manifestJson(result: Pick<ExperimentResult, 'manifest'>): string {
  return `${JSON.stringify(result.manifest, null, 2)}\n`;
}

export function toJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
