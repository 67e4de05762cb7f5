/**
 * Running a study as the experiment command runs an experiment: its work checked against
 * the machine's budget first, on at most the cores, each finished replication journalled
 * beside --out as it finishes, and Ctrl-C or SIGTERM stopping it with what finished kept
 * (written to --out, and given to the study's table).
 */
import { presetJson } from '../scenarios/presets.ts';
import { printable } from '../scenarios/guard.ts';
import { parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { toJson } from '../experiments/formats.ts';
import { runExperiment, type ExperimentOutput } from '../experiments/runner.ts';
import { codeCommit } from '../workers/commit.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { checkBudget } from './checks.ts';
import { Journal, writeAtomic } from './output.ts';
import { stopOnSignals } from './signals.ts';

export interface StudyRun {
  out: ExperimentOutput;
  /** The signal that stopped it, if one did. */
  stopped: NodeJS.Signals | undefined;
  /** Runs finished, and runs the study has. */
  done: number;
  total: number;
}

export async function runStudy(
  input: ExperimentInput,
  opts: { what: string; workers: number; out?: string; allowLarge: boolean; progressEvery?: number },
): Promise<StudyRun> {
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  const e = plan.experiment;
  if (!opts.allowLarge) checkBudget(opts.what, plan.scenarios.flat(), e.days, e.replications, opts.workers);
  const journal = opts.out ? new Journal(opts.out, { flatgov: 'journal', experiment: e.name }) : undefined;
  if (journal?.kept) process.stderr.write(`an earlier run's journal ${printable(journal.file)} was kept as ${printable(journal.kept)}\n`);
  const stop = stopOnSignals(
    journal ? `the replications that finished (they go to ${printable(opts.out!)})` : 'the replications that finished (the table has them)',
  );
  const pool = nodePool(opts.workers);
  const t0 = performance.now();
  let done = 0;
  let total = 0;
  let out: ExperimentOutput;
  try {
    out = await runExperiment(plan, poolExecutor(pool), {
      signal: stop.signal,
      commit: codeCommit(),
      onResult: (r) => journal?.append(r),
      onProgress: (p) => {
        done = p.done;
        total = p.total;
        if (opts.progressEvery && (p.done % opts.progressEvery === 0 || p.done === p.total))
          process.stderr.write(`  ${p.done}/${p.total} runs, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      },
    });
  } catch (err) {
    if (journal) {
      journal.close();
      process.stderr.write(`the replications that finished are in ${printable(journal.file)} (one JSON line each)\n`);
    }
    throw err;
  } finally {
    stop.done();
    pool.close();
  }
  if (opts.out && journal) {
    writeAtomic(opts.out, toJson(out));
    journal.discard();
    process.stderr.write(`wrote ${printable(opts.out)}${stop.received() ? ` (${done} of ${total} runs)` : ''}\n`);
  }
  return { out, stopped: stop.received(), done, total: total || plan.structures.length * plan.points.length * e.replications };
}

/**
 * Print a study's table; stopped early, the table of the replications that finished, or,
 * when the table needs every run, a line saying so.
 */
export function printStudy(run: StudyRun, table: () => string, footer: string): void {
  if (!run.stopped) {
    console.log(table());
    console.log(footer);
    return;
  }
  let text: string | undefined;
  try {
    text = run.done > 0 ? table() : undefined;
  } catch {
    text = undefined;
  }
  if (text)
    console.log(`${text}\n\nStopped after ${run.done} of ${run.total} runs: means and intervals over the replications that finished.`);
  process.stderr.write(`stopped after ${run.done} of ${run.total} runs${text ? '' : '; the table needs more of them'}\n`);
}
