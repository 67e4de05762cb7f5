/**
 * flatgov experiment sensitivity <experiment.json> [--workers N] [--out result.json]
 *   [--markdown file.md] [--trajectories R] [--n N] [--top T] [--morris-only]
 *   [--points P] [--shard i/N] [--screening screening.json] [--no-cache]
 *
 * Morris screening of every assumption, then Sobol indices of the ones that matter, for
 * each metric of each structure and for each structure's difference from the first. On many
 * machines: each stage in shards, merged by `flatgov experiment merge` (experiments/sensitivity-shard.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { sensitivitySchema } from '../experiments/experiment.ts';
import { resumingExecutor } from '../experiments/executor.ts';
import { exactJson } from '../experiments/exact-json.ts';
import { availableCores, nodePool, poolExecutor } from '../workers/node-pool.ts';
import {
  runSensitivity,
  sensitivityJson,
  sensitivityRuns,
  sensitivitySpec,
  type SensitivityProgress,
} from '../experiments/sensitivity-run.ts';
import { firstStage, isSensitivityPart, runSensitivityShard, stageId, type SensitivityPart } from '../experiments/sensitivity-shard.ts';
import { anyRefusal, anySensitivityMarkdown, type AnySensitivityResult } from '../experiments/sensitivity-any.ts';
import { collect, refuse, wholeArg } from './args.ts';
import { readJsonFile, userPath, UsageError } from './load.ts';
import { Journal, writeAtomic } from './output.ts';
import { cliCache } from './run-cache.ts';
import { stopOnSignals } from './signals.ts';
import { defaultWorkers } from './scheduler.ts';

export const SENSITIVITY_HELP = `usage: flatgov experiment sensitivity <experiment.json> [--workers N] [--out result.json] [--markdown file.md]
       [--trajectories R] [--n N] [--top T] [--morris-only] [--points P] [--shard i/N] [--screening FILE] [--no-cache]
(in a checkout: npm run experiment -- sensitivity …)

Which assumptions decide the answer. Every assumption (npm run scenario -- assumptions)
is screened by Morris elementary effects; the most decisive get Sobol first-order and
total indices (Saltelli sampling, Jansen's estimators), with 95% bootstrap intervals, for
every metric of every structure and for each structure's difference from the first. All
runs use the experiment's base seed; the noise over its replications is reported beside.
With "method": "emulator" in the file's sensitivity block: a maximin design over every
assumption (cost-only ones applied to the finished runs), one Gaussian-process emulator
per output checked on held-out runs (a failed check gives no indices), and Sobol indices
of every assumption from the emulators, with intervals that include their uncertainty.
The experiment's "sensitivity" block sets the design; the flags override it:
  --trajectories R   Morris trajectories: R × (assumptions + 1) runs per structure
  --n N              Sobol base sample: N × (top + 2) runs per structure
  --top T            how many assumptions get Sobol indices
  --morris-only      screening only
  --points P         emulator-based: design points (each runs every structure once)
  --out FILE.json    the full result (indices of every output, the design, the model version)
  --markdown FILE    the tables as Markdown (as in docs/sensitivity.md)
  --workers N        worker threads (default: cores less one)
  --no-cache         run everything afresh (finished runs are otherwise kept and reused)
An emulator-based analysis has one stage: sensitivity exp.json --shard i/N --out part-i.json,
then experiment merge part-*.json --out result.json gives the result.
A Morris–Sobol analysis on many machines, in two stages, each split by --shard i/N (run i goes to shard i mod N):
  1. the screening:  sensitivity exp.json --shard i/N --out screening-i.json
     then            experiment merge screening-*.json --out screening.json
  2. the Sobol runs: sensitivity exp.json --screening screening.json --shard i/N --out sobol-i.json
     then            experiment merge sobol-*.json --out result.json [--markdown result.md]
The result is the one machine's, byte for byte. With --morris-only (or "sobol": null) the
first merge gives the result. A shard stopped (Ctrl-C, SIGTERM, killed) resumes from
FILE.partial when run again.`;

export interface SensitivityCliValues {
  workers?: string;
  out?: string;
  markdown?: string;
  trajectories?: string;
  n?: string;
  top?: string;
  'morris-only'?: boolean;
  points?: string;
  quiet?: boolean;
  shard?: string;
  screening?: string;
  'no-cache'?: boolean;
}

/** `i/N` with 0 ≤ i < N. */
export function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) >= Number(m[2]) || !Number.isSafeInteger(Number(m[2])))
    throw new UsageError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "${v}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

export async function sensitivityCli(values: SensitivityCliValues, files: string[]): Promise<void> {
  const problems: string[] = [];
  if (files.length !== 1) problems.push(`sensitivity: expected one experiment file, got ${files.length} (see --help)`);
  const input = files.length === 1 ? collect(problems, () => readJsonFile(userPath(files[0]))) : undefined;
  const trajectories = collect(problems, () => wholeArg('trajectories', values.trajectories, 2, 1000));
  const n = collect(problems, () => wholeArg('n', values.n, 4, 100_000));
  const top = collect(problems, () => wholeArg('top', values.top, 2, 60));
  const points = collect(problems, () => wholeArg('points', values.points, 20, 5000));
  const asked = collect(problems, () => wholeArg('workers', values.workers, 1, 1024));
  const shard = collect(problems, () => parseShard(values.shard));
  for (const f of ['out', 'markdown'] as const) {
    const v = values[f];
    if (v !== undefined && !fs.existsSync(path.dirname(userPath(v)))) problems.push(`--${f}: the folder of "${v}" does not exist`);
  }
  if (shard && values.out === undefined) problems.push('--shard: give --out FILE.json for the shard’s runs (merge combines them)');
  if (shard && values.markdown !== undefined)
    problems.push('--markdown: a shard has no result to write; give it to the merge (experiment merge … --markdown FILE)');
  if (values.out !== undefined && !values.out.toLowerCase().endsWith('.json'))
    problems.push(`--out: expected a .json file, got "${values.out}"`);
  const screening = values.screening === undefined ? undefined : collect(problems, () => readJsonFile(userPath(values.screening!)));
  if (screening !== undefined && !(isSensitivityPart(screening) && screening.stage === 'screening' && !screening.shard))
    problems.push(`--screening: ${values.screening} is not a merged screening (experiment merge of the screening shards writes it)`);
  if (screening !== undefined && values['morris-only'])
    problems.push('--screening: a screening-only analysis (--morris-only) has no Sobol stage');
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
  const emulatorBased = base.method === 'emulator';
  if (emulatorBased) {
    const wrong = (['trajectories', 'n', 'top', 'morris-only', 'screening'] as const).filter(
      (f) => values[f] !== undefined && values[f] !== false,
    );
    if (wrong.length > 0)
      throw new UsageError(
        `${wrong.map((f) => `--${f}`).join(', ')}: not an option of an emulator-based analysis (its design is --points)`,
      );
  } else if (points !== undefined) throw new UsageError('--points: only for an emulator-based analysis ("method": "emulator")');
  const spec = sensitivitySchema.parse({
    ...base,
    ...(emulatorBased ? { emulator: { ...base.emulator, ...(points !== undefined ? { points } : {}) } } : {}),
    morris: { ...base.morris, ...(trajectories !== undefined ? { trajectories } : {}) },
    // Screening only with --morris-only, or when the file says "sobol": null and no flag asks for Sobol.
    sobol:
      values['morris-only'] || (base.sobol === null && n === undefined && top === undefined)
        ? null
        : { ...(base.sobol ?? { top: 8, n: 32 }), ...(n !== undefined ? { n } : {}), ...(top !== undefined ? { top } : {}) },
  });
  const runs = sensitivityRuns(plan, spec);
  const workers = Math.min(asked ?? defaultWorkers(), availableCores());
  const log = (s: string) => {
    if (!values.quiet) process.stderr.write(s);
  };
  const stage = screening ? 'sobol' : firstStage(spec);
  const stageRuns = stage === 'sobol' ? runs.sobol : stage === 'design' ? runs.design : runs.noise + runs.morris;
  const what = shard
    ? `${stage} shard ${shard.index}/${shard.count}: about ${Math.ceil(stageRuns / shard.count)} runs`
    : `${runs.total} runs`;
  log(
    `${what} of ${plan.experiment.days} days (${emulatorBased ? `an emulator design of ${spec.emulator!.points} points × ${plan.structures.length} structures` : `noise ${runs.noise}, Morris ${runs.morris}, Sobol ${runs.sobol}`} in all) on ${workers} worker${workers > 1 ? 's' : ''}\n`,
  );
  // A shard keeps its runs in FILE.partial as they finish, and resumes from it.
  const journal =
    shard && values.out
      ? new Journal(userPath(values.out), {
          flatgov: 'journal',
          experiment: `sensitivity ${stage} of ${plan.experiment.name}`,
          id: await stageId(plan, spec, stage),
          shard,
        })
      : undefined;
  if (journal && journal.done.length > 0) log(`resuming: ${journal.done.length} runs already in ${journal.file}\n`);
  const cache = cliCache(values['no-cache']);
  const pool = nodePool(workers);
  const exec = resumingExecutor(cache.wrap(poolExecutor(pool)), journal?.done ?? [], (r) => journal?.append(r));
  const ctl = new AbortController();
  const stopSignals = stopOnSignals(ctl, shard ? `the runs that finished (in ${journal?.file})` : 'the runs that finished (in the cache)');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let lastDraw = 0;
  const onProgress = (p: SensitivityProgress) => {
    const now = performance.now();
    if (p.done === p.total || now - lastDraw > 2000) {
      lastDraw = now;
      log(`  ${p.phase}: ${p.done}/${p.total} runs, ${((now - t0) / 1000).toFixed(0)} s\n`);
    }
  };
  let result: AnySensitivityResult | undefined;
  let part: SensitivityPart | undefined;
  try {
    if (shard || screening || emulatorBased) {
      const r = await runSensitivityShard(plan, spec, exec, {
        shard,
        screening: screening as SensitivityPart | undefined,
        signal: ctl.signal,
        onProgress,
      });
      result = r.result;
      part = r.part;
    } else result = await runSensitivity(plan, spec, exec, { signal: ctl.signal, onProgress });
  } catch (e) {
    if (ctl.signal.aborted) {
      journal?.close();
      const c = cache.sentence();
      if (c) log(`${c}\n`);
      log(
        journal
          ? `run the same command again to resume from ${journal.file}\n`
          : 'run the same command again: the runs that finished come from the cache\n',
      );
      return;
    }
    journal?.close();
    throw e;
  } finally {
    stopSignals();
    pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const ran = part ? part.runs.length : runs.total;
  log(
    `done in ${seconds.toFixed(0)} s (${((seconds * workers) / Math.max(1, ran)).toFixed(2)} s per run per worker); CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s (all threads)\n`,
  );
  const c = cache.sentence();
  if (c) log(`${c}\n`);
  if (part) {
    writeAtomic(userPath(values.out!), `${exactJson(part)}\n`);
    journal?.discard();
    log(
      `wrote ${values.out} (${part.runs.length} runs of the ${stage} stage); once every shard has finished: flatgov experiment merge <the ${stage} shards> --out ${stage === 'screening' ? 'screening.json' : 'result.json'}\n`,
    );
    return;
  }
  const md = anySensitivityMarkdown(result!);
  const refusal = anyRefusal(result!);
  if (refusal) log(`${refusal}\n`);
  if (values.out) {
    writeAtomic(userPath(values.out), sensitivityJson(result!));
    log(`wrote ${values.out}\n`);
  }
  if (values.markdown) {
    writeAtomic(userPath(values.markdown), md);
    log(`wrote ${values.markdown}\n`);
  }
  if (!values.quiet && !values.markdown) process.stdout.write(md);
}
