/**
 * What the replications view asks for and how it writes the answer, apart from the element:
 * the metrics, a valid number of replications, "mean ± half-width" with its unit, and the
 * difference in time to close between the first two structures in words.
 */
import type { ExperimentOutput } from '../experiments/runner.ts';
import { fmt, t, unitName } from '../render/i18n.ts';
import { fasterSentence } from '../render/headline.ts';

/** Run-days past which replications keep no daily series (the brief's charts then show the single run). */
export const MAX_BRIEF_SERIES_DAYS = 100_000;

/** The metrics the view asks for, in the order of its table. */
export const METRICS = [
  'localResolutionShare',
  'hoursToClose.mean',
  'hoursToClose.p90',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'hopsPerCase',
  'cost.annualYuan',
  'cost.perCaseYuan',
  'trust.mean',
  'bypassShare',
];

/** Decimals that show the half-width to two significant digits, at most two. */
export function decimals(half: number): number {
  return Number.isFinite(half) && half > 0 ? Math.min(2, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 1;
}

/**
 * "mean ± half" with the unit, in the current locale. Shares are in per cent, and their
 * differences in percentage points.
 */
export function pm(mean: number, half: number, unit: string, difference = false): string {
  if (!Number.isFinite(mean)) return '–';
  let scale = 1;
  let u = unit === 'h' ? t('unit.hours') : unit === 'yuan' ? t('unit.yuan') : unitName(unit);
  if (unit === 'share') ((scale = 100), (u = difference ? t('reps.pp') : '%'));
  else if (unit === 'yuan/year') ((scale = 1e-6), (u = t('unit.myuan')));
  const d = decimals(half * scale);
  const h = half * scale;
  const halfText = h > 0 && h < 10 ** -d / 2 ? `<${fmt(10 ** -d, d)}` : fmt(h, d);
  return Number.isFinite(half) ? `${fmt(mean * scale, d)} ± ${halfText} ${u}` : `${fmt(mean * scale, d)} ${u}`;
}

/** The difference in mean time to close between the first two structures, in words, with its 95% interval. */
export function repsSentence(out: ExperimentOutput): string {
  const [a, b] = out.resolved.map((r) => r.label);
  const mean = (l: string) => out.summary.find((x) => x.structure === l && x.metric === 'hoursToClose.mean')?.mean ?? NaN;
  const d = out.differences.find((x) => x.a === a && x.b === b && x.metric === 'hoursToClose.mean');
  const name = (l: string) => l.replace(/^\d+\.\s*/, '');
  return fasterSentence(
    { name: name(a), meanHours: mean(a) },
    { name: name(b), meanHours: mean(b) },
    d ? { low: d.low, high: d.high } : undefined,
  );
}

/** A replication count the runner accepts. */
export function validReplications(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && n <= 1000;
}
