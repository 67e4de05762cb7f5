/** The flags of `flatgov experiment sensitivity` (cli/sensitivity.ts runs it; kept apart so that --help loads nothing else). */
import type { CommandSpec } from './args.ts';

export const SENSITIVITY: CommandSpec = {
  name: 'experiment sensitivity',
  usage: `flatgov experiment sensitivity <experiment.json> [flags]
(in a checkout: npm run experiment -- sensitivity …)`,
  about: `Which assumptions decide the answer. Every assumption (npm run scenario -- assumptions)
is screened by Morris elementary effects; the most decisive get Sobol first-order and
total indices (Saltelli sampling, Jansen's estimators), with 95% bootstrap intervals, for
every metric of every structure and for each structure's difference from the first. All
runs use the experiment's base seed; the noise over its replications is reported beside.
The experiment's "sensitivity" block sets the design ("sobol": null for screening only);
the flags override it.
With "method": "emulator" in the file's sensitivity block: a maximin design over every
assumption (cost-only ones applied to the finished runs), one Gaussian-process emulator
per output checked on held-out runs (a failed check gives no indices), and Sobol indices
of every assumption from the emulators, with intervals that include their uncertainty.`,
  flags: {
    trajectories: { type: 'string', arg: 'R', help: 'Morris trajectories: R × (assumptions + 1) runs per structure (2 to 1000)' },
    n: { type: 'string', arg: 'N', help: 'Sobol base sample: N × (top + 2) runs per structure (4 to 100000)' },
    top: { type: 'string', arg: 'T', help: 'how many assumptions get Sobol indices (2 to 60)' },
    'morris-only': { type: 'boolean', help: 'screening only' },
    points: { type: 'string', arg: 'P', help: 'emulator-based: design points, 20 to 5000 (each runs every structure once)' },
    out: { type: 'string', arg: 'FILE.json', help: 'the full result (indices of every output, the design, the model version)' },
    markdown: { type: 'string', arg: 'FILE.md', help: 'the tables as Markdown (as in docs/sensitivity.md)' },
    workers: {
      type: 'string',
      arg: 'N',
      help: 'worker threads: at most the cores (default: cores less one, or SLURM_CPUS_PER_TASK)',
    },
    shard: { type: 'string', arg: 'i/N', help: "one slice of a stage's runs (run i goes to shard i mod N); needs --out" },
    screening: { type: 'string', arg: 'FILE.json', help: 'the merged screening: run (a shard of) the Sobol stage' },
    'no-cache': { type: 'boolean', help: 'run everything afresh (finished runs are otherwise kept and reused)' },
    quiet: { type: 'boolean', short: 'q', help: 'no progress and no tables on standard output (errors only)' },
    'allow-large': {
      type: 'boolean',
      help: "run even when estimated past 4 GB of memory (or 60% of this\nmachine's) or two billion events",
    },
  },
  notes: `An emulator-based analysis has one stage: sensitivity exp.json --shard i/N --out part-i.json,
then experiment merge part-*.json --out result.json gives the result.
A Morris–Sobol analysis on many machines, in two stages, each split by --shard i/N:
  1. the screening:  sensitivity exp.json --shard i/N --out screening-i.json
     then            experiment merge screening-*.json --out screening.json
  2. the Sobol runs: sensitivity exp.json --screening screening.json --shard i/N --out sobol-i.json
     then            experiment merge sobol-*.json --out result.json [--markdown result.md]
The result is the one machine's, byte for byte. With --morris-only (or "sobol": null) the
first merge gives the result.
Output files are checked before the first run, and the work against the machine's budget.
Ctrl-C or SIGTERM stops (exit status 130 or 143) keeping the runs that finished: in the
results cache, or in FILE.partial for a shard; the same command run again goes on from them.`,
};
