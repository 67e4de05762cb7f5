// Runs the simulation core under Deno: `deno run --allow-read test/deno-smoke.ts` prints
// the summary of a week of the default preset as one JSON line.
import { simulate } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';

const { summary } = simulate(loadPreset('longgang-2021'), { seed: 9, days: 7 });
console.log(JSON.stringify(summary));
