/** An experiment's results as files: tidy CSV of the runs and of their series, the manifest, JSON. */
import { csvText, type Cell } from './csv.ts';
import type { ExperimentResult } from './results.ts';

/** The columns of a result's sweep parameters, in order of first appearance. */
function paramColumns(rows: readonly { point: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.point)) seen.add(k);
  return [...seen];
}

const cell = (v: unknown): Cell => (v === null || typeof v !== 'object' ? (v as Cell) : JSON.stringify(v));

/**
 * The end-of-run rows as CSV (structure, each sweep parameter, replication, seed, metric,
 * value). The manifest goes in its own file (`manifestJson`), so the CSV parses as is.
 */
export function toCsv(result: Pick<ExperimentResult, 'rows'>): string {
  const params = paramColumns(result.rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'metric', 'value'],
    result.rows.map((r) => [r.structure, ...params.map((p) => cell(r.point[p])), r.replication, r.seed, r.metric, r.value]),
  );
}

/** The time series as CSV: structure, sweep parameters, replication, seed, day, metric, value. */
export function seriesToCsv(result: Pick<ExperimentResult, 'series'>): string {
  const rows = result.series ?? [];
  const params = paramColumns(rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'day', 'metric', 'value'],
    rows.map((r) => [r.structure, ...params.map((p) => cell(r.point[p])), r.replication, r.seed, r.day, r.metric, r.value]),
  );
}

/** The manifest as the sidecar file beside a CSV (`results.csv` → `results.manifest.json`). */
export function manifestJson(result: Pick<ExperimentResult, 'manifest'>): string {
  return `${JSON.stringify(result.manifest, null, 2)}\n`;
}

export function toJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
