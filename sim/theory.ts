/**
 * Closed-form results the simulation is checked against (and that users can compare to).
 */

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Mean wait in queue of M/M/c (same time unit as 1/mu). */
export function mmcMeanWait(c: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  if (a >= c) return Infinity;
  return erlangC(c, a) / (c * mu - lambda);
}

/** Share of cases a level with competence Z solves, cumulatively, when difficulty ~ Exp(λ) (Garicano 2000). */
export function garicanoShare(lambda: number, z: number): number {
  return z === Infinity ? 1 : 1 - Math.exp(-lambda * z);
}

/** Mean distance to the nearest of n bases over area a on a street grid (Larson & Odoni). */
export function meanDistanceToBase(areaKm2: number, bases: number): number {
  return 0.63 * Math.sqrt(areaKm2 / bases);
}
