/**
 * One call of the library, as a caller's program makes it, run in a process of its own so
 * that a call that hangs or exhausts memory cannot take the test runner with it:
 * `node --import tsx test/library-call.ts <case> [file]`. Prints one JSON line: whether it
 * returned, and if not the error's name and message.
 */
import fs from 'node:fs';
import os from 'node:os';
import { createSimulation, loadPreset, simulate } from '../lib/index.ts';
import { experiment, planFrom } from '../lib/experiments.ts';

const [which, file] = process.argv.slice(2);
const s = loadPreset('longgang-2021');
const cases: Record<string, () => unknown> = {
  'simulate without options': () => (simulate as (x: unknown) => unknown)(s),
  'simulate without a seed': () => simulate(s, { days: 1 } as never),
  'simulate with seed NaN': () => simulate(s, { seed: NaN, days: 1 }),
  'simulate with an object seed': () => simulate(s, { seed: {} as never, days: 1 }),
  'simulate 1e9 days': () => simulate(s, { seed: 1, days: 1e9 }),
  'simulate Infinity days': () => simulate(s, { seed: 1, days: Infinity }),
  'a snapshot every 0.0001 minutes': () => simulate(s, { seed: 1, days: 1, snapshotEveryMinutes: 0.0001 }),
  'a snapshot every minute for 100 years': () => simulate(s, { seed: 1, days: 36_500, snapshotEveryMinutes: 1 }),
  'advanceTo(Infinity)': () => createSimulation(s, { seed: 1 }).advanceTo(Infinity),
  'advanceTo(NaN)': () => createSimulation(s, { seed: 1 }).advanceTo(NaN),
  'advanceDays(1e308)': () => createSimulation(s, { seed: 1 }).advanceDays(1e308),
  'advanceDays(-1)': () => createSimulation(s, { seed: 1 }).advanceDays(-1),
  'a tracer that is not one': () => createSimulation(s, { seed: 1, tracer: {} as never }),
  'simulate past the budget': () =>
    simulate(
      { ...s, population: { ...s.population, residents: 20_000_000 }, demand: { ...s.demand, casesPerResidentYear: 10_000 } },
      { seed: 1, days: 5 },
    ),
  'a structure file that is a device': () => planFrom({ structures: [{ file }], replications: 2, days: 1 }),
  'a structure file that is a named pipe': () => planFrom({ structures: [{ file }], replications: 2, days: 1 }),
  'experiment past the budget': () =>
    experiment({ structures: [{ preset: 'longgang-2021' }], replications: 10_000, days: 36_500 }, { workers: 1 }),
  'experiment with options that are not an object': () => experiment({ structures: [{ preset: 'longgang-2021' }] }, 'fast' as never),
  'experiment with a hook that is not a function': () =>
    experiment({ structures: [{ preset: 'longgang-2021' }], metrics: ['x'] }, { hooks: { x: 1 as never } }),
  // The threads this process gains while the experiment runs (each worker thread is one).
  'experiment with 64 workers': async () => {
    const threads = () => Number(/Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
    const before = threads();
    let most = 0;
    await experiment(
      { structures: [{ preset: 'longgang-2021' }], replications: 4, days: 1 },
      { workers: 64, onProgress: () => (most = Math.max(most, threads() - before)) },
    );
    return { extraThreads: most, cores: os.availableParallelism() };
  },
};
const t0 = performance.now();
try {
  const r = await cases[which]();
  console.log(
    JSON.stringify({ returned: true, ms: performance.now() - t0, value: r && typeof r === 'object' && !('summary' in r) ? r : typeof r }),
  );
} catch (e) {
  const err = e as Error;
  console.log(
    JSON.stringify({ returned: false, ms: performance.now() - t0, name: err.name, message: err.message, range: e instanceof RangeError }),
  );
}
