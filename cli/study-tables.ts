/**
 * The tables and the chart the layers and ablation studies print (as in scenarios/README.md).
 */
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';

/** A value with its 95% half-width, in the metric's unit. */
export function fmt(mean: number, half: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  const k = unit === 'share' ? 100 : unit === 'yuan/year' ? 1e-6 : 1;
  const d =
    unit === 'share' || unit === 'h'
      ? 1
      : unit === 'yuan/year'
        ? 0
        : unit === 'cases' || unit === 'yuan' || unit === 'posts' || unit === 'organs'
          ? 0
          : 3;
  const f = (x: number) => (x * k).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
  return Number.isFinite(half) && half > 0 ? `${f(mean)} ± ${f(half)}` : f(mean);
}

function unitLabel(unit: string) {
  return unit === 'share' ? '%' : unit === 'yuan/year' ? 'million yuan/year' : unit;
}

export function layersTable(out: ExperimentOutput): string {
  const metrics = out.manifest.experiment.metrics;
  const lines = [
    `| demand × | middle units | ${metrics.map((m) => `${METRIC_BY_ID.get(m)!.label} (${unitLabel(METRIC_BY_ID.get(m)!.unit)})`).join(' | ')} |`,
  ];
  lines.push(`| --- | --- | ${metrics.map(() => '---').join(' | ')} |`);
  const key = (p: unknown) => JSON.stringify(p);
  const points = [...new Set(out.summary.map((r) => key(r.point)))];
  points.forEach((p, pi) => {
    for (const st of out.manifest.experiment.structures.map((s) => s.label!)) {
      const cells = metrics.map((m) => {
        const r = out.summary.find((x) => key(x.point) === p && x.structure === st && x.metric === m)!;
        return fmt(r.mean, r.half, METRIC_BY_ID.get(m)!.unit);
      });
      lines.push(`| ${[1, 2, 4][pi]} | ${st} | ${cells.join(' | ')} |`);
    }
  });
  return lines.join('\n');
}

/** A small line chart (SVG text, no DOM): mean time to close with open cases against middle units, one line per demand level. */
export function layersSvg(out: ExperimentOutput): string {
  const metric = 'hoursToCloseAll.mean';
  const labels = out.manifest.experiment.structures.map((s) => s.label!);
  const key = (p: unknown) => JSON.stringify(p);
  const points = [...new Set(out.summary.map((r) => key(r.point)))];
  const W = 640,
    H = 360,
    L = 64,
    R = 150,
    T = 40,
    B = 56;
  const xs = labels.map((_, i) => L + (i * (W - L - R)) / (labels.length - 1));
  const series = points.map((p) =>
    labels.map((st) => out.summary.find((x) => key(x.point) === p && x.structure === st && x.metric === metric)!),
  );
  const max = Math.max(...series.flat().map((r) => r.mean + r.half));
  const ymax = Math.pow(10, Math.ceil(Math.log10(max)));
  // Log scale: the 4× line is far above the others.
  const ymin = 1;
  const y = (v: number) => T + (H - T - B) * (1 - Math.log10(Math.max(v, ymin) / ymin) / Math.log10(ymax / ymin));
  const colours = ['#1b7837', '#2166ac', '#b2182b'];
  const out2: string[] = [];
  out2.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  );
  out2.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out2.push(`<text x="${L}" y="20" font-size="14" font-weight="bold">Mean time to close, open cases counted (h, log scale)</text>`);
  for (let v = ymin; v <= ymax; v *= 10) {
    out2.push(
      `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  }
  labels.forEach((l, i) => out2.push(`<text x="${xs[i]}" y="${H - B + 18}" text-anchor="middle">${l}</text>`));
  out2.push(
    `<text x="${W / 2}" y="${H - 16}" text-anchor="middle">middle-level units between the city and 102 communities (300 posts shared)</text>`,
  );
  series.forEach((rows, k) => {
    const c = colours[k % colours.length];
    out2.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${rows.map((r, i) => `${xs[i]},${y(r.mean)}`).join(' ')}"/>`);
    rows.forEach((r, i) => {
      out2.push(
        `<line x1="${xs[i]}" x2="${xs[i]}" y1="${y(r.mean - r.half)}" y2="${y(r.mean + r.half)}" stroke="${c}"/><circle cx="${xs[i]}" cy="${y(r.mean)}" r="3" fill="${c}"/>`,
      );
    });
    const last = rows[rows.length - 1];
    out2.push(`<text x="${W - R + 8}" y="${y(last.mean) + 4}" fill="${c}">${[1, 2, 4][k]}× demand</text>`);
  });
  out2.push(
    `<text x="${L}" y="${H - 2}" font-size="10" fill="#555">flatgov · npm run study -- layers · mean ± 95% interval over ${out.manifest.experiment.replications} replications of ${out.manifest.experiment.days} days</text>`,
  );
  out2.push('</svg>');
  return out2.join('\n') + '\n';
}

export function ablationTable(out: ExperimentOutput): string {
  const metrics = out.manifest.experiment.metrics;
  const labels = out.manifest.experiment.structures.map((s) => s.label!);
  const base = labels[0];
  const all = labels[labels.length - 1];
  const lines = [
    `| structure | ${metrics.map((m) => `${METRIC_BY_ID.get(m)!.label} (${unitLabel(METRIC_BY_ID.get(m)!.unit)})`).join(' | ')} |`,
  ];
  lines.push(`| --- | ${metrics.map(() => '---').join(' | ')} |`);
  const totals = new Map(metrics.map((m) => [m, out.differences.find((d) => d.b === all && d.metric === m)?.mean ?? NaN]));
  for (const st of labels) {
    const cells = metrics.map((m) => {
      const unit = METRIC_BY_ID.get(m)!.unit;
      const r = out.summary.find((x) => x.structure === st && x.metric === m)!;
      if (st === base) return fmt(r.mean, r.half, unit);
      const d = out.differences.find((x) => x.b === st && x.metric === m)!;
      const total = totals.get(m)!;
      const share = st !== all && Number.isFinite(total) && Math.abs(total) > 0 ? ` (${Math.round((100 * d.mean) / total)}%)` : '';
      const sign = d.mean >= 0 ? '+' : '−';
      return `${sign}${fmt(Math.abs(d.mean), d.half, unit)}${share}`;
    });
    lines.push(`| ${st} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
