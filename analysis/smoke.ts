/**
 * A small run of every method, for checking that Node and Deno give the same results:
 * `deno run analysis/deno-smoke.ts` prints it as one JSON line.
 */
import { latinHypercube, maximinLatinHypercube } from './design.ts';
import { fitEmulator } from './emulator.ts';
import { checkHeldOut } from './emulator-check.ts';
import { optimise } from './optimise.ts';
import { prim } from './prim.ts';
import { normal, seeded } from './random.ts';
import { emulatorSobol } from './sobol-emulator.ts';
import { ishigami } from './test-functions.ts';

export async function smoke(): Promise<unknown> {
  const r = seeded('smoke');
  const design = maximinLatinHypercube(40, 3, r).points;
  const em = fitEmulator(design, design.map(ishigami), r, { restarts: 2, maxIterations: 20 });
  const test = latinHypercube(20, 3, r);
  const check = checkHeldOut(em, test, test.map(ishigami), { minR2: 0, coverage: [0, 1], maxErrorSd: Infinity });
  const sobol = emulatorSobol(em, check, r, { baseSamples: 128, realisations: 4, bootstrap: 10, features: 50 });
  const x = Array.from({ length: 300 }, () => [r(), r()]);
  const boxes = prim(
    [
      { name: 'a', values: x.map((p) => p[0]) },
      { name: 'b', values: x.map((p) => p[1]) },
    ],
    x.map((p) => p[0] > 0.6 && r() < 0.9),
  );
  const opt = await optimise({
    dimensions: [
      { name: 'u', lo: -2, hi: 2 },
      { name: 'k', lo: 0, hi: 5, integer: true },
    ],
    seed: 'smoke',
    budget: 200,
    evaluate: async (batch) => batch.map((run) => ({ objective: run.x.u ** 2 + (run.x.k - 2) ** 2 + 0.1 * normal(seeded(run.seed)) })),
  });
  return {
    design: design.slice(0, 3),
    model: { ...em.model, x: undefined, y: undefined },
    sobol,
    prim: boxes.boxes[0].box,
    optimise: opt.best,
  };
}
