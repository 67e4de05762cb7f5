/**
 * flatgov experiment sensitivity <experiment.json> [--workers N] [--out result.json]
 *   [--markdown file.md] [--trajectories R] [--n N] [--top T] [--morris-only]
 *   [--points P] [--shard i/N] [--screening screening.json] [--no-cache]
 *
 * Morris screening of every assumption, then Sobol indices of the ones that matter, for
 * each metric of each structure and for each structure's difference from the first. On many
 * machines: each stage in shards, merged by `flatgov experiment merge` (experiments/sensitivity-shard.ts).
 */
import path from 'node:path';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { printable } from '../scenarios/guard.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { sensitivitySchema } from '../experiments/experiment.ts';
import { resumingExecutor } from '../experiments/executor.ts';
import { exactJson } from '../experiments/exact-json.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import {
  runSensitivity,
  sensitivityJson,
  sensitivityRuns,
  sensitivitySpec,
  type SensitivityProgress,
} from '../experiments/sensitivity-run.ts';
import {
  firstStage,
  isSensitivityPart,
  runSensitivityShard,
  stageId,
  verifyPart,
  type SensitivityPart,
} from '../experiments/sensitivity-shard.ts';
import { anyRefusal, anySensitivityMarkdown, type AnySensitivityResult } from '../experiments/sensitivity-any.ts';
import { collect, flag, refuse, str, wholeArg, type FlagValues } from './args.ts';
import { checkBudget, outputArg, workersArg } from './checks.ts';
import { readJsonFile, userPath, UsageError } from './load.ts';
import { Journal, writeAtomic } from './output.ts';
import { cliCache } from './run-cache.ts';
import { stopOnSignals } from './signals.ts';
import { SENSITIVITY } from './sensitivity-spec.ts';

export { SENSITIVITY };

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
  'allow-large'?: boolean;
}

/** The flags as parsed against SENSITIVITY (cli/sensitivity-spec.ts). */
function typed(v: FlagValues): SensitivityCliValues {
  const out: Record<string, string | boolean | undefined> = {};
  for (const [name, f] of Object.entries(SENSITIVITY.flags)) out[name] = f.type === 'boolean' ? flag(v, name) : str(v, name);
  return out as SensitivityCliValues;
}

/** `i/N` with 0 ≤ i < N. */
export function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) >= Number(m[2]) || !Number.isSafeInteger(Number(m[2])))
    throw new UsageError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "${printable(v)}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

export async function sensitivityCli(flags: FlagValues, files: string[]): Promise<void> {
  const values = typed(flags);
  const problems: string[] = [];
  if (files.length !== 1) problems.push(`sensitivity: expected one experiment file, got ${files.length} (see --help)`);
  const input = files.length === 1 ? collect(problems, () => readJsonFile(userPath(files[0]))) : undefined;
  const trajectories = collect(problems, () => wholeArg('trajectories', values.trajectories, 2, 1000));
  const n = collect(problems, () => wholeArg('n', values.n, 4, 100_000));
  const top = collect(problems, () => wholeArg('top', values.top, 2, 60));
  if (values['morris-only'] && (n !== undefined || top !== undefined))
    problems.push('--morris-only: screening only, without Sobol indices; leave out --n and --top');
  const points = collect(problems, () => wholeArg('points', values.points, 20, 5000));
  const workers = workersArg(values.workers, problems);
  const shard = collect(problems, () => parseShard(values.shard));
  // Output files are checked now, not after the runs.
  const outFile = outputArg('--out', values.out, ['.json'], problems);
  const mdFile = outputArg('--markdown', values.markdown, ['.md', '.markdown'], problems);
  if (shard && values.out === undefined) problems.push('--shard: give --out FILE.json for the shard’s runs (merge combines them)');
  if (shard && values.markdown !== undefined)
    problems.push('--markdown: a shard has no result to write; give it to the merge (experiment merge … --markdown FILE)');
  const screening = values.screening === undefined ? undefined : collect(problems, () => readJsonFile(userPath(values.screening!)));
  if (screening !== undefined && !(isSensitivityPart(screening) && screening.stage === 'screening' && !screening.shard))
    problems.push(
      `--screening: ${printable(values.screening!)} is not a merged screening (experiment merge of the screening shards writes it)`,
    );
  if (screening !== undefined && values['morris-only'])
    problems.push('--screening: a screening-only analysis (--morris-only) has no Sobol stage');
  refuse(problems);
  // Its checksums and fields, before any work (runSensitivityShard verifies it again, as the library's callers need).
  if (screening !== undefined) await verifyPart(screening, printable(values.screening!));
  const quiet = values.quiet === true;
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
  if (!values['allow-large']) {
    const stageRuns = shard ? Math.ceil((screening ? runs.sobol : runs.noise + runs.morris) / shard.count) : runs.total;
    checkBudget(
      `this analysis (${stageRuns.toLocaleString('en')} runs)`,
      plan.structures.map((s) => s.scenario),
      plan.experiment.days,
      Math.ceil(stageRuns / plan.structures.length),
      workers,
      { change: 'fewer trajectories, a smaller --n or --top, fewer days or more shards' },
    );
  }
  const log = (s: string) => {
    if (!quiet) process.stderr.write(s);
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
    shard && outFile
      ? new Journal(outFile, {
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
  const stopSignals = stopOnSignals(
    ctl,
    journal
      ? `the runs that finished (in ${printable(journal.file)})`
      : cache.folder
        ? 'the runs that finished (in the cache)'
        : 'nothing (the cache is off)',
  );
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
        screeningFile: values.screening === undefined ? undefined : printable(values.screening),
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
          : cache.folder
            ? 'run the same command again: the runs that finished come from the cache\n'
            : 'nothing was kept (--no-cache)\n',
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
    writeAtomic(outFile!, `${exactJson(part)}\n`);
    journal?.discard();
    log(
      `wrote ${printable(values.out!)} (${part.runs.length} runs of the ${stage} stage); once every shard has finished: flatgov experiment merge <the ${stage} shards> --out ${stage === 'screening' ? 'screening.json' : 'result.json'}\n`,
    );
    return;
  }
  const md = anySensitivityMarkdown(result!);
  const refusal = anyRefusal(result!);
  if (refusal) log(`${refusal}\n`);
  if (outFile) {
    writeAtomic(outFile, sensitivityJson(result!));
    log(`wrote ${printable(values.out!)}\n`);
  }
  if (mdFile) {
    writeAtomic(mdFile, md);
    log(`wrote ${printable(values.markdown!)}\n`);
  }
  if (!quiet && !mdFile) process.stdout.write(md);
}
