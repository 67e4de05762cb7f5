/** Upper edges (hours) of the time-to-close histogram's bins; the last bin is open. */
export const CLOSE_HOUR_EDGES = [0.5, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720];
const EDGES = Float64Array.from(CLOSE_HOUR_EDGES);

/** The bin of a time to close of `hours`. */
export function histogramBin(hours: number): number {
  let b = 0;
  while (b < EDGES.length && hours > EDGES[b]) b++;
  return b;
}
