/**
 * The run as files: its time series per structure as CSV (with the manifest in a file of its
 * own, so the CSV parses as is) or everything in one JSON, with a manifest that names the
 * program and model versions, the commit, the seed, the days, each structure's scenario by
 * its SHA-256, and every column's unit, label and definition. The columns are the catalogue's
 * (sim/observe/series.ts): every series, then every per-tier series of every tier, named as
 * experiments name them (`levels[community].queued`). Loaded when a run is first downloaded.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { SERIES_METRICS, TIER_SERIES, seriesMetricInfo, tierSeriesId } from '../sim/observe/series.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { csvText, type Cell } from '../experiments/csv.ts';
import { FLATGOV_VERSION, sha256 } from '../experiments/identity.ts';
import { COMMIT } from './build-info.ts';
import { downloadText } from './charts/export.ts';
import type { RunData } from './run-data.ts';

/** What a download of the run is made of. */
export interface RunFilesInput {
  seed: number;
  days: number;
  /** The day the run has reached. */
  day: number;
  structures: { label: string; scenario?: Scenario; changes: Record<string, unknown> }[];
  data: (RunData | undefined)[];
  summaries: (Summary | undefined)[];
}

/** One column of a download: its name (a catalogue id), unit, label and definition. */
export interface RunColumn {
  id: string;
  unit: string;
  label: string;
  labelZh: string;
  definition: string;
  definitionZh: string;
}

/** The series columns of a run: the catalogue's series, then each per-tier series of each of its tiers. */
export function runColumns(d: RunData): { column: RunColumn; values: Float64Array }[] {
  const words = (id: string): RunColumn => {
    const { unit, label, labelZh, definition, definitionZh } = seriesMetricInfo(id)!;
    return { id, unit, label, labelZh, definition, definitionZh };
  };
  return [
    ...SERIES_METRICS.map((m) => ({ column: words(m.id), values: d.series(m.id) })),
    ...Object.keys(TIER_SERIES).flatMap((field) =>
      d.info.tiers.map((tier, i) => ({ column: words(tierSeriesId(tier.id, field)), values: d.tierSeries(field, i) })),
    ),
  ];
}

/** The CSV of the run: one row per structure and day, one column per series (tiers absent from a structure are empty). */
export function runCsv(run: Pick<RunFilesInput, 'structures' | 'data'>): { text: string; columns: RunColumn[] } {
  const byId = new Map<string, RunColumn>();
  for (const d of run.data) if (d) for (const c of runColumns(d)) byId.set(c.column.id, c.column);
  const columns = [...byId.values()];
  const rows: Cell[][] = [];
  run.data.forEach((d, i) => {
    if (!d) return;
    const cols = new Map(runColumns(d).map((c) => [c.column.id, c.values]));
    const day = d.day;
    for (let k = 0; k < day.length; k++) rows.push([run.structures[i].label, day[k], ...columns.map((c) => cols.get(c.id)?.[k] ?? NaN)]);
  });
  return { text: csvText(['structure', 'day', ...columns.map((c) => c.id)], rows), columns };
}

/** The run as one JSON value: per structure its summary and every series column by id. */
export function runJson(run: Pick<RunFilesInput, 'structures' | 'data' | 'summaries'>): { data: unknown[]; columns: RunColumn[] } {
  const byId = new Map<string, RunColumn>();
  const data = run.data.map((d, i) => {
    if (d) for (const c of runColumns(d)) byId.set(c.column.id, c.column);
    return {
      structure: run.structures[i].label,
      summary: run.summaries[i],
      series: d ? { day: Array.from(d.day), ...Object.fromEntries(runColumns(d).map((c) => [c.column.id, Array.from(c.values)])) } : null,
    };
  });
  return { data, columns: [...byId.values()] };
}

/** Download the run as CSV (and its manifest) or as one JSON file. */
export async function downloadRun(kind: 'csv' | 'json', run: RunFilesInput): Promise<void> {
  const manifest = {
    flatgov: FLATGOV_VERSION,
    modelVersion: MODEL_VERSION,
    commit: COMMIT,
    date: new Date().toISOString(),
    seed: run.seed,
    days: run.days,
    day: run.day,
    structures: await Promise.all(
      run.structures.map(async (s) => ({
        label: s.label,
        id: s.scenario?.id,
        changes: s.changes,
        sha256: s.scenario ? await sha256(s.scenario) : undefined,
      })),
    ),
  };
  if (kind === 'json') {
    const { data, columns } = runJson(run);
    downloadText(
      JSON.stringify({ manifest: { ...manifest, columns }, data }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
      'flatgov-run.json',
      'application/json',
    );
  } else {
    const { text, columns } = runCsv(run);
    downloadText(text, 'flatgov-run.csv', 'text/csv');
    // The manifest in its own file, so the CSV parses as is; it says every column's unit and meaning.
    downloadText(`${JSON.stringify({ ...manifest, columns }, null, 2)}\n`, 'flatgov-run.manifest.json', 'application/json');
  }
}
