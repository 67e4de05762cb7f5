/**
 * npm run experiment -- <experiment.json> [--workers N] [--out results.csv|results.json] [--shard i/N]
 * npm run experiment -- --compare a,b[,c…] [--replications R] [--days D] [--seed S] [--out …]
 * npm run experiment -- merge <shard.json>... [--out merged.json|merged.csv]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { METRIC_BY_ID } from '../sim/catalog.ts';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { parseExperiment, planExperiment, toCsv, toJson, type ExperimentInput } from '../workers/experiment.ts';
import { defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { mergeShards, runExperiment, type ExperimentOutput, type Progress } from '../workers/runner.ts';
import { readJsonFile, runMain, UsageError } from './load.ts';

const HELP = `usage:
  npm run experiment -- <experiment.json> [--workers N] [--out results.csv|results.json] [--shard i/N]
  npm run experiment -- --compare a,b[,...] [--replications R] [--days D] [--seed S] [--out FILE]
  npm run experiment -- merge <shard.json>... [--out FILE]

Runs replications of several structures (presets or scenario files) on common random
numbers, in parallel worker threads, and prints means with 95% intervals and paired
differences against the first structure. --out writes every replication as CSV or JSON,
with a manifest that is enough to re-run the experiment exactly. Ctrl-C stops and keeps
what finished. --shard i/N runs a deterministic slice (write JSON); merge combines the
slices into exactly what one machine would have produced.
Presets: ${PRESET_IDS.join(', ')}.`;

function num(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name}: expected a number ≥ ${min}, got "${v}"`);
  return n;
}

function writeOut(file: string, out: ExperimentOutput) {
  const text = file.endsWith('.csv') ? toCsv(out) : file.endsWith('.json') ? toJson(out) : null;
  if (text === null) throw new UsageError(`--out: expected a file ending in .csv or .json, got "${file}"`);
  fs.writeFileSync(file, text);
  process.stderr.write(`wrote ${file}\n`);
}

/** "mean ± half" with as many decimals as the half-width's two significant digits need. */
export function pm(mean: number, half: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  let scale = 1;
  let suffix = '';
  if (unit === 'share') (scale = 100), (suffix = '%');
  else if (Math.abs(mean) >= 1e6) (scale = 1e-6), (suffix = 'M');
  const m = mean * scale;
  const h = half * scale;
  const decimals = Number.isFinite(h) && h > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(h)))) : 2;
  const f = (x: number) => x.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return Number.isFinite(h) ? `${f(m)} ± ${f(h)}${suffix}` : `${f(m)}${suffix}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

export function formatResults(out: ExperimentOutput): string {
  const lines: string[] = [];
  const m = out.manifest;
  lines.push(`${m.experiment.name}: ${m.replications} replications × ${m.experiment.days} days, base seed ${m.experiment.baseSeed}${m.complete ? '' : ' (INCOMPLETE)'}`);
  const points = [...new Set(out.summary.map((r) => JSON.stringify(r.point)))];
  for (const pt of points) {
    lines.push(pt === '{}' ? '' : `\nat ${pt}`);
    const rows = out.summary.filter((r) => JSON.stringify(r.point) === pt);
    const structures = [...new Set(rows.map((r) => r.structure))];
    const grid: string[][] = [['metric (unit)', ...structures, ...structures.slice(1).map((s) => `${s} − ${structures[0]}`)]];
    for (const metric of m.experiment.metrics) {
      const info = METRIC_BY_ID.get(metric)!;
      const first = rows.find((r) => r.metric === metric);
      const unit = info.unit === 'share' ? '%' : Math.abs(first?.mean ?? 0) >= 1e6 ? `million ${info.unit}` : info.unit;
      const cells = structures.map((s) => {
        const r = rows.find((x) => x.structure === s && x.metric === metric)!;
        return pm(r.mean, r.half, info.unit);
      });
      const diffs = out.differences
        .filter((d) => JSON.stringify(d.point) === pt && d.metric === metric)
        .map((d) => `${pm(d.mean, d.half, info.unit)} (p ${d.p < 0.001 ? '< 0.001' : d.p.toFixed(3)})`);
      grid.push([`${info.label} (${unit})`, ...cells, ...diffs]);
    }
    lines.push(table(grid));
  }
  lines.push('\n± is the half-width of the 95% interval; differences are paired (common random numbers).');
  if (out.failures.length > 0) {
    lines.push(`\n${out.failures.length} replication(s) failed:`);
    for (const f of out.failures) lines.push(`  ${f.structure} (scenario ${f.scenario}), replication ${f.replication}, seed ${f.seed}: ${f.message}`);
  }
  return lines.join('\n');
}

function progressBar(started: number) {
  let last = 0;
  return (p: Progress) => {
    const now = Date.now();
    if (now - last < 200 && p.done < p.total) return;
    last = now;
    const frac = p.total > 0 ? p.done / p.total : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '·');
    const elapsed = (now - started) / 1000;
    const eta = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : NaN;
    const etaText = Number.isFinite(eta) ? `ETA ${eta < 90 ? `${eta.toFixed(0)} s` : `${(eta / 60).toFixed(1)} min`}` : 'ETA –';
    process.stderr.write(`\r${bar} ${p.done}/${p.total} runs  ${etaText}${p.failed ? `  ${p.failed} failed` : ''}   `);
    if (p.done === p.total) process.stderr.write('\n');
  };
}

function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) >= Number(m[2])) throw new UsageError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "${v}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

await runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workers: { type: 'string' },
      out: { type: 'string' },
      shard: { type: 'string' },
      compare: { type: 'string' },
      replications: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (positionals.length === 0 && !values.compare)) {
    console.log(HELP);
    return;
  }
  if (positionals[0] === 'merge') {
    const files = positionals.slice(1);
    if (files.length === 0) throw new UsageError('merge: expected the shard output files (JSON)');
    const outputs = files.map((f) => readJsonFile(f) as ExperimentOutput);
    const merged = await mergeShards(outputs);
    if (values.out) writeOut(values.out, merged);
    console.log(formatResults(merged));
    return;
  }

  let input: ExperimentInput;
  let baseDir = process.cwd();
  if (values.compare) {
    input = {
      name: `compare ${values.compare}`,
      structures: values.compare.split(',').map((s) => s.trim()).map((s) => (PRESET_IDS.includes(s) ? { preset: s } : { file: s })),
      replications: num('replications', values.replications, 2) ?? 10,
      days: num('days', values.days, 0.001) ?? 365,
      baseSeed: num('seed', values.seed, 0) ?? 1,
    };
  } else {
    if (positionals.length !== 1) throw new UsageError(`expected one experiment file\n${HELP}`);
    input = readJsonFile(positionals[0]) as ExperimentInput;
    baseDir = path.dirname(path.resolve(positionals[0]));
  }
  const experiment = parseExperiment(input);
  const plan = planExperiment(experiment, (ref) => {
    if (ref.preset !== undefined) return presetJson(ref.preset);
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  });
  const shard = parseShard(values.shard);
  if (shard && values.out && !values.out.endsWith('.json')) throw new UsageError('--shard: write the slice as JSON (--out slice.json) so that merge can combine it');
  const workers = num('workers', values.workers, 1) ?? defaultWorkerCount();
  if (!Number.isInteger(workers)) throw new UsageError(`--workers: expected an integer ≥ 1, got "${values.workers}"`);
  const pool = nodePool(workers);
  const ctl = new AbortController();
  const onSigint = () => {
    process.stderr.write('\nstopping: keeping the replications that finished\n');
    ctl.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const out = await runExperiment(plan, poolExecutor(pool), { signal: ctl.signal, shard, onProgress: progressBar(Date.now()) });
    if (values.out) writeOut(values.out, out);
    console.log(formatResults(out));
    if (ctl.signal.aborted) process.exitCode = 130;
    else if (out.failures.length > 0) process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSigint);
    pool.close();
  }
});

