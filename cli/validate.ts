/**
 * npm run validate [-- --workers N]
 *
 * Regenerates docs/validation.md (theory checks, the seeds' figures, the mechanisms switched
 * off, the patterns from independent cases, the committed sensitivity analysis and history match) and the block of README.md
 * between <!-- validate:start --> and <!-- validate:end -->, from studies/validation-report.ts.
 * Exits with status 1 if a theory check fails (the files are written all the same).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  HISTORY_MATCHING_FILE,
  renderReadmeBlock,
  renderReport,
  replaceReadmeBlock,
  SENSITIVITY_FILE,
  validationResults,
  type Computed,
} from '../studies/validation-report.ts';
import { availableCores, defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { runMain, UsageError } from './load.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELP = `usage: npm run validate [-- --workers N]

Regenerates docs/validation.md and the validation block of README.md (about two minutes of one core).`;

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { workers: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(HELP);
  const workers = Number(values.workers ?? defaultWorkerCount());
  if (!Number.isInteger(workers) || workers < 1 || workers > availableCores())
    throw new UsageError(`--workers: expected an integer from 1 to ${availableCores()} (the cores), got "${values.workers}"`);
  const json = (file: string) =>
    fs.existsSync(path.join(ROOT, file)) ? JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) : undefined;
  const computed: Computed = { sensitivity: json(SENSITIVITY_FILE), historyMatching: json(HISTORY_MATCHING_FILE) };
  const pool = nodePool(workers);
  try {
    const r = await validationResults(poolExecutor(pool));
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
  } finally {
    pool.close();
  }
}

runMain(main);
