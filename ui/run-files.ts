/**
 * The run as files: its time series per structure as CSV (with the manifest in a file of its
 * own, so the CSV parses as is) or everything in one JSON, with a manifest that names the
 * program and model versions, the commit, the seed, the days and each structure's scenario by
 * its SHA-256. Loaded when a run is first downloaded.
 */
import type { Scenario } from '../scenarios/schema.ts';
import type { Summary } from '../sim/observe/metrics.ts';
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

/** The series written per day. */
const COLUMNS = [
  'day',
  'created',
  'closed',
  'lost',
  'open',
  'closedInInterval',
  'localResolutionShare',
  'costYuan',
  'trustMean',
  'bypassShareInInterval',
] as const;

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
  const label = (i: number) => run.structures[i].label;
  if (kind === 'json') {
    const data = run.data.map((d, i) => ({
      structure: label(i),
      summary: run.summaries[i],
      series: d
        ? Object.fromEntries([
            ...COLUMNS.map((c) => [c, d[c]]),
            ['sla', d.sla],
            ['utilisationByTier', d.utilisationByTier],
            ['tiers', d.info.tiers.map((x) => x.id)],
          ])
        : null,
    }));
    downloadText(
      JSON.stringify({ manifest, data }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
      'flatgov-run.json',
      'application/json',
    );
  } else {
    const rows: Cell[][] = [];
    run.data.forEach((d, i) => {
      if (!d) return;
      d.day.forEach((_, k) => rows.push([label(i), ...COLUMNS.map((c) => d[c][k]), ...d.sla[k]]));
    });
    downloadText(
      csvText(['structure', ...COLUMNS, 'accept30m', 'onsite1h', 'close24h', 'difficult5wd'], rows),
      'flatgov-run.csv',
      'text/csv',
    );
    // The manifest in its own file, so the CSV parses as is.
    downloadText(`${JSON.stringify(manifest, null, 2)}\n`, 'flatgov-run.manifest.json', 'application/json');
  }
}
