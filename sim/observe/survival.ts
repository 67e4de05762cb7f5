/**
 * Kaplan–Meier estimate of the distribution of time to close when some cases are still
 * open (right-censored at their age) or were lost (censored when lost). Closed-only
 * percentiles understate times under load; these do not.
 */

/**
 * Quantiles q of the time to event, from event times and censoring times (any order). NaN
 * where the estimated survival never falls to 1 − q within the data (not reached).
 */
export function kaplanMeierQuantiles(events: Float64Array, censored: Float64Array, qs: readonly number[]): number[] {
  const ev = Float64Array.from(events).sort();
  const ce = Float64Array.from(censored).sort();
  let atRisk = ev.length + ce.length;
  let s = 1;
  const out = qs.map(() => NaN);
  // Quantiles in increasing order, so each is found once as the estimate climbs.
  const order = qs.map((_, i) => i).sort((a, b) => qs[a] - qs[b]);
  const sorted = order.map((i) => qs[i]);
  let next = 0;
  let i = 0;
  let k = 0;
  while (i < ev.length && atRisk > 0) {
    const t = ev[i];
    // Cases censored before t leave the risk set first (censored at t stay at risk for t).
    while (k < ce.length && ce[k] < t) {
      k++;
      atRisk--;
    }
    let d = 0;
    while (i < ev.length && ev[i] === t) {
      d++;
      i++;
    }
    s *= 1 - d / atRisk;
    atRisk -= d;
    while (next < qs.length && 1 - s >= sorted[next] - 1e-12) out[order[next++]] = t;
    if (next === qs.length) break;
  }
  return out;
}
