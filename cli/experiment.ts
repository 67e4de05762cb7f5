/**
 * flatgov experiment <experiment.json> [--workers N] [--out results.csv|results.json|-] [--series daily|weekly] [--shard i/N]
 * flatgov experiment --compare a,b[,c…] [--replications R] [--days D] [--seed S] [--out …]
 * flatgov experiment merge <shard.json>... [--out merged.json|merged.csv|-]
 * flatgov experiment sensitivity <experiment.json> [...] (cli/sensitivity.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { experimentSchema } from '../experiments/experiment.ts';
import { experimentSize, MAX_SWEEP_POINTS } from '../experiments/design.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { availableCores, defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { isExperimentOutput, mergeShards } from '../experiments/merge.ts';
import { runExperiment, type ExperimentOutput, type Progress } from '../experiments/runner.ts';
import { collect, flag, helpOf, MAX_DAYS, numberArg, parseCommand, refuse, str, wholeArg, type CommandSpec } from './args.ts';
import { budgetOfMachine } from '../workers/host.ts';
import { SENSITIVITY } from './sensitivity-spec.ts';
import { readJsonFile, runMain, UsageError, userPath, warn } from './load.ts';
import { checkOut, Journal, writeResults, type OutFormat } from './output.ts';
import { progressReporter } from './progress.ts';
import { stopOnSignals } from './signals.ts';
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
        help: `results.csv: every run's end-of-run metrics as tidy CSV, its manifest (enough to
re-run exactly) in results.manifest.json and, with --series, the time series in
results.series.csv; results.json: everything in one JSON file (manifest, resolved
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
        help: `worker threads: at most the cores (default: cores less one, here ${defaultWorkerCount()})`,
      },
      shard: {
        type: 'string',
        arg: 'i/N',
        help: `a deterministic slice (write JSON); merge combines the slices into exactly what one
machine would have produced, and refuses slices that do not fit`,
      },
      quiet: { type: 'boolean', short: 'q', help: 'no progress and no results table (errors only)' },
      progress: { type: 'boolean', help: 'draw progress even when standard error is not a terminal' },
      'allow-large': ALLOW_LARGE,
    },
    notes: `An --out file is checked before the first run and replaced whole at the end; until then
FILE.partial holds each finished replication as a JSON line (a journal an earlier run left
is moved aside to FILE.partial.1, never overwritten). Ctrl-C or SIGTERM stops and writes
what finished (exit status 130 or 143). Progress is drawn on a terminal; elsewhere one line
at the end. Paths are relative to the current folder; files named in an experiment, to the
experiment file.
Presets: ${PRESET_IDS.join(', ')}.`,
  },
  merge: {
    name: 'experiment merge',
    usage: 'flatgov experiment merge <shard.json>... [--out FILE|-]',
    about: `Combines the JSON outputs of every shard of an experiment (--shard i/N) into exactly what
one machine would have produced. Each shard is verified first: its checksums, the
experiment it belongs to, the schema and model versions, its seeds and sizes; a shard that
does not fit is refused with its file and field named.`,
    flags: {
      out: { type: 'string', arg: 'FILE|-', help: 'write the merged results (.csv or .json; - for CSV on standard output)' },
      format: { type: 'string', arg: 'csv|json', help: 'with --out -: the format on standard output' },
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

function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) >= Number(m[2]) || !Number.isSafeInteger(Number(m[2])))
    throw new UsageError(`--shard: expected i/N with 0 ≤ i < N (e.g. 0/4), got "${v}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
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
    quiet: flag(flags, 'quiet'),
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
    const files = positionals.slice(1);
    if (files.length === 0) problems.push('merge: expected the shard output files (JSON)');
    const outputs = files.map((f) =>
      collect(problems, () => {
        const o = readJsonFile(userPath(f));
        if (!isExperimentOutput(o))
          throw new UsageError(`merge: ${f} is not an experiment output (expected manifest, rows, failures and resolved)`);
        return o;
      }),
    );
    refuse(problems);
    const merged = await mergeShards(outputs as ExperimentOutput[]);
    if (outPath) writeOut(outPath, format!, merged, values.quiet);
    printResults(merged, values);
    return;
  }

  let input: unknown;
  let baseDir = userPath('.');
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
  const shard = collect(problems, () => parseShard(values.shard));
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
  const plan = parseAndPlanExperiment(input, load);
  if (!values.quiet) for (const st of plan.structures) warn(st.scenario, `structure "${st.label}"`);
  const e = plan.experiment;
  if (e.sequential && shard) problems.push('--shard: a sequential experiment cannot be sharded (each batch depends on all results so far)');
  const jobCount = e.replications * plan.structures.length * plan.points.length;
  if (shard && shard.index >= jobCount)
    problems.push(
      `--shard ${shard.index}/${shard.count}: this slice holds no replication (the experiment has ${jobCount} runs; use at most ${jobCount} shards)`,
    );
  let workers = asked ?? defaultWorkerCount();
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

  const journal = outPath && outPath !== '-' ? new Journal(outPath, { flatgov: 'journal', experiment: e.name, shard }) : undefined;
  if (journal?.kept) process.stderr.write(`an earlier run's journal ${journal.file} was kept as ${journal.kept}\n`);
  const pool = nodePool(workers);
  const stop = stopOnSignals('the replications that finished');
  let journalFailed = false;
  try {
    const progress = progressReporter({ quiet: values.quiet, tty: values.progress || undefined });
    let last: Progress | undefined;
    const out = await runExperiment(plan, poolExecutor(pool), {
      signal: stop.signal,
      shard,
      commit: codeCommit(),
      onProgress: (p) => {
        last = p;
        progress.update(p);
      },
      onResult: (r) => {
        if (journalFailed) return;
        try {
          journal?.append(r);
        } catch (err) {
          journalFailed = true;
          process.stderr.write(`\ncannot append to ${journal?.file}: ${(err as Error).message}\n`);
        }
      },
    });
    progress.finish(last);
    if (outPath) {
      writeOut(outPath, format!, out, values.quiet);
      journal?.discard();
    }
    printResults(out, values);
    if (!stop.signal.aborted && out.failures.length > 0) process.exitCode = 1;
  } catch (err) {
    if (journal) {
      journal.close();
      process.stderr.write(`the replications that finished are in ${journal.file} (one JSON line each)\n`);
    }
    throw err;
  } finally {
    stop.done();
    pool.close();
  }
});
