/**
 * Test functions with known answers, on the unit cube, shared by the tests and the Deno
 * smoke check.
 */

/** The Ishigami function (a = 7, b = 0.1) with its inputs mapped from [0, 1] to [−π, π]. */
export function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/** Its Sobol indices (Ishigami & Homma 1990; Sobol' & Levitan 1999), to three decimals. */
export const ISHIGAMI = { first: [0.314, 0.442, 0], total: [0.558, 0.442, 0.244] };

/** y = Σ aᵢ uᵢ: first-order and total index of input i both aᵢ² / Σ a². */
export function linear(a: readonly number[]) {
  const s = a.reduce((t, v) => t + v * v, 0);
  return { f: (u: readonly number[]) => a.reduce((t, v, i) => t + v * u[i], 0), indices: a.map((v) => (v * v) / s) };
}
