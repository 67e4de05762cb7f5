/** The presets side by side as a Markdown table, with replications and 95% intervals. */
import { simulate, type Summary } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { interval } from '../experiments/stats.ts';
import { METRIC_BY_ID, UNITS } from '../sim/observe/catalog.ts';

/** Mean ± the half-width of its Student-t 95% interval (the project's one t distribution). */
export function fmt(xs: number[], f: (x: number) => string): string {
  const { mean, half } = interval(xs);
  return `${f(mean)} ± ${f(half)}`;
}

/** The figures of the table, by catalogue id (labels and units from the catalogue). */
const TABLE_METRICS = [
  'localResolutionShare',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'hoursToClose.mean',
  'hoursToClose.p90',
  'hopsPerCase',
  'cases.lost',
  'bypassShare',
  'staff.cityPosts',
  'organs.total',
  'cost.annualYuan',
  'cost.perCaseYuan',
];

/** A value in the table's unit: shares in per cent, yearly costs in millions. */
function show(unit: string): [(x: number) => string, string] {
  if (unit === 'share') return [(x) => (100 * x).toFixed(1), '%'];
  if (unit === 'yuan/year') return [(x) => (x / 1e6).toFixed(0), 'million yuan/year'];
  if (unit === 'h') return [(x) => x.toFixed(1), 'h'];
  if (unit === 'hops') return [(x) => x.toFixed(2), UNITS.hops.en];
  return [(x) => x.toFixed(0), UNITS[unit]?.en ?? unit];
}

export function presetTable(ids: string[], seeds: number, days: number): string {
  const results = ids.map((id) =>
    Array.from({ length: seeds }, (_, k) => simulate(loadPreset(id), { seed: k + 1, days, snapshotEveryMinutes: 0 }).summary),
  );
  return presetTableOf(ids, results, days);
}

/** The table of presets already run: `results[i]` holds preset i's summaries, one per seed 1, 2, … */
export function presetTableOf(ids: string[], results: Summary[][], days: number): string {
  const seeds = results[0]?.length ?? 0;
  const rows: [string, (s: Summary) => number, (x: number) => string][] = TABLE_METRICS.map((id) => {
    const info = METRIC_BY_ID.get(id)!;
    const [f, unit] = show(info.unit);
    return [`${info.label} (${unit})`, info.get, f];
  });
  const lines = [
    `| metric | ${ids.join(' | ')} |`,
    `| --- | ${ids.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, f, show]) => `| ${name} | ${results.map((rs) => fmt(rs.map(f), show)).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n\nMean ± 95% half-width over ${seeds} replications (seeds 1–${seeds}) of ${days} simulated days each.`;
}
