/**
 * The compute budget of a run in a browser tab: whether its time and memory fit, from the
 * estimator the CLI uses. Runs past the soft budget start only after the user confirms;
 * runs past the hard one do not start.
 */
import { estimateRun, formatBytes, formatSeconds, EVENTS_PER_SECOND, type RunEstimate } from '../sim/compute-budget.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { t } from '../render/i18n.ts';

/** Above this a tab is slow enough that the user should know before starting. */
export const APP_SOFT = { bytes: 1 * 2 ** 30, events: 3e8 };
/** Above this a tab crashes (browsers stop a tab at about 4 GB): refuse. */
export const APP_HARD = { bytes: 3 * 2 ** 30 };

export interface AppEstimate {
  bytes: number;
  seconds: number;
  level: 'ok' | 'warn' | 'refuse';
  /** What to tell the user (empty when ok). */
  message: string;
}

/**
 * The estimate of running `runs` replications of each scenario for `days`, with `parallel`
 * of them in flight at once (side-by-side runs are all in flight).
 */
export function estimateAppRun(
  scenarios: (Scenario | undefined)[],
  days: number,
  opts: { runs?: number; parallel?: number } = {},
): AppEstimate {
  const est: RunEstimate[] = scenarios.filter((s): s is Scenario => !!s).map((s) => estimateRun(s, days));
  const runs = opts.runs ?? 1;
  const parallel = opts.parallel ?? est.length;
  const largest = Math.max(0, ...est.map((e) => e.bytes));
  const bytes = opts.runs === undefined ? est.reduce((a, e) => a + e.bytes, 0) : largest * Math.min(parallel, est.length * runs);
  const events = est.reduce((a, e) => a + e.events, 0) * runs;
  const seconds = events / EVENTS_PER_SECOND / Math.max(1, Math.min(parallel, est.length * runs));
  const figures = { memory: formatBytes(bytes), time: formatSeconds(seconds) };
  if (bytes > APP_HARD.bytes) return { bytes, seconds, level: 'refuse', message: t('budget.refuse', figures) };
  if (bytes > APP_SOFT.bytes || events > APP_SOFT.events) return { bytes, seconds, level: 'warn', message: t('budget.warn', figures) };
  return { bytes, seconds, level: 'ok', message: '' };
}
