/**
 * npm run validate [-- --workers N] [--no-cache]
 *
 * Regenerates docs/validation.md (theory checks, the seeds' figures, the mechanisms switched
 * off, the patterns from independent cases, the committed sensitivity analysis and history match) and the block of README.md
 * between <!-- validate:start --> and <!-- validate:end -->, from studies/validation-report.ts.
 * Exits with status 1 if a theory check fails (the files are written all the same). Its runs
 * go to the results cache, so a second run reuses them (and says how many); SIGINT or
 * SIGTERM stops it, keeping the runs that finished there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HISTORY_MATCHING_FILE,
  renderReadmeBlock,
  renderReport,
  replaceReadmeBlock,
  SENSITIVITY_FILE,
  validationResults,
  type Computed,
} from '../studies/validation-report.ts';
import type { Executor } from '../experiments/executor.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { printable } from '../scenarios/guard.ts';
import { flag, helpOf, parseSpec, refuse, str, type CommandSpec } from './args.ts';
import { workersArg } from './checks.ts';
import { runMain } from './load.ts';
import { cliCache } from './run-cache.ts';
import { stopOnSignals } from './signals.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VALIDATE: CommandSpec = {
  name: 'validate',
  usage: 'flatgov validate [flags]   (in a checkout of flatgov: npm run validate [-- flags])',
  about: `Regenerates docs/validation.md and the validation block of README.md (a few minutes of one
core). Its runs are kept in the results cache and reused the next time; the last line says
how many were reused and how long it took.`,
  flags: {
    workers: {
      type: 'string',
      arg: 'N',
      help: 'worker threads: at most the cores (default: cores less one, or SLURM_CPUS_PER_TASK)',
    },
    'no-cache': { type: 'boolean', help: 'run them all afresh' },
  },
  notes: 'Ctrl-C or SIGTERM stops (exit status 130 or 143), writing nothing and keeping the runs that\nfinished in the cache.',
};

async function main() {
  const { values, positionals } = parseSpec(VALIDATE);
  if (values.help) return void console.log(helpOf(VALIDATE));
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`validate: takes no file, got "${printable(positionals[0])}" (see --help)`);
  const workers = workersArg(str(values, 'workers'), problems);
  // It rewrites files of a checkout; an installed package (build/cli/validate.js) has none to rewrite.
  if (!fs.existsSync(path.join(ROOT, 'README.md')) || !fs.existsSync(path.join(ROOT, 'docs')))
    problems.push(
      'validate: rewrites docs/validation.md and README.md of a checkout of flatgov, and this flatgov is an installed package: in a checkout (git clone), run npm run validate',
    );
  refuse(problems);
  const t0 = performance.now();
  const json = (file: string) =>
    fs.existsSync(path.join(ROOT, file)) ? JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) : undefined;
  const computed: Computed = { sensitivity: json(SENSITIVITY_FILE), historyMatching: json(HISTORY_MATCHING_FILE) };
  const pool = nodePool(workers);
  const cache = cliCache(flag(values, 'no-cache'));
  const ctl = new AbortController();
  const stopSignals = stopOnSignals(ctl, cache.folder ? 'the runs that finished (in the cache)' : 'nothing (the cache is off)');
  const inner = cache.wrap(poolExecutor(pool));
  // Once stopped, every run still asked for fails at once, and the report is not written.
  const exec: Executor = {
    size: inner.size,
    cancel: () => inner.cancel(),
    run: (job) => (ctl.signal.aborted ? Promise.reject(new Error('stopped')) : inner.run(job)),
  };
  ctl.signal.addEventListener('abort', () => inner.cancel());
  try {
    let r: Awaited<ReturnType<typeof validationResults>>;
    try {
      r = await validationResults(exec);
    } catch (e) {
      if (!ctl.signal.aborted) throw e;
      const c = cache.sentence();
      if (c) console.error(c);
      console.error('stopped: nothing written; run it again to go on from the cache');
      return;
    }
    fs.writeFileSync(path.join(ROOT, 'docs/validation.md'), renderReport(r, computed));
    const readmePath = path.join(ROOT, 'README.md');
    fs.writeFileSync(readmePath, replaceReadmeBlock(fs.readFileSync(readmePath, 'utf8'), renderReadmeBlock(r, computed)));
    const failed = r.theory.filter((c) => !c.pass);
    const reproduced = r.seeds.filter((f) => f.pass).length;
    console.log(
      `docs/validation.md and README.md written: theory checks ${r.theory.length - failed.length} of ${r.theory.length} pass; seed figures ${reproduced} of ${r.seeds.length} reproduced`,
    );
    if (failed.length > 0) {
      console.error(`theory checks failed: ${failed.map((c) => c.id).join(', ')}`);
      process.exitCode = 1;
    }
    const c = cache.sentence();
    console.log(`${c ? `${c}; ` : ''}${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
  } finally {
    stopSignals();
    pool.close();
  }
}

runMain(main);
