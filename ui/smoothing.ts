/** Smoothing a series over days for the charts' "7-day average" option. */

/** The trailing mean of the last `w` finite values at each point (NaN where there is none). */
export function trailingMean(y: ArrayLike<number>, w: number): Float64Array {
  const out = new Float64Array(y.length);
  let sum = 0;
  let n = 0;
  for (let k = 0; k < y.length; k++) {
    const add = y[k];
    if (Number.isFinite(add)) ((sum += add), n++);
    const drop = k - w >= 0 ? y[k - w] : NaN;
    if (Number.isFinite(drop)) ((sum -= drop), n--);
    out[k] = n > 0 ? sum / n : NaN;
  }
  return out;
}
