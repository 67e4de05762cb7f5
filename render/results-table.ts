/**
 * An experiment's results as a terminal table: per metric, each structure's mean with the
 * half-width of its 95% interval, and each structure's paired difference from the first
 * (what `flatgov experiment` prints).
 */
import { printable } from '../scenarios/guard.ts';
import { metricInfo } from '../sim/observe/catalog.ts';
import { metricUnit } from '../experiments/results.ts';
import { meanInterval } from './intervals.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';

/** "mean ± half" with as many decimals as the half-width's two significant digits need. */
export function pm(mean: number, half: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  // The unit is said once, in the row's label: "%" or "million …".
  let scale = 1;
  if (unit === 'share') scale = 100;
  else if (Math.abs(mean) >= 1e6) scale = 1e-6;
  const suffix = '';
  const m = mean * scale;
  const h = half * scale;
  const decimals = Number.isFinite(h) && h > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(h)))) : 2;
  const f = (x: number) => x.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return Number.isFinite(h) ? `${f(m)} ± ${f(h)}${suffix}` : `${f(m)}${suffix}`;
}

/** A share in per cent with the decimals its interval's width needs. */
function pct(x: number, width: number): string {
  const h = (width / 2) * 100;
  const d = Number.isFinite(h) && h > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(h)))) : 2;
  return (100 * x).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

export function formatResults(out: ExperimentOutput): string {
  const lines: string[] = [];
  const m = out.manifest;
  const sh = m.shard;
  if (sh)
    lines.push(
      `SHARD ${sh.index}/${sh.count}${sh.finished ? '' : ' (INCOMPLETE)'}: every ${sh.count === 1 ? '' : `${ordinal(sh.count)} `}run of the experiment below, not its results. Merge all ${sh.count} shards (npm run experiment -- merge …) for those.`,
    );
  lines.push(
    `${sh ? `shard ${sh.index}/${sh.count} of ` : ''}${printable(m.experiment.name)}: ${m.replications} replications × ${m.experiment.days} days, base seed ${m.experiment.baseSeed}${m.complete || (sh && sh.finished) ? '' : ' (INCOMPLETE)'}`,
  );
  const points = [...new Set(out.summary.map((r) => JSON.stringify(r.point)))];
  for (const pt of points) {
    lines.push(pt === '{}' ? '' : `\nat ${printable(pt)}`);
    const rows = out.summary.filter((r) => JSON.stringify(r.point) === pt);
    const structures = [...new Set(rows.map((r) => r.structure))];
    // Labels are the user's: their control characters are shown escaped, never sent to the terminal.
    const shown = structures.map(printable);
    const grid: string[][] = [['metric (unit)', ...shown, ...shown.slice(1).map((s) => `${s} − ${shown[0]}`)]];
    for (const metric of m.experiment.metrics) {
      const info = metricInfo(metric) ?? { label: metric, unit: metricUnit(metric) };
      const first = rows.find((r) => r.metric === metric);
      const unit = info.unit === 'share' ? '%' : Math.abs(first?.mean ?? 0) >= 1e6 ? `million ${info.unit}` : info.unit;
      const cells = structures.map((s) => {
        const r = rows.find((x) => x.structure === s && x.metric === metric)!;
        if (r.n === 0) return sh ? 'not in shard' : '–';
        if (info.unit !== 'share') return pm(r.mean, r.half, info.unit);
        // A share's interval stays inside 0–100%: logit scale, written as its ends.
        const values = out.rows
          .filter((x) => x.structure === s && x.metric === metric && JSON.stringify(x.point) === pt)
          .map((x) => x.value);
        const iv = meanInterval(values, 'share');
        return Number.isFinite(iv.low)
          ? `${pct(iv.mean, iv.high - iv.low)} (${pct(iv.low, iv.high - iv.low)}–${pct(iv.high, iv.high - iv.low)})`
          : pm(r.mean, r.half, info.unit);
      });
      const diffs = out.differences
        .filter((d) => JSON.stringify(d.point) === pt && d.metric === metric)
        .map((d) =>
          d.n === 0
            ? sh
              ? 'not in shard'
              : '–'
            : `${pm(d.mean, d.half, info.unit)}${Number.isFinite(d.p) ? ` (p ${d.p < 0.001 ? '< 0.001' : d.p.toFixed(3)})` : ''}`,
        );
      grid.push([unit ? `${info.label} (${unit})` : info.label, ...cells, ...diffs]);
    }
    lines.push(table(grid));
  }
  lines.push(
    '\n± is the half-width of the 95% interval; shares give the interval’s ends (on the logit scale, so they stay inside 0–100%); differences are paired (common random numbers).',
  );
  if (sh) lines.push(`This is shard ${sh.index}/${sh.count}: its intervals use only this shard's runs.`);
  if (out.failures.length > 0) {
    lines.push(`\n${out.failures.length} replication(s) failed:`);
    for (const f of out.failures)
      lines.push(
        `  ${printable(f.structure)} (scenario ${printable(f.scenario)}), replication ${f.replication}, seed ${f.seed}: ${printable(f.message)}`,
      );
  }
  return lines.join('\n');
}
