/**
 * Seeded randomness for the analysis methods. Every method takes a `Random` (a function
 * returning uniform numbers in [0, 1)) instead of calling Math.random, so results are
 * reproducible bit for bit in Node, Deno and the browser. `seeded` gives Alea
 * (seedrandom), the generator the simulation uses.
 */
import seedrandom from 'seedrandom';

export type Random = () => number;

/** A uniform stream from a seed (Alea). */
export function seeded(seed: number | string): Random {
  return seedrandom.alea(`flatgov-analysis/${seed}`);
}

/** A standard normal variate (Box–Muller; one of the pair is discarded for simplicity). */
export function normal(rand: Random): number {
  let u = rand();
  while (u <= 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** A chi-square variate with an integer number of degrees of freedom. */
export function chiSquare(df: number, rand: Random): number {
  let s = 0;
  for (let i = 0; i < df; i++) s += normal(rand) ** 2;
  return s;
}

/** An integer in [0, n). */
export function integer(n: number, rand: Random): number {
  return Math.min(n - 1, Math.floor(rand() * n));
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rand: Random): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = integer(i + 1, rand);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A 32-bit seed derived from a stream, for handing to a model run. */
export function seedFrom(rand: Random): number {
  return Math.floor(rand() * 0x100000000) >>> 0;
}
