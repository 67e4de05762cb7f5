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
import { printable } from '../scenarios/guard.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { sensitivitySchema } from '../experiments/experiment.ts';
import type { Executor } from '../experiments/executor.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { runSensitivity, sensitivityRuns, sensitivitySpec, type SensitivityResult } from '../experiments/sensitivity-run.ts';
import { sensitivityMarkdown } from '../experiments/sensitivity-report.ts';
import { collect, flag, refuse, str, wholeArg, type FlagValues } from './args.ts';
import { checkBudget, outputArg, workersArg } from './checks.ts';
import { readJsonFile, userPath, UsageError } from './load.ts';
import { Journal } from './output.ts';
import { stopOnSignals } from './signals.ts';
import { SENSITIVITY } from './sensitivity-spec.ts';

export { SENSITIVITY };

export async function sensitivityCli(values: FlagValues, files: string[]): Promise<void> {
  const problems: string[] = [];
  if (files.length !== 1) problems.push(`sensitivity: expected one experiment file, got ${files.length} (see --help)`);
  const input = files.length === 1 ? collect(problems, () => readJsonFile(userPath(files[0]))) : undefined;
  const trajectories = collect(problems, () => wholeArg('trajectories', str(values, 'trajectories'), 2, 1000));
  const n = collect(problems, () => wholeArg('n', str(values, 'n'), 4, 100_000));
  const top = collect(problems, () => wholeArg('top', str(values, 'top'), 2, 60));
  if (flag(values, 'morris-only') && (n !== undefined || top !== undefined))
    problems.push('--morris-only: screening only, without Sobol indices; leave out --n and --top');
  const workers = workersArg(str(values, 'workers'), problems);
  const outFile = outputArg('--out', str(values, 'out'), ['.json'], problems);
  const mdFile = outputArg('--markdown', str(values, 'markdown'), ['.md', '.markdown'], problems);
  refuse(problems);
  const quiet = flag(values, 'quiet');
  const baseDir = path.dirname(userPath(files[0]));
  const load = (ref: { preset?: string; file?: string; scenario?: unknown }) => {
    if (ref.preset !== undefined) {
      if (!PRESET_IDS.includes(ref.preset))
        throw new UsageError(`unknown preset "${printable(ref.preset)}" (presets: ${PRESET_IDS.join(', ')})`);
      return presetJson(ref.preset);
    }
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  };
  const plan = parseAndPlanExperiment(input, load);
  const base = sensitivitySpec(plan.experiment);
  // "sobol": null in the file means screening only, unless a flag asks for Sobol indices.
  const sobol =
    flag(values, 'morris-only') || (base.sobol === null && n === undefined && top === undefined)
      ? null
      : { ...(base.sobol ?? { top: 8, n: 32 }), ...(n !== undefined ? { n } : {}), ...(top !== undefined ? { top } : {}) };
  const spec = sensitivitySchema.parse({
    ...base,
    morris: { ...base.morris, ...(trajectories !== undefined ? { trajectories } : {}) },
    sobol,
  });
  const runs = sensitivityRuns(plan, spec);
  if (!flag(values, 'allow-large'))
    checkBudget(
      `this analysis (${runs.total.toLocaleString('en')} runs)`,
      plan.structures.map((s) => s.scenario),
      plan.experiment.days,
      Math.ceil(runs.total / plan.structures.length),
      workers,
      { change: 'fewer trajectories, a smaller --n or --top, or fewer days' },
    );
  const log = (s: string) => {
    if (!quiet) process.stderr.write(s);
  };
  log(
    `${runs.total} runs of ${plan.experiment.days} days (noise ${runs.noise}, Morris ${runs.morris}, Sobol ${runs.sobol}) on ${workers} worker${workers > 1 ? 's' : ''}\n`,
  );
  const target = outFile ?? mdFile;
  const journal = target ? new Journal(target, { flatgov: 'sensitivity journal', experiment: plan.experiment.name, spec }) : undefined;
  if (journal?.kept) process.stderr.write(`an earlier run's journal ${journal.kept.replace(/\.\d+$/, '')} was kept as ${journal.kept}\n`);
  const pool = nodePool(workers);
  const inner = poolExecutor(pool);
  // Each run that finishes goes to the journal at once: a signal, or a kill, loses none of them.
  const exec: Executor = {
    size: inner.size,
    cancel: () => inner.cancel(),
    run: async (job) => {
      const r = await inner.run(job);
      journal?.append({ index: job.index, structure: job.structure, seed: job.seed, values: r.values });
      return r;
    },
  };
  const stop = stopOnSignals(
    journal ? `the runs that finished (in ${journal.file})` : 'nothing (give --out FILE.json to keep the runs of an interrupted analysis)',
  );
  const t0 = performance.now();
  let result: SensitivityResult | undefined;
  try {
    let lastDraw = 0;
    result = await runSensitivity(plan, spec, exec, {
      signal: stop.signal,
      onProgress: (p) => {
        const now = performance.now();
        if (p.done === p.total || now - lastDraw > 2000) {
          lastDraw = now;
          log(`  ${p.phase}: ${p.done}/${p.total} runs, ${((now - t0) / 1000).toFixed(0)} s\n`);
        }
      },
    });
  } catch (e) {
    // Stopped by a signal: the runs in flight were cancelled; those that finished are in the journal.
    if (!stop.received()) throw e;
  } finally {
    stop.done();
    pool.close();
    journal?.close();
  }
  if (!result) {
    if (journal) process.stderr.write(`the runs that finished are in ${journal.file} (one JSON line each)\n`);
    return;
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`done in ${seconds.toFixed(0)} s (${((seconds * workers) / runs.total).toFixed(2)} s per run per worker)\n`);
  const md = sensitivityMarkdown(result);
  if (outFile) {
    writeFileAtomic(outFile, `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)}\n`);
    log(`wrote ${printable(str(values, 'out')!)}\n`);
  }
  if (mdFile) {
    writeFileAtomic(mdFile, md);
    log(`wrote ${printable(str(values, 'markdown')!)}\n`);
  }
  if (journal) fs.rmSync(journal.file, { force: true });
  if (!quiet && !mdFile) process.stdout.write(md);
}

/** Write a whole file or nothing (a temporary file beside it, then renamed). */
function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
