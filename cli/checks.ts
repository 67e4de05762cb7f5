/**
 * The checks every long command makes before its first run, in the words the experiment
 * command uses: worker threads at most the cores, output files writable, and the work within
 * the machine's compute budget (workers/host.ts, sim/compute-budget.ts).
 */
import type { Scenario } from '../scenarios/schema.ts';
import { BudgetError, printable } from '../scenarios/guard.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { budgetOfMachine, checkOutputFile, workersOnThisMachine } from '../workers/host.ts';
import { availableCores } from '../workers/node-pool.ts';
import { collect, wholeArg } from './args.ts';
import { userPath } from './load.ts';
import { defaultWorkers } from './scheduler.ts';

/**
 * The worker threads a command starts: --workers (a whole number from 1), or cores less one
 * (SLURM_CPUS_PER_TASK under Slurm), never more than the cores (said on standard error when fewer than asked).
 */
export function workersArg(v: string | undefined, problems: string[]): number {
  const asked = collect(problems, () => wholeArg('workers', v, 1, 1024));
  const { count, capped } = workersOnThisMachine(asked ?? defaultWorkers());
  if (capped && asked !== undefined) {
    const cores = availableCores();
    process.stderr.write(`--workers ${asked}: this machine has ${cores} core${cores > 1 ? 's' : ''}; using ${count}\n`);
  }
  return count;
}

/**
 * An output file named by a flag, checked now (its folder exists and is writable, it is not a
 * folder, pipe or device, it ends as it should); the absolute path, or undefined with the
 * problem collected.
 */
export function outputArg(option: string, v: string | undefined, extensions: readonly string[], problems: string[]): string | undefined {
  if (v === undefined) return undefined;
  return collect(problems, () => checkOutputFile(userPath(v), option, extensions) && userPath(v));
}

/**
 * Refuse work past the machine's budget: `runs` runs of each scenario for `days` days,
 * `workers` at once. The message says what to change, or to pass --allow-large.
 */
export function checkBudget(
  what: string,
  scenarios: readonly Scenario[],
  days: number,
  runs: number,
  workers: number,
  opts: { snapshotEveryMinutes?: number; change?: string } = {},
): void {
  const perRun = scenarios.map((s) => estimateRun(s, days, opts.snapshotEveryMinutes ?? 0));
  const over = overBudget(perRun, budgetOfMachine(), { parallel: workers, runs: perRun.map(() => runs) });
  if (over.length > 0)
    throw new BudgetError(
      `${printable(what)} ${over.join('; and ')}. Use ${opts.change ?? 'fewer replications or days'}, or pass --allow-large to run it anyway`,
    );
}
