/**
 * Running a study's experiment from the command line, on one machine or many: every study
 * (layers, ablation, calibration, mechanisms, layers-equal, flat-breaks, decompose) is
 * an experiment, so it shards by the rule every design follows (run k goes to shard
 * k mod N). `--shard i/N --out part-i.json` runs one slice and writes it; the same command
 * with `--merge part-*.json` in place of those merges the slices and prints what one machine
 * prints, byte for byte. Finished runs go to the results cache (and, for a shard, to its
 * FILE.partial, which the same command run again resumes from); SIGINT and SIGTERM stop the
 * study, keeping them.
 */
import { sha256 } from '../experiments/identity.ts';
import { resumingExecutor } from '../experiments/executor.ts';
import { toJson } from '../experiments/formats.ts';
import { isExperimentOutput, mergeShards } from '../experiments/merge.ts';
import type { Plan } from '../experiments/plan.ts';
import { runExperiment, type ExperimentOutput, type Progress } from '../experiments/runner.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { refuse, type FlagSpec } from './args.ts';
import { checkBudget, workersArg } from './checks.ts';
import { printable } from '../scenarios/guard.ts';
import { readJsonFile, UsageError, userPath } from './load.ts';
import { checkOut, Journal, manifestDate, writeAtomic } from './output.ts';
import { cliCache } from './run-cache.ts';
import { parseShard } from './sensitivity.ts';
import { stopOnSignals } from './signals.ts';

/** The options every study takes for where and how its runs are made. */
export interface StudyRunValues {
  workers?: string;
  shard?: string;
  out?: string;
  merge?: boolean;
  'no-cache'?: boolean;
  'allow-large'?: boolean;
}

/** The flags every study takes for where and how its runs are made. */
export const STUDY_RUN_FLAGS: Record<string, FlagSpec> = {
  workers: {
    type: 'string',
    arg: 'N',
    help: 'worker threads: at most the cores (default: cores less one, or SLURM_CPUS_PER_TASK)',
  },
  'no-cache': { type: 'boolean', help: 'run everything afresh (finished runs are otherwise kept and reused)' },
  out: { type: 'string', arg: 'FILE.json', help: "also write the study's experiment output (every run)" },
  shard: {
    type: 'string',
    arg: 'i/N',
    help: "with --out part-i.json: run one slice of the study's runs (run k goes to shard k mod N)",
  },
  merge: {
    type: 'boolean',
    help: 'instead of running: merge the slices given after it (part-*.json; the same study\nand options) and print what one machine prints, byte for byte',
  },
  'allow-large': {
    type: 'boolean',
    help: "run even when estimated past 4 GB of memory (or 60% of this machine's) or two\nbillion events",
  },
};

/** What every study's help says after its flags. */
export const STUDY_RUN_NOTES = `Output files are checked, and the work against the machine's budget, before the first
run. Ctrl-C or SIGTERM stops (exit status 130 or 143), keeping the runs that finished in
the results cache; a shard stopped (Ctrl-C, SIGTERM, killed) resumes from
part-i.json.partial when run again.`;

const progressLine = (t0: number) => (p: Progress) => {
  if (p.done === p.total || p.done % 50 === 0)
    process.stderr.write(`  ${p.done}/${p.total} runs, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
};

/** What decides a study's runs: the same for its shards and the one-machine run. */
const identity = (plan: Plan) =>
  sha256({
    modelVersion: MODEL_VERSION,
    experiment: plan.experiment,
    resolved: plan.structures.map((s) => ({ label: s.label, scenario: s.scenario })),
  });

/**
 * Run (or merge) a study's plan. Returns the output to print from, or undefined when there is
 * nothing to print: a shard written, or the study stopped by a signal (the exit status set).
 */
export async function runStudyPlan(
  plan: Plan,
  values: StudyRunValues,
  files: string[],
  opts: { progress?: boolean } = {},
): Promise<ExperimentOutput | undefined> {
  const shard = parseShard(values.shard);
  const out = values.out === undefined ? undefined : userPath(values.out);
  if (out !== undefined) checkOut(out, { shard: true });
  if (values.merge) {
    if (shard) throw new UsageError('--merge: merges the shards; leave --shard out');
    if (files.length === 0) throw new UsageError('--merge: expected the shard files after it (part-*.json)');
    const outputs = files.map((f) => {
      const o = readJsonFile(userPath(f));
      if (!isExperimentOutput(o)) throw new UsageError(`--merge: ${printable(f)} is not a study's shard (an experiment output in JSON)`);
      return o;
    });
    const merged = await mergeShards(outputs, manifestDate(), files.map(printable));
    const want = await identity(plan);
    const got = await sha256({
      modelVersion: merged.manifest.modelVersion,
      experiment: merged.manifest.experiment,
      resolved: merged.resolved,
    });
    if (got !== want)
      throw new UsageError(
        '--merge: the shards are of another study, or of this one with other options (replications, days, structures): merge them with the command that ran them',
      );
    if (out) writeAtomic(out, toJson(merged));
    return merged;
  }
  if (files.length > 0) throw new UsageError(`unexpected ${files.map((f) => `"${printable(f)}"`).join(', ')} (see --help)`);
  if (shard && !out) throw new UsageError('--shard: give --out part.json for the slice (--merge combines the slices)');
  const problems: string[] = [];
  const workers = workersArg(values.workers, problems);
  refuse(problems);
  if (!values['allow-large']) {
    const e = plan.experiment;
    const reps = Math.ceil((e.sequential?.maxReplications ?? e.replications) / (shard?.count ?? 1));
    checkBudget(`this study`, plan.scenarios.flat(), e.days, reps, workers, {
      change: 'fewer replications or days, or more shards (--shard i/N)',
    });
  }
  const cache = cliCache(values['no-cache']);
  const journal =
    shard && out ? new Journal(out, { flatgov: 'journal', experiment: plan.experiment.name, id: await identity(plan), shard }) : undefined;
  if (journal && journal.done.length > 0) process.stderr.write(`resuming: ${journal.done.length} runs already in ${journal.file}\n`);
  const pool = nodePool(workers);
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
  try {
    const exec = resumingExecutor(cache.wrap(poolExecutor(pool)), journal?.done ?? [], (r) => journal?.append(r));
    const result = await runExperiment(plan, exec, {
      signal: ctl.signal,
      shard,
      commit: codeCommit(),
      date: manifestDate(),
      onProgress: opts.progress ? progressLine(t0) : undefined,
    });
    const c = cache.sentence();
    if (c) process.stderr.write(`${c}\n`);
    if (ctl.signal.aborted) {
      journal?.close();
      process.stderr.write(`stopped: run the same command again to go on from ${journal ? journal.file : 'the cache'}\n`);
      return undefined;
    }
    if (result.failures.length > 0) throw new Error(`${result.failures.length} run(s) failed: ${result.failures[0].message}`);
    if (out) {
      writeAtomic(out, toJson(result));
      journal?.discard();
      process.stderr.write(`wrote ${printable(values.out!)}\n`);
    }
    return shard ? undefined : result;
  } catch (e) {
    journal?.close();
    throw e;
  } finally {
    stopSignals();
    pool.close();
  }
}
