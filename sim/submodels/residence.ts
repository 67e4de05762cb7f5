/**
 * Where residents live. Residents are spread over micro-grids by an even scatter (a Weyl
 * sequence): resident r lives in micro-grid ⌊frac(r·φ)·M⌋ of M, so that the frequent
 * residents (the first ids) are spread over the whole area. The units of a level cover
 * consecutive micro-grids, so a level with n units serves each resident from one of them.
 */

/** The golden ratio's fractional part. */
const GOLDEN = 0.6180339887498949;

/** The micro-grid resident r lives in, of `microGrids`. */
export function microGridOf(resident: number, microGrids: number): number {
  const h = resident * GOLDEN;
  return Math.floor((h - Math.floor(h)) * microGrids);
}

/** The unit, of a level with `units` units, that holds resident r's micro-grid. */
export function unitOf(resident: number, microGrids: number, units: number): number {
  return Math.floor((microGridOf(resident, microGrids) * units) / microGrids);
}
