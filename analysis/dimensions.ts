/**
 * Named input dimensions with ranges. The analysis methods work on the unit cube; these
 * functions map a point of the unit cube onto the named ranges and back, rounding integer
 * dimensions.
 */

export interface Dimension {
  name: string;
  lo: number;
  hi: number;
  /** Values are whole numbers (e.g. a number of units). */
  integer?: boolean;
}

export function checkDimensions(dims: readonly Dimension[]): void {
  const seen = new Set<string>();
  for (const d of dims) {
    if (seen.has(d.name)) throw new RangeError(`dimension ${d.name}: named twice`);
    seen.add(d.name);
    if (!(Number.isFinite(d.lo) && Number.isFinite(d.hi) && d.hi > d.lo))
      throw new RangeError(`dimension ${d.name}: expected finite lo < hi, got [${d.lo}, ${d.hi}]`);
  }
}

/** A point of the unit cube mapped onto the ranges (integers rounded, within range). */
export function fromUnit(dims: readonly Dimension[], u: readonly number[]): number[] {
  return dims.map((d, i) => {
    const v = d.lo + Math.min(1, Math.max(0, u[i])) * (d.hi - d.lo);
    return d.integer ? Math.min(Math.floor(d.hi), Math.max(Math.ceil(d.lo), Math.round(v))) : v;
  });
}

/** A point in the ranges mapped onto the unit cube. */
export function toUnit(dims: readonly Dimension[], x: readonly number[]): number[] {
  return dims.map((d, i) => (x[i] - d.lo) / (d.hi - d.lo));
}

/** A point as a record by dimension name. */
export function named(dims: readonly Dimension[], x: readonly number[]): Record<string, number> {
  return Object.fromEntries(dims.map((d, i) => [d.name, x[i]]));
}
