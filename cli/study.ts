/**
 * npm run study -- layers|ablation|calibration|mechanisms [--replications R] [--days D] [--workers N]
 * npm run study -- patterns | history-match …
 *
 * Runs one of the studies in studies/ (layers.ts, ablation.ts, calibration.ts,
 * mechanisms.ts, patterns.ts, history-matching.ts) and prints its table as Markdown (as in
 * scenarios/README.md and docs/validation.md), with 95% intervals over replications and, for
 * the ablation, paired differences against the pre-reform county and the share of the total
 * effect each reform explains.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { presetJson } from '../scenarios/presets.ts';
import { ablationStudy } from '../studies/ablation.ts';
import { calibrationFigures, calibrationStudy } from '../studies/calibration.ts';
import { layersStudy } from '../studies/layers.ts';
import { mechanismEffects, mechanismsStudy, MECHANISM_PAIR } from '../studies/mechanisms.ts';
import { mechanismsTable, seedTable } from '../studies/validation-report.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { DEFAULT_HISTORY_MATCH, historyMatch, historyMatchMarkdown, historyMatchSummary } from '../studies/history-matching.ts';
import { PATTERN_REPLICATIONS, patternsMarkdown, patternsStudy } from '../studies/patterns.ts';
import { defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { type ExperimentOutput } from '../experiments/runner.ts';
import { runMain, UsageError } from './load.ts';
import { runStudyPlan, STUDY_RUN_HELP } from './study-run.ts';
import { decomposeCommand } from './decompose.ts';
import { equalTermsCommand } from './equal-terms.ts';
import { DISCOVER_HELP, discoverCommand } from './discover.ts';

const HELP = `usage: npm run study -- layers|ablation|calibration|mechanisms [--replications R] [--days D] [--workers N] [--svg chart.svg]
       npm run study -- layers-equal|flat-breaks [--replications R] [--days D] [--workers N] [--svg chart.svg]
       npm run study -- decompose <A> <B> [--replications R] [--days D] [--warmup W] [--workers N] [--json]
       npm run study -- patterns [--replications R] [--workers N]
       npm run study -- history-match [--waves 30,20,20] [--candidates N] [--workers N] [--markdown file.md] [--result file.json]
       npm run study -- discover <A> <B> [--outcome slower|costlier] [--above X] [--draws M] [--days D] [--threshold T]

layers       middle-level units between the city and 102 communities (0 … 102) at 1×, 2×, 4× demand
ablation     from the pre-reform county, each reform alone and all together (paired differences)
calibration  the seeds' figures against Longgang 2021 and the traditional county, with a verdict each
mechanisms   longgang-town-2018 against longgang-2021 with each mechanism switched off in turn
layers-equal the layers study on equal terms: equal total posts, and equal posts per unit
flat-breaks  with posts held equal, the load and span at which the flat structure becomes
             worse than a thin middle layer
decompose    how much of each difference between A and B is structure, resources, policy and
             calendars (Shapley values over the 16 combinations of their parts; A and B are
             preset ids or scenario files)
patterns     the patterns from independent cases (Dongcheng, Beijing 12345, Tongling, the reversals
             of direct management) against the model, with a verdict each (default ${PATTERN_REPLICATIONS} replications)
history-match
             calibration by history matching against every pattern and seed figure at once: waves of
             runs, emulators, implausibility; the assumptions left non-implausible and what they imply
             for the Longgang comparison (studies/history-matching.ts describes the procedure; the
             default waves, 70 runs of every case, take about ten minutes on two cores)
${DISCOVER_HELP}

${STUDY_RUN_HELP}
patterns and history-match run on one machine: of these options they take --workers only.`;

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

function layersTable(out: ExperimentOutput): string {
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

function ablationTable(out: ExperimentOutput): string {
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

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      replications: { type: 'string' },
      days: { type: 'string' },
      workers: { type: 'string' },
      svg: { type: 'string' },
      help: { type: 'boolean' },
      draws: { type: 'string' },
      markdown: { type: 'string' },
      out: { type: 'string' },
      result: { type: 'string' },
      waves: { type: 'string' },
      candidates: { type: 'string' },
      warmup: { type: 'string' },
      json: { type: 'boolean' },
      shard: { type: 'string' },
      merge: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      outcome: { type: 'string' },
      above: { type: 'string' },
      threshold: { type: 'string' },
    },
  });
  if (values.help) return void console.log(HELP);
  const which = positionals[0];
  if (which === 'history-match' || which === 'patterns') {
    for (const o of ['shard', 'merge', 'out', 'no-cache'] as const)
      if (values[o] !== undefined) throw new UsageError(`--${o}: not for ${which}, which runs on one machine (it takes --workers)`);
    return which === 'patterns' ? patternsCommand(values) : historyMatchCommand(values);
  }
  if (which === 'decompose') return decomposeCommand(positionals.slice(1), values);
  if (which === 'discover') return discoverCommand(positionals.slice(1), values);
  if (which === 'layers-equal' || which === 'flat-breaks') return equalTermsCommand(which, values, positionals.slice(1));
  if (which !== 'layers' && which !== 'ablation' && which !== 'calibration' && which !== 'mechanisms')
    throw new UsageError(
      `expected "layers", "ablation", "calibration", "mechanisms", "layers-equal", "flat-breaks", "decompose", "discover", "patterns" or "history-match", got "${which ?? ''}"\n${HELP}`,
    );
  const reps = Number(values.replications ?? 5);
  const days = Number(values.days ?? 365);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
  const input =
    which === 'layers'
      ? layersStudy(reps, days)
      : which === 'ablation'
        ? ablationStudy(reps, days)
        : which === 'calibration'
          ? calibrationStudy(reps, days)
          : mechanismsStudy(reps, days);
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  {
    const out = await runStudyPlan(plan, values, positionals.slice(1));
    if (!out) return;
    const tables = {
      layers: () => layersTable(out),
      ablation: () => ablationTable(out),
      calibration: () => seedTable(calibrationFigures(out)),
      mechanisms: () =>
        `${mechanismsTable(mechanismEffects(out))}\n\nΔ: ${MECHANISM_PAIR[1]} minus ${MECHANISM_PAIR[0]}, paired over replications.`,
    };
    console.log(tables[which]());
    if (values.svg && which === 'layers') fs.writeFileSync(values.svg, layersSvg(out));
    console.log(`\nMean ± 95% half-width over ${reps} replications of ${days} days (seeds from base seed 1).`);
  }
}

function workersOf(values: { workers?: string }) {
  return Number(values.workers ?? defaultWorkerCount());
}

async function patternsCommand(values: { replications?: string; workers?: string }) {
  const reps = Number(values.replications ?? PATTERN_REPLICATIONS);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  const pool = nodePool(workersOf(values));
  try {
    console.log(patternsMarkdown(await patternsStudy(poolExecutor(pool), reps)));
  } finally {
    pool.close();
  }
}

async function historyMatchCommand(values: { waves?: string; candidates?: string; workers?: string; markdown?: string; result?: string }) {
  const waves = values.waves === undefined ? DEFAULT_HISTORY_MATCH.waves : values.waves.split(',').map((x) => Number(x.trim()));
  if (waves.length === 0 || waves.some((n) => !Number.isInteger(n) || n < 10))
    throw new UsageError(`--waves: expected runs per wave as integers ≥ 10 separated by commas (e.g. 30,20,20), got "${values.waves}"`);
  const candidates = Number(values.candidates ?? DEFAULT_HISTORY_MATCH.candidates);
  if (!Number.isInteger(candidates) || candidates < 1000)
    throw new UsageError(`--candidates: expected an integer ≥ 1000, got "${values.candidates}"`);
  const pool = nodePool(workersOf(values));
  try {
    const t0 = performance.now();
    let shown = '';
    const result = await historyMatch(poolExecutor(pool), { waves, candidates }, (p) => {
      const line =
        p.stage === 'runs'
          ? `  wave ${p.wave}: ${p.done}/${p.total} runs`
          : `  wave ${p.wave}: ${p.stage === 'emulators' ? 'fitting emulators' : 'sampling the region left'}`;
      if (line !== shown && (p.stage !== 'runs' || p.done % 50 === 0 || p.done === p.total)) {
        shown = line;
        process.stderr.write(`${line}, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      }
    });
    if (values.result) fs.writeFileSync(values.result, `${JSON.stringify(result, null, 1)}\n`);
    const md = historyMatchMarkdown(result);
    if (values.markdown) fs.writeFileSync(values.markdown, md);
    else console.log(md);
    console.log(historyMatchSummary(result));
    process.stderr.write(`${result.runs} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s on ${pool.size} workers\n`);
  } finally {
    pool.close();
  }
}

runMain(main);
