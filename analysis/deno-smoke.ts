// Runs the analysis methods under Deno: `deno run analysis/deno-smoke.ts` prints smoke()'s result as one JSON line.
import { smoke } from './smoke.ts';

console.log(JSON.stringify(await smoke()));
