/**
 * flatgov experiment <experiment.json | results.manifest.json | results.json> [--workers N] [--out results.csv|results.json|-] [--series daily|weekly] [--shard i/N] [--no-cache]
 * flatgov experiment --compare a,b[,c…] [--replications R] [--days D] [--seed S] [--out …]
 * flatgov experiment merge <shard.json>... [--out merged.json|merged.csv|-]
 * flatgov experiment sensitivity <experiment.json> [...] (cli/sensitivity.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { resumingExecutor } from '../experiments/executor.ts';
import { sha256 } from '../experiments/identity.ts';
import type { Manifest } from '../experiments/manifest.ts';
import { isSensitivityPart, mergeSensitivityParts, type SensitivityPart } from '../experiments/sensitivity-shard.ts';
import { sensitivityJson } from '../experiments/sensitivity-run.ts';
import { anyRefusal, anySensitivityMarkdown } from '../experiments/sensitivity-any.ts';
import { exactJson } from '../experiments/exact-json.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { experimentSchema } from '../experiments/experiment.ts';
import { experimentSize, MAX_SWEEP_POINTS } from '../experiments/design.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { availableCores, defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { isExperimentOutput, mergeShards, planOfOutput } from '../experiments/merge.ts';
import { printable } from '../scenarios/guard.ts';
import { runExperiment, type ExperimentOutput, type Progress } from '../experiments/runner.ts';
import { collect, flag, helpOf, MAX_DAYS, numberArg, parseCommand, refuse, str, wholeArg, type CommandSpec } from './args.ts';
import { budgetOfMachine } from '../workers/host.ts';
import { SENSITIVITY } from './sensitivity-spec.ts';
import { outputArg } from './checks.ts';
import { readJsonFile, runMain, UsageError, userPath, warn } from './load.ts';
import { checkOut, Journal, manifestDate, writeAtomic, writeResults, type OutFormat } from './output.ts';
import { progressReporter } from './progress.ts';
import { cliCache } from './run-cache.ts';
import { parseShard } from './sensitivity.ts';
import { stopOnSignals } from './signals.ts';
import { defaultWorkers } from './scheduler.ts';
import { formatResults } from '../render/results-table.ts';

const ALLOW_LARGE = {
  type: 'boolean',
  help: "run even when estimated past 4 GB of memory (or 60% of this\nmachine's) or two billion events",
} as const;

/** The experiment subcommands, each with exactly the flags it takes. */
export const EXPERIMENT_COMMANDS: Record<string, CommandSpec> = {
  run: {
    name: 'experiment',
    usage: `flatgov experiment <experiment.json> [flags]
       flatgov experiment results.manifest.json|results.json [--out FILE|-]   (re-runs it exactly)
       flatgov experiment --compare a,b[,...] [--replications R] [--days D] [--seed S] [flags]
       flatgov experiment merge <shard.json>... [--out FILE|-]            (see merge --help)
       flatgov experiment sensitivity <experiment.json> [flags]          (see sensitivity --help)
(in a checkout: npm run experiment -- …)`,
    about: `Runs replications of several structures (presets or scenario files) on common random
numbers, in parallel worker threads, and prints means with 95% intervals and paired
differences against the first structure.`,
    flags: {
      compare: { type: 'string', arg: 'a,b,...', help: 'compare presets or scenario files without an experiment file' },
      replications: { type: 'string', arg: 'R', help: 'with --compare: replications, 2 to 10000 (default 10)' },
      days: { type: 'string', arg: 'D', help: `with --compare: simulated days, up to ${MAX_DAYS} (default 365)` },
      seed: { type: 'string', arg: 'S', help: 'with --compare: the base seed (default 1)' },
      out: {
        type: 'string',
        arg: 'FILE|-',
        help: `results.csv: every run's end-of-run metrics as tidy CSV (with a unit column), its
manifest (enough to re-run exactly; with a units table) in results.manifest.json, the
means with 95% intervals in results.summary.csv, the paired differences in
results.differences.csv and, with --series, the time series in results.series.csv; results.json: everything in one JSON file (manifest, resolved
scenarios, rows, series); -: CSV on standard output (the series if there is one), the
results table then on standard error`,
      },
      format: { type: 'string', arg: 'csv|json', help: "with --out -: the format on standard output (a file's ending says its own)" },
      series: {
        type: 'string',
        arg: 'daily|weekly',
        help: `time series of every run (tidy rows: structure, sweep point, replication, seed, day,
metric, value); metrics from the file's series.metrics, or --series-metrics`,
      },
      'series-metrics': { type: 'string', arg: 'm1,m2', help: 'series metrics, e.g. open,levels[community].queued' },
      metrics: { type: 'string', arg: 'm1,m2', help: 'end-of-run metrics, e.g. hoursToClose.mean,levels[community].utilisation' },
      workers: {
        type: 'string',
        arg: 'N',
        help: `worker threads: at most the cores (default: cores less one, here ${defaultWorkerCount()},
or SLURM_CPUS_PER_TASK under Slurm)`,
      },
      shard: {
        type: 'string',
        arg: 'i/N',
        help: `a deterministic slice (run k goes to shard k mod N; write JSON); merge combines the slices into exactly what one
machine would have produced, and refuses slices that do not fit`,
      },
      quiet: { type: 'boolean', short: 'q', help: 'no progress and no results table (errors only)' },
      progress: { type: 'boolean', help: 'draw progress even when standard error is not a terminal' },
      'no-cache': {
        type: 'boolean',
        help: 'run everything afresh (finished runs are otherwise kept in the results cache and\nreused: flatgov cache)',
      },
      'allow-large': ALLOW_LARGE,
    },
    notes: `An --out file is checked before the first run and replaced whole at the end; until then
FILE.partial holds each finished replication as a JSON line (a journal of other runs is
refused, never overwritten). Ctrl-C or SIGTERM stops and writes what finished (exit status
130 or 143); the same command run again resumes from FILE.partial, running only what is
missing. Progress is drawn on a terminal; elsewhere one line at the end. Paths are relative
to the current folder; files named in an experiment, to the experiment file (in a manifest,
to the manifest's folder). SOURCE_DATE_EPOCH, when set, is the date the manifest states.
Presets: ${PRESET_IDS.join(', ')}.`,
  },
  merge: {
    name: 'experiment merge',
    usage: 'flatgov experiment merge <shard.json>... [--out FILE|-] [--markdown FILE.md]',
    about: `Combines the JSON outputs of every shard of an experiment (--shard i/N), or the parts
of a stage of a sensitivity analysis, into exactly what one machine would have produced.
Each shard is verified before anything in it is used: the checksums it was written with,
then every row against the experiment (seeds by its rule, values, sizes); then they must be
one experiment, one model version, one partition, every slice present once. A shard that is
edited, damaged or does not fit is refused, naming the file and the field.`,
    flags: {
      out: { type: 'string', arg: 'FILE|-', help: 'write the merged results (.csv or .json; - for CSV on standard output)' },
      format: { type: 'string', arg: 'csv|json', help: 'with --out -: the format on standard output' },
      markdown: { type: 'string', arg: 'FILE.md', help: "the sensitivity analysis's tables as Markdown (merging its Sobol parts)" },
      quiet: { type: 'boolean', short: 'q', help: 'no results table (errors only)' },
    },
  },
  sensitivity: SENSITIVITY,
};

function writeOut(target: string, format: OutFormat, out: ExperimentOutput, quiet: boolean) {
  const files = writeResults(target, out, format);
  if (!quiet) for (const f of files) process.stderr.write(`wrote ${f}\n`);
}

/** The results table, on standard error when standard output carries the data. */
function printResults(out: ExperimentOutput, values: { out?: string; quiet?: boolean }) {
  if (!values.quiet) (values.out === '-' ? process.stderr : process.stdout).write(`${formatResults(out)}\n`);
}

function describeAllowLarge(problems: string[]): string {
  return `this experiment ${problems.join('; and ')}. Use fewer replications, days, sweep points or workers, or pass --allow-large to run it anyway`;
}

await runMain(async () => {
  const { name: cmd, spec, values: flags, positionals: rest } = parseCommand(EXPERIMENT_COMMANDS, 'run');
  if (flags.help || (cmd === 'run' && rest.length === 0 && flags.compare === undefined)) {
    console.log(helpOf(spec!));
    return;
  }
  if (cmd === 'sensitivity') {
    const { sensitivityCli } = await import('./sensitivity.ts');
    await sensitivityCli(flags, rest);
    return;
  }
  const text = (name: string) => str(flags, name);
  const values = {
    out: text('out'),
    shard: text('shard'),
    format: text('format'),
    compare: text('compare'),
    replications: text('replications'),
    days: text('days'),
    seed: text('seed'),
    metrics: text('metrics'),
    series: text('series'),
    'series-metrics': text('series-metrics'),
    workers: text('workers'),
    markdown: text('markdown'),
    quiet: flag(flags, 'quiet'),
    'no-cache': flag(flags, 'no-cache'),
    progress: flag(flags, 'progress'),
    'allow-large': flag(flags, 'allow-large'),
  };
  const positionals = cmd === 'merge' ? ['merge', ...rest] : rest;
  const problems: string[] = [];
  if (values.format !== undefined && values.out === undefined)
    problems.push("--format: only with --out (a file's ending says its format; --format chooses it for --out -)");
  const outPath = values.out === undefined || values.out === '-' ? values.out : userPath(values.out);
  const format =
    outPath === undefined
      ? undefined
      : collect(problems, () => checkOut(outPath, { shard: values.shard !== undefined, format: values.format }));
  if (positionals[0] === 'merge') {
    outputArg('--markdown', values.markdown, ['.md', '.markdown'], problems);
    const files = positionals.slice(1);
    if (files.length === 0) problems.push('merge: expected the shard output files (JSON)');
    const outputs = files.map((f) =>
      collect(problems, () => {
        const o = readJsonFile(userPath(f));
        if (!isExperimentOutput(o) && !isSensitivityPart(o))
          throw new UsageError(
            `merge: ${f} is neither an experiment output (manifest, rows, failures and resolved) nor a part of a sensitivity analysis`,
          );
        return o;
      }),
    );
    refuse(problems);
    const parts = outputs.filter(isSensitivityPart);
    if (parts.length > 0) {
      if (parts.length !== outputs.length) throw new UsageError('merge: give either experiment shards or sensitivity parts, not both');
      await mergeSensitivity(parts as SensitivityPart[], values, files.map(printable));
      return;
    }
    if (values.markdown !== undefined) throw new UsageError('--markdown: only when merging the parts of a sensitivity analysis');
    const merged = await mergeShards(outputs as ExperimentOutput[], manifestDate(), files.map(printable));
    if (outPath) writeOut(outPath, format!, merged, values.quiet);
    printResults(merged, values);
    return;
  }

  let input: unknown;
  let baseDir = userPath('.');
  let recorded: { manifest: Manifest; from: string; output?: ExperimentOutput } | undefined;
  const presets = `presets: ${PRESET_IDS.join(', ')}`;
  if (values.compare) {
    const names = values.compare.split(',').map((s) => s.trim());
    for (const n of names)
      if (!PRESET_IDS.includes(n) && !fs.existsSync(userPath(n)))
        problems.push(`--compare: "${n}" is neither a preset nor a scenario file (${presets})`);
    if (names.length < 1 || names.some((n) => n === ''))
      problems.push('--compare: expected names separated by commas, e.g. traditional-county,longgang-2021');
    input = {
      name: `compare ${values.compare}`,
      structures: names.map((s) => (PRESET_IDS.includes(s) ? { preset: s } : { file: s })),
      replications: collect(problems, () => wholeArg('replications', values.replications, 2, 10_000)) ?? 10,
      days: collect(problems, () => numberArg('days', values.days, 0.001, MAX_DAYS, 'days')) ?? 365,
      baseSeed: collect(problems, () => wholeArg('seed', values.seed, 0, 2 ** 31)) ?? 1,
    };
  } else {
    if (positionals.length !== 1) problems.push(`expected one experiment file, got ${positionals.length} (see --help)`);
    for (const flag of ['replications', 'days', 'seed'] as const)
      if (values[flag] !== undefined) problems.push(`--${flag}: only with --compare (an experiment file sets it)`);
    input = collect(problems, () => readJsonFile(userPath(positionals[0])));
    baseDir = path.dirname(userPath(positionals[0] ?? '.'));
    // A results file or a manifest re-runs the experiment it records, exactly.
    if (isExperimentOutput(input)) {
      recorded = { manifest: input.manifest, from: positionals[0], output: input };
      input = input.manifest.experiment;
    } else if (isManifest(input)) {
      recorded = { manifest: input, from: positionals[0] };
      input = input.experiment;
    }
    if (recorded && recorded.manifest.modelVersion !== MODEL_VERSION)
      problems.push(
        `${recorded.from} was run by model version ${recorded.manifest.modelVersion}; this flatgov is model version ${MODEL_VERSION}, whose results differ: re-run it with flatgov ${recorded.manifest.flatgov}`,
      );
  }
  const list = (v: string) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  if (input !== undefined && values.metrics !== undefined) input = { ...obj(input), metrics: list(values.metrics) };
  if (values.series !== undefined) {
    if (values.series !== 'daily' && values.series !== 'weekly')
      problems.push(`--series: expected daily or weekly, got "${values.series}"`);
    else if (input !== undefined) input = { ...obj(input), series: { ...obj(obj(input).series), every: values.series } };
  }
  if (values['series-metrics'] !== undefined) {
    if (values.series === undefined && obj(input).series === undefined)
      problems.push('--series-metrics: give --series daily or --series weekly too');
    else if (input !== undefined) input = { ...obj(input), series: { ...obj(obj(input).series), metrics: list(values['series-metrics']) } };
  }
  const shard =
    collect(problems, () => parseShard(values.shard)) ??
    (recorded?.manifest.shard ? { index: recorded.manifest.shard.index, count: recorded.manifest.shard.count } : undefined);
  const cores = availableCores();
  const asked = collect(problems, () => wholeArg('workers', values.workers, 1, 1024));
  refuse(problems);

  const load = (ref: { preset?: string; file?: string; scenario?: unknown }) => {
    if (ref.preset !== undefined) {
      if (!PRESET_IDS.includes(ref.preset)) throw new UsageError(`unknown preset "${ref.preset}" (${presets})`);
      return presetJson(ref.preset);
    }
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  };
  // Before planning: a sweep of a million points takes minutes and gigabytes just to plan.
  const parsed = experimentSchema.safeParse(input);
  if (parsed.success && !values['allow-large']) {
    const size = experimentSize(parsed.data);
    if (size.points > MAX_SWEEP_POINTS)
      throw new UsageError(
        describeAllowLarge([`has ${size.points.toLocaleString('en')} sweep points, more than ${MAX_SWEEP_POINTS.toLocaleString('en')}`]),
      );
  }
  const plan =
    recorded?.output && input === recorded.output.manifest.experiment ? planOfOutput(recorded.output) : parseAndPlanExperiment(input, load);
  if (recorded && !recorded.output && input === recorded.manifest.experiment) {
    // The scenarios must be the ones the manifest names, bit for bit.
    const hashes = await Promise.all(plan.structures.map((st) => sha256(st.scenario)));
    recorded.manifest.scenarios.forEach((sc, i) => {
      if (hashes[i] !== sc.sha256)
        problems.push(
          `structure "${sc.label}": its scenario is not the one ${recorded!.from} names (SHA-256 ${sc.sha256.slice(0, 12)}…, found ${hashes[i]?.slice(0, 12)}…): a preset or file has changed since (scenario files are read relative to the manifest's folder)`,
        );
    });
    refuse(problems);
  }
  if (!values.quiet) for (const st of plan.structures) warn(st.scenario, `structure "${st.label}"`);
  const e = plan.experiment;
  if (e.sequential && shard) problems.push('--shard: a sequential experiment cannot be sharded (each batch depends on all results so far)');
  const jobCount = e.replications * plan.structures.length * plan.points.length;
  if (shard && shard.index >= jobCount)
    problems.push(
      `--shard ${shard.index}/${shard.count}: this slice holds no replication (the experiment has ${jobCount} runs; use at most ${jobCount} shards)`,
    );
  let workers = asked ?? defaultWorkers();
  if (workers > cores) {
    process.stderr.write(`--workers ${workers}: this machine has ${cores} core${cores > 1 ? 's' : ''}; using ${cores}\n`);
    workers = cores;
  }
  const slice = shard ? Math.ceil((jobCount - shard.index) / shard.count) : jobCount;
  workers = Math.max(1, Math.min(workers, slice));
  if (!values['allow-large']) {
    const perScenario = plan.scenarios.flat().map((sc) => estimateRun(sc, e.days));
    const reps = (e.sequential?.maxReplications ?? e.replications) / (shard?.count ?? 1);
    const over = overBudget(perScenario, budgetOfMachine(), { parallel: workers, runs: perScenario.map(() => Math.ceil(reps)) });
    if (over.length > 0) problems.push(describeAllowLarge(over));
  }
  refuse(problems);

  const journal =
    outPath && outPath !== '-'
      ? new Journal(outPath, {
          flatgov: 'journal',
          experiment: e.name,
          id: await sha256({ modelVersion: MODEL_VERSION, experiment: e, resolved: plan.structures }),
          ...(shard ? { shard } : {}),
        })
      : undefined;
  if (journal && journal.done.length > 0 && !values.quiet)
    process.stderr.write(`resuming: ${journal.done.length} replications already in ${journal.file}\n`);
  const cache = cliCache(values['no-cache']);
  const pool = nodePool(workers);
  const ctl = new AbortController();
  const stopSignals = stopOnSignals(ctl);
  let journalFailed = false;
  let ranNow = 0;
  const exec = resumingExecutor(cache.wrap(poolExecutor(pool)), journal?.done ?? [], (r) => {
    ranNow++;
    if (journalFailed) return;
    try {
      journal?.append(r);
    } catch (err) {
      journalFailed = true;
      process.stderr.write(`\ncannot append to ${journal?.file}: ${(err as Error).message}\n`);
    }
  });
  try {
    const progress = progressReporter({ quiet: values.quiet, tty: values.progress || undefined });
    let last: Progress | undefined;
    const out = await runExperiment(plan, exec, {
      signal: ctl.signal,
      shard,
      commit: codeCommit(),
      date: manifestDate(),
      onProgress: (p) => {
        last = p;
        progress.update(p);
      },
    });
    progress.finish(last);
    if (journal && journal.done.length > 0 && !values.quiet)
      process.stderr.write(`resumed: ${journal.done.length} from the journal, ${ranNow} run now\n`);
    const c = cache.sentence();
    if (c && !values.quiet) process.stderr.write(`${c}\n`);
    if (outPath) {
      writeOut(outPath, format!, out, values.quiet);
      // Stopped: the journal stays, and the same command run again resumes from it.
      if (ctl.signal.aborted && journal) {
        journal.close();
        process.stderr.write(`run the same command again to resume from ${journal.file}\n`);
      } else journal?.discard();
    }
    printResults(out, values);
    if (!ctl.signal.aborted && out.failures.length > 0) process.exitCode = 1;
  } catch (err) {
    if (journal) {
      journal.close();
      process.stderr.write(`the replications that finished are in ${journal.file} (one JSON line each)\n`);
    }
    throw err;
  } finally {
    stopSignals();
    pool.close();
  }
});

/** Whether a parsed file is a manifest (results.manifest.json). */
function isManifest(o: unknown): o is Manifest {
  const m = o as Manifest;
  return (
    !!m &&
    typeof m === 'object' &&
    typeof m.modelVersion === 'string' &&
    !!m.experiment &&
    typeof m.experiment === 'object' &&
    Array.isArray(m.scenarios) &&
    !('rows' in m)
  );
}

/** Merge the parts of one stage of a sensitivity analysis: the screening, or the result. */
async function mergeSensitivity(
  parts: SensitivityPart[],
  values: { out?: string; markdown?: string; quiet?: boolean; format?: string },
  files: string[],
) {
  if (values.format !== undefined) throw new UsageError('--format: a sensitivity analysis merges to JSON (--out FILE.json)');
  if (values.out !== undefined && !values.out.toLowerCase().endsWith('.json'))
    throw new UsageError(`--out: a sensitivity analysis merges to JSON, got "${values.out}"`);
  const merged = await mergeSensitivityParts(parts, files);
  const log = (s: string) => {
    if (!values.quiet) process.stderr.write(s);
  };
  if (merged.screening) {
    if (!values.out) throw new UsageError('merge: the screening stage merges to a file for the Sobol stage: give --out screening.json');
    if (values.markdown !== undefined) throw new UsageError('--markdown: the screening is not the result yet (the Sobol stage is next)');
    writeAtomic(userPath(values.out), `${exactJson(merged.screening)}\n`);
    log(
      `wrote ${values.out}: the screening (${merged.screening.runs.length} runs). Next, the Sobol stage: flatgov experiment sensitivity <experiment.json> --screening ${values.out} --shard i/N --out sobol-i.json, then merge those\n`,
    );
    return;
  }
  const result = merged.result!;
  if (values.out) {
    writeAtomic(userPath(values.out), sensitivityJson(result));
    log(`wrote ${values.out}\n`);
  }
  const md = anySensitivityMarkdown(result);
  const refusal = anyRefusal(result);
  if (refusal) log(`${refusal}\n`);
  if (values.markdown) {
    writeAtomic(userPath(values.markdown), md);
    log(`wrote ${values.markdown}\n`);
  }
  if (!values.quiet && !values.markdown) process.stdout.write(md);
}
