/** The presets side by side as a Markdown table, with replications and 95% intervals. */
import { simulate, type Summary } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { interval } from '../experiments/stats.ts';

/** Mean ± the half-width of its Student-t 95% interval (the project's one t distribution). */
export function fmt(xs: number[], f: (x: number) => string): string {
  const { mean, half } = interval(xs);
  return `${f(mean)} ± ${f(half)}`;
}

const pct = (x: number) => (100 * x).toFixed(1);

export function presetTable(ids: string[], seeds: number, days: number): string {
  const results = ids.map((id) =>
    Array.from({ length: seeds }, (_, k) => simulate(loadPreset(id), { seed: k + 1, days, snapshotEveryMinutes: 0 }).summary),
  );
  return presetTableOf(ids, results, days);
}

/** The table of presets already run: `results[i]` holds preset i's summaries, one per seed 1, 2, … */
export function presetTableOf(ids: string[], results: Summary[][], days: number): string {
  const seeds = results[0]?.length ?? 0;
  const rows: [string, (s: Summary) => number, (x: number) => string][] = [
    ['closed at grid or community (%)', (s) => s.localResolutionShare, pct],
    ['accepted within 30 min, non-field (%)', (s) => s.sla.accept30m, pct],
    ['on site within 1 h, field (%)', (s) => s.sla.onsite1h, pct],
    ['closed within 24 h, non-field (%)', (s) => s.sla.close24h, pct],
    ['difficult closed within 5 working days (%)', (s) => s.sla.difficult5wd, pct],
    ['mean hours to close (h)', (s) => s.hoursToClose.mean, (x) => x.toFixed(1)],
    ['90th percentile hours to close (h)', (s) => s.hoursToClose.p90, (x) => x.toFixed(1)],
    ['hops per case', (s) => s.hopsPerCase, (x) => x.toFixed(2)],
    ['cases lost (per 10,000)', (s) => (1e4 * s.cases.lost) / s.cases.created, (x) => x.toFixed(1)],
    ['bypass to hotline (%)', (s) => s.bypassShare, pct],
    ['city posts', (s) => s.staff.cityPosts, (x) => x.toFixed(0)],
    ['organs', (s) => s.organs.total, (x) => x.toFixed(0)],
    ['annual cost (million yuan)', (s) => s.cost.annualYuan / 1e6, (x) => x.toFixed(0)],
    ['cost per case (yuan)', (s) => s.cost.perCaseYuan, (x) => x.toFixed(0)],
  ];
  const lines = [
    `| metric | ${ids.join(' | ')} |`,
    `| --- | ${ids.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, f, show]) => `| ${name} | ${results.map((rs) => fmt(rs.map(f), show)).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n\nMean ± 95% half-width over ${seeds} replications (seeds 1–${seeds}) of ${days} simulated days each.`;
}
