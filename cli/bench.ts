/**
 * `flatgov bench` (`npm run bench` in a checkout): reads its options and runs the speed and
 * memory benchmark of bench/bench.ts, or with --sensitivity the timing of the sensitivity
 * analysis, or with --emulator that of the emulator-based one.
 */
import { bench, benchEmulator, benchSensitivity } from '../bench/bench.ts';
import { parseCli } from './args.ts';

const HELP = `usage: flatgov bench [--json] [--sensitivity | --emulator]   (in a checkout: npm run bench [-- --json])

Speed and memory: the M/M/5 reference queue (200,000 cases), one year of Longgang 2021 at
full scale, replications with 1 and 2 worker threads, and the memory of a 20-year run.
Takes about a minute; each figure
is the best of several runs. --json prints one JSON object.
--sensitivity instead times the sensitivity analysis of the reform's before and after
(experiments/reform-sensitivity.experiment.json: Morris screening of every assumption and
Sobol indices of the top eight, one year each, on 2 workers; several minutes) and prints the
widths of the resulting intervals.
--emulator instead times the emulator-based analysis of the same pair over the twelve
assumptions Morris ranks first (experiments/reform-emulator-decisive.experiment.json: 240
design points of 90 days, Sobol indices on base N = 4,096, on 2 workers; a few minutes)
and prints each output's held-out check and the total indices of its five most decisive
assumptions with their intervals.`;
const { values: args } = parseCli({
  json: { type: 'boolean', default: false },
  sensitivity: { type: 'boolean', default: false },
  emulator: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (args.sensitivity) await benchSensitivity(args.json);
else if (args.emulator) await benchEmulator(args.json);
else await bench(args.json);
