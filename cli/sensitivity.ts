/**
 * flatgov experiment sensitivity <experiment.json> [--workers N] [--out result.json]
 *   [--markdown file.md] [--trajectories R] [--n N] [--top T] [--morris-only]
 *
 * Morris screening of every assumption, then Sobol indices of the ones that matter, for
 * each metric of each structure and for each structure's difference from the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { sensitivitySchema } from '../experiments/experiment.ts';
import { availableCores, defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { runSensitivity, sensitivityRuns, sensitivitySpec, type SensitivityResult } from '../experiments/sensitivity-run.ts';
import { sensitivityMarkdown } from '../experiments/sensitivity-report.ts';
import { collect, refuse, wholeArg } from './args.ts';
import { readJsonFile, userPath, UsageError } from './load.ts';

export const SENSITIVITY_HELP = `usage: flatgov experiment sensitivity <experiment.json> [--workers N] [--out result.json] [--markdown file.md]
       [--trajectories R] [--n N] [--top T] [--morris-only]
(in a checkout: npm run experiment -- sensitivity …)

Which assumptions decide the answer. Every assumption (npm run scenario -- assumptions)
is screened by Morris elementary effects; the most decisive get Sobol first-order and
total indices (Saltelli sampling, Jansen's estimators), with 95% bootstrap intervals, for
every metric of every structure and for each structure's difference from the first. All
runs use the experiment's base seed; the noise over its replications is reported beside.
The experiment's "sensitivity" block sets the design; the flags override it:
  --trajectories R   Morris trajectories: R × (assumptions + 1) runs per structure
  --n N              Sobol base sample: N × (top + 2) runs per structure
  --top T            how many assumptions get Sobol indices
  --morris-only      screening only
  --out FILE.json    the full result (indices of every output, the design, the model version)
  --markdown FILE    the tables as Markdown (as in docs/sensitivity.md)`;

export interface SensitivityCliValues {
  workers?: string;
  out?: string;
  markdown?: string;
  trajectories?: string;
  n?: string;
  top?: string;
  'morris-only'?: boolean;
  quiet?: boolean;
}

export async function sensitivityCli(values: SensitivityCliValues, files: string[]): Promise<void> {
  const problems: string[] = [];
  if (files.length !== 1) problems.push(`sensitivity: expected one experiment file, got ${files.length} (see --help)`);
  const input = files.length === 1 ? collect(problems, () => readJsonFile(userPath(files[0]))) : undefined;
  const trajectories = collect(problems, () => wholeArg('trajectories', values.trajectories, 2, 1000));
  const n = collect(problems, () => wholeArg('n', values.n, 4, 100_000));
  const top = collect(problems, () => wholeArg('top', values.top, 2, 60));
  const asked = collect(problems, () => wholeArg('workers', values.workers, 1, 1024));
  for (const f of ['out', 'markdown'] as const) {
    const v = values[f];
    if (v !== undefined && !fs.existsSync(path.dirname(userPath(v)))) problems.push(`--${f}: the folder of "${v}" does not exist`);
  }
  refuse(problems);
  const baseDir = path.dirname(userPath(files[0]));
  const load = (ref: { preset?: string; file?: string; scenario?: unknown }) => {
    if (ref.preset !== undefined) {
      if (!PRESET_IDS.includes(ref.preset)) throw new UsageError(`unknown preset "${ref.preset}" (presets: ${PRESET_IDS.join(', ')})`);
      return presetJson(ref.preset);
    }
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  };
  const plan = parseAndPlanExperiment(input, load);
  const base = sensitivitySpec(plan.experiment);
  const spec = sensitivitySchema.parse({
    ...base,
    morris: { ...base.morris, ...(trajectories !== undefined ? { trajectories } : {}) },
    sobol: values['morris-only']
      ? null
      : { ...(base.sobol ?? { top: 8, n: 32 }), ...(n !== undefined ? { n } : {}), ...(top !== undefined ? { top } : {}) },
  });
  const runs = sensitivityRuns(plan, spec);
  const workers = Math.min(asked ?? defaultWorkerCount(), availableCores());
  const log = (s: string) => {
    if (!values.quiet) process.stderr.write(s);
  };
  log(
    `${runs.total} runs of ${plan.experiment.days} days (noise ${runs.noise}, Morris ${runs.morris}, Sobol ${runs.sobol}) on ${workers} worker${workers > 1 ? 's' : ''}\n`,
  );
  const pool = nodePool(workers);
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const t0 = performance.now();
  let result: SensitivityResult;
  try {
    let lastDraw = 0;
    result = await runSensitivity(plan, spec, poolExecutor(pool), {
      signal: ctl.signal,
      onProgress: (p) => {
        const now = performance.now();
        if (p.done === p.total || now - lastDraw > 2000) {
          lastDraw = now;
          log(`  ${p.phase}: ${p.done}/${p.total} runs, ${((now - t0) / 1000).toFixed(0)} s\n`);
        }
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`done in ${seconds.toFixed(0)} s (${((seconds * workers) / runs.total).toFixed(2)} s per run per worker)\n`);
  const md = sensitivityMarkdown(result);
  if (values.out) {
    fs.writeFileSync(
      userPath(values.out),
      `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)}\n`,
    );
    log(`wrote ${values.out}\n`);
  }
  if (values.markdown) {
    fs.writeFileSync(userPath(values.markdown), md);
    log(`wrote ${values.markdown}\n`);
  }
  if (!values.quiet && !values.markdown) process.stdout.write(md);
}
