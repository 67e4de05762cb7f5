#!/usr/bin/env node
/**
 * The `flatgov` command: `flatgov sim|scenario|experiment|study|brief|validate|cache|bench …`, each the same program
 * as `npm run <command> --` in a checkout, compiled to plain JavaScript in the package.
 */
import { FLATGOV_VERSION } from '../experiments/identity.ts';

const HELP = `usage: flatgov <command> [options]   (flatgov <command> --help for each)

  sim          run one scenario and print its summary (or JSON)
  scenario     validate, diff, list presets, print the JSON Schema, the presets table
  experiment   replications of several structures on common random numbers; sweeps, time series,
               shards and their merge, sensitivity analyses
  study        the studies (layers, ablation, calibration, mechanisms, patterns, history matching,
               decomposition, discovery, optimisation …), each a table in Markdown; shards and their merge
  brief        a one-page brief of an experiment (replications, A4 HTML)
  validate     the validation report (docs/validation.md and README's block; in a checkout)
  cache        the results cache: where it is, what it holds, pruning it
  bench        speed and memory benchmark

flatgov ${FLATGOV_VERSION}`;

const [cmd] = process.argv.slice(2);
// Each command reads its own arguments from process.argv, as when run on its own.
process.argv.splice(2, 1);
switch (cmd) {
  case 'sim':
    await import('./sim.ts');
    break;
  case 'scenario':
    await import('./scenario.ts');
    break;
  case 'experiment':
    await import('./experiment.ts');
    break;
  case 'study':
    await import('./study.ts');
    break;
  case 'brief':
    await import('./brief.ts');
    break;
  case 'validate':
    await import('./validate.ts');
    break;
  case 'bench':
    await import('./bench.ts');
    break;
  case 'cache':
    await import('./cache.ts');
    break;
  case '--version':
  case '-v':
    console.log(FLATGOV_VERSION);
    break;
  case undefined:
  case '--help':
  case '-h':
  case 'help':
    console.log(HELP);
    break;
  default:
    process.stderr.write(`error: unknown command "${cmd}"\n${HELP}\n`);
    process.exitCode = 2;
}
