/**
 * Whether a run reached a steady state. A queue at or over capacity never settles: its
 * backlog and its times grow with the length of the run, so a mean over the run says more
 * about the run's length than about the structure. A run is marked unstable when
 *
 * - an office group was busy at least SATURATED of its available staff time over the window
 *   measured (the group is named), or
 * - its open cases grew over the second half of the window by more than GROWTH_SHARE of their
 *   mean there (and more than GROWTH_MIN_CASES), by least squares on the daily counts;
 *
 * and the growth is reported as a rate (cases a day) rather than hidden in a mean.
 */

/** Busy share of available staff time at which an office group counts as saturated. */
export const SATURATED = 0.97;
/** Growth of open cases over the second half of the window, as a share of their mean there, that marks a trend. */
export const GROWTH_SHARE = 0.25;
/** Fewest cases the growth must add to count (small backlogs wander). */
export const GROWTH_MIN_CASES = 10;
/** Fewest days in the second half for a trend to be judged. */
const MIN_DAYS = 14;

export interface Stability {
  stable: boolean;
  /** Why not, in words (empty when stable). */
  reasons: string[];
  /** Office groups busy at least SATURATED of their time, with their utilisation. */
  saturated: { id: string; utilisation: number }[];
  /** Least-squares growth of open cases a day over the second half of the window (NaN if too short). */
  openGrowthPerDay: number;
  /**
   * The warm-up MSER-5 finds in the run's daily open cases (White 1997; White, Cobb & Spratt
   * 2000): the truncation, in days, that minimises the marginal standard error of the mean of
   * the batch means of five days that remain. NaN for runs under 20 days. A fixed warm-up
   * shorter than this has not removed the start-up.
   */
  mserWarmupDays: number;
}

/** Batch size of MSER-5. */
const MSER_BATCH = 5;

/** MSER-5 truncation point (days) of a daily series, searched over its first half. */
export function mser5(daily: ArrayLike<number>): number {
  const b = Math.floor(daily.length / MSER_BATCH);
  if (b < 4) return NaN;
  const means = new Float64Array(b);
  for (let i = 0; i < b; i++) {
    let x = 0;
    for (let k = 0; k < MSER_BATCH; k++) x += daily[i * MSER_BATCH + k];
    means[i] = x / MSER_BATCH;
  }
  let best = 0;
  let bestValue = Infinity;
  for (let d = 0; d <= Math.floor(b / 2); d++) {
    const n = b - d;
    let mean = 0;
    for (let i = d; i < b; i++) mean += means[i];
    mean /= n;
    let ss = 0;
    for (let i = d; i < b; i++) ss += (means[i] - mean) ** 2;
    const value = ss / (n * n);
    if (value < bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best * MSER_BATCH;
}

export function stabilityOf(
  dailyOpen: ArrayLike<number>,
  groups: readonly { id: string; utilisation: number }[],
  dailyOpenRun: ArrayLike<number> = dailyOpen,
): Stability {
  const saturated = groups.filter((g) => g.utilisation >= SATURATED).map((g) => ({ id: g.id, utilisation: g.utilisation }));
  const n = dailyOpen.length;
  const from = Math.floor(n / 2);
  const m = n - from;
  let growth = NaN;
  let growing = false;
  if (m >= MIN_DAYS) {
    let sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (let i = 0; i < m; i++) {
      const y = dailyOpen[from + i];
      sx += i;
      sy += y;
      sxx += i * i;
      sxy += i * y;
    }
    growth = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    const added = growth * (m - 1);
    growing = added > Math.max(GROWTH_MIN_CASES, GROWTH_SHARE * (sy / m));
  }
  const reasons: string[] = [];
  for (const g of saturated) reasons.push(`${g.id} busy ${(100 * g.utilisation).toFixed(1)}% of its staff time`);
  if (growing) reasons.push(`open cases growing by ${growth.toFixed(1)} a day`);
  return { stable: reasons.length === 0, reasons, saturated, openGrowthPerDay: growth, mserWarmupDays: mser5(dailyOpenRun) };
}
