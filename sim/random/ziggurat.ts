/**
 * Standard exponential variates by the ziggurat method (Marsaglia & Tsang 2000, "The
 * Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8)), 256 layers.
 * Nine draws in ten need one uniform, a table look-up and a multiplication, no logarithm;
 * the tables are built with the portable ln/exp, so results are the same in every engine.
 * Layer index and value use separate bits of one 32-bit draw (8 and 24 bits).
 */
import { exp, ln } from './fdlibm.ts';

const LAYERS = 256;
const R = 7.697117470131487; // start of the tail
const V = 3.949659822581572e-3; // area of each layer
const M = 2 ** 24;

const ke = new Float64Array(LAYERS);
const we = new Float64Array(LAYERS);
const fe = new Float64Array(LAYERS);
(() => {
  let de = R;
  let tde = de;
  const q = V / exp(-de);
  ke[0] = (de / q) * M;
  ke[1] = 0;
  we[0] = q / M;
  we[LAYERS - 1] = de / M;
  fe[0] = 1;
  fe[LAYERS - 1] = exp(-de);
  for (let i = LAYERS - 2; i >= 1; i--) {
    de = -ln(V / de + exp(-de));
    ke[i + 1] = (de / tde) * M;
    tde = de;
    fe[i] = exp(-de);
    we[i] = de / M;
  }
})();

/** A standard exponential variate (mean 1) from uniforms in [0, 1) with 32-bit resolution. */
export function standardExponential(random: () => number): number {
  for (;;) {
    const j = (random() * 4294967296) >>> 0;
    const i = j & 255;
    const v = j >>> 8;
    if (v < ke[i]) return v * we[i];
    if (i === 0) return R - ln(1 - random()); // the tail beyond R is again exponential
    const x = v * we[i];
    if (fe[i] + random() * (fe[i - 1] - fe[i]) < exp(-x)) return x;
  }
}
