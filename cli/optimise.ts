/**
 * npm run study -- optimise [<structure>] [--runs N] [--days D] [--warmup W] [--load X]
 *   [--budget YUAN] [--targets METRIC=MIN,…] [--pareto] [--markdown F] [--result F]
 *   [--workers N] [--no-cache] [--allow-large]
 *
 * The best allocation of a structure's city posts within a budget (studies/optimise-posts.ts):
 * CMA-ES on common random numbers, a race of the finalists with the shipped allocation among
 * them, every figure with its 95% interval; with --pareto, the front of annual cost against
 * the mean time to close with the total of posts free as well.
 */
import fs from 'node:fs';
import { printable } from '../scenarios/guard.ts';
import { ALLOCATION_METRICS, type ServiceTarget } from '../studies/allocation.ts';
import { DEFAULT_ALLOCATION, MIN_RUNS, optimisePosts, postsPareto } from '../studies/optimise-posts.ts';
import { allocationMarkdown, allocationSentence, paretoMarkdown } from '../studies/optimise-report.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { checkBudget, workersArg } from './checks.ts';
import { refuse } from './args.ts';
import { loadScenarioArg, UsageError, userPath } from './load.ts';
import { cliCache } from './run-cache.ts';
import { stopOnSignals } from './signals.ts';

export interface OptimiseValues {
  runs?: string;
  days?: string;
  warmup?: string;
  load?: string;
  budget?: string;
  targets?: string;
  pareto?: boolean;
  markdown?: string;
  result?: string;
  workers?: string;
  'no-cache'?: boolean;
  'allow-large'?: boolean;
}

const TARGETS = ALLOCATION_METRICS.filter((m) => m.startsWith('sla.') || m === 'localResolutionShare');

/** `sla.close24h=0.9` → a target. */
export function parseTarget(t: string): ServiceTarget {
  const m = /^([\w.]+)=([0-9.]+)$/.exec(t);
  const metric = m?.[1] as ServiceTarget['metric'] | undefined;
  const min = Number(m?.[2]);
  if (!metric || !(TARGETS as readonly string[]).includes(metric) || !(min >= 0 && min <= 1))
    throw new UsageError(
      `--targets: expected METRIC=SHARE with METRIC one of ${TARGETS.join(', ')} and SHARE in [0, 1], got "${printable(t)}"`,
    );
  return { metric, min };
}

export async function optimiseCommand(positionals: string[], values: OptimiseValues): Promise<void> {
  const [ref = 'longgang-2021', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.map((f) => `"${printable(f)}"`).join(', ')} (see --help)`);
  const runs = Number(values.runs ?? DEFAULT_ALLOCATION.runs);
  if (!(Number.isInteger(runs) && runs >= MIN_RUNS && runs <= 100_000))
    throw new UsageError(`--runs: expected a whole number of runs from ${MIN_RUNS} to 100000, got "${values.runs}"`);
  if (values.pareto && runs < 5 * MIN_RUNS)
    throw new UsageError(
      `--runs: with --pareto expected at least ${5 * MIN_RUNS} (five points of the front, ${MIN_RUNS} runs each), got ${runs}`,
    );
  const days = Number(values.days ?? DEFAULT_ALLOCATION.days);
  const warmupDays = Number(values.warmup ?? Math.min(DEFAULT_ALLOCATION.warmupDays, days / 2));
  const load = Number(values.load ?? 1);
  if (!(load > 0 && load <= 10)) throw new UsageError(`--load: expected a multiple of demand in (0, 10], got "${values.load}"`);
  const budget = values.budget === undefined ? undefined : Number(values.budget);
  if (budget !== undefined && !(budget > 0))
    throw new UsageError(`--budget: expected an annual cost in yuan/year > 0, got "${values.budget}"`);
  const targets =
    values.targets === undefined
      ? DEFAULT_ALLOCATION.targets
      : values.targets === 'none'
        ? []
        : values.targets.split(',').map((t) => parseTarget(t.trim()));
  const base = loadScenarioArg(ref);
  const problems: string[] = [];
  const workers = workersArg(values.workers, problems);
  refuse(problems);
  if (!values['allow-large']) checkBudget('this optimisation', [base], days, runs, workers, { change: 'fewer runs or days' });
  const cache = cliCache(values['no-cache']);
  const pool = nodePool(workers);
  const ctl = new AbortController();
  ctl.signal.addEventListener('abort', () => pool.cancel());
  const stopSignals = stopOnSignals(ctl, cache.folder ? 'the runs that finished (in the cache)' : 'nothing (the cache is off)');
  const t0 = performance.now();
  let shown = 0;
  const progress = (p: { runs: number }) => {
    if (p.runs - shown >= 50) {
      shown = p.runs;
      process.stderr.write(`  ${p.runs} runs, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
  };
  try {
    const exec = cache.wrap(poolExecutor(pool));
    const options = { base, runs, days, warmupDays, load, budget, targets };
    if (values.pareto) {
      const r = await postsPareto(exec, options, progress);
      const md = paretoMarkdown(r, { name: base.name, days, warmupDays, targets });
      if (values.result) fs.writeFileSync(userPath(values.result), `${JSON.stringify(r, null, 1)}\n`);
      if (values.markdown) fs.writeFileSync(userPath(values.markdown), md);
      else console.log(md);
    } else {
      const r = await optimisePosts(exec, options, progress);
      if (values.result) fs.writeFileSync(userPath(values.result), `${JSON.stringify(r, null, 1)}\n`);
      const md = allocationMarkdown(r);
      if (values.markdown) fs.writeFileSync(userPath(values.markdown), md);
      else console.log(md);
      if (values.markdown) console.log(allocationSentence(r));
    }
    const c = cache.sentence();
    if (c) process.stderr.write(`${c}\n`);
    process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(0)} s on ${pool.size} worker${pool.size === 1 ? '' : 's'}\n`);
  } catch (e) {
    if (ctl.signal.aborted) {
      process.stderr.write('stopped: run the same command again to go on from the cache\n');
      return;
    }
    throw e;
  } finally {
    stopSignals();
    pool.close();
  }
}
