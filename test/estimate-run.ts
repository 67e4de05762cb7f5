/**
 * Runs one shape of test/estimate-shapes.ts in this process and prints, as one JSON line,
 * the estimate and what the run measured: the peak resident set size (RSS) of the process
 * before the run (code loaded, scenario validated) and after it, its events and problems.
 * `node --import tsx test/estimate-run.ts <index>`.
 */
import { estimateRun } from '../sim/compute-budget.ts';
import { simulate } from '../sim/simulate.ts';
import { parseScenario } from '../scenarios/validate.ts';
import { SHAPES } from './estimate-shapes.ts';

const shape = SHAPES[Number(process.argv[2])];
const every = shape.snapshotEveryMinutes ?? 1440;
const scenario = parseScenario(shape.build());
const estimate = estimateRun(scenario, shape.days, every);
const idleRss = process.resourceUsage().maxRSS * 1024;
const t0 = performance.now();
const { summary } = simulate(scenario, { seed: 1, days: shape.days, snapshotEveryMinutes: every, allowLarge: true });
const seconds = (performance.now() - t0) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({ name: shape.name, estimate, idleRss, peakRss, events: summary.events, problems: summary.problems.raised, seconds }),
);
