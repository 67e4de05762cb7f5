/**
 * The headline figures of a comparison, per structure, as text: the rows of the strip (label,
 * unit, value), figures with their units and intervals, and the difference between the first
 * two structures in words. Shared by the app's strip and the brief; ui/headline.ts computes
 * the figures of a live run.
 */
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { fmt, getLang, t } from './i18n.ts';

export const SLA_KEYS = ['accept30m', 'onsite1h', 'close24h', 'difficult5wd'] as const;
export type SlaKey = (typeof SLA_KEYS)[number];

export interface Headline {
  /** Day of the figures. */
  day: number;
  /** Closed at grid or community, share of all cases raised. */
  localShare: number;
  /** Hours to close: median and 90th percentile. */
  p50: number;
  p90: number;
  /** True: open cases counted (Kaplan–Meier, from the summary); false: closed cases so far. */
  km: boolean;
  /** Mean hours to close of closed cases. */
  meanClosed: number;
  /** Service targets met, shares. */
  sla: Record<SlaKey, number>;
  /** Cost so far per case closed, yuan. */
  costPerCase: number;
  /** Mean resident trust, share. */
  trust: number;
}

export type Unit = 'share' | 'h' | 'yuan';

/** One row of the strip: its label, unit and value. */
export interface HeadlineRow {
  id: string;
  label: string;
  unit: Unit;
  value: (h: Headline) => number;
  higherIsBetter: boolean;
}

export function headlineRows(): HeadlineRow[] {
  return [
    { id: 'localShare', label: t('head.local'), unit: 'share', value: (h) => h.localShare, higherIsBetter: true },
    { id: 'p50', label: t('head.p50'), unit: 'h', value: (h) => h.p50, higherIsBetter: false },
    { id: 'p90', label: t('head.p90'), unit: 'h', value: (h) => h.p90, higherIsBetter: false },
    ...SLA_KEYS.map((k) => {
      const info = METRIC_BY_ID.get(`sla.${k}`)!;
      return {
        id: `sla.${k}`,
        label: getLang() === 'zh' ? info.labelZh : info.label,
        unit: 'share' as const,
        value: (h: Headline) => h.sla[k],
        higherIsBetter: true,
      };
    }),
    { id: 'costPerCase', label: t('head.costPerCase'), unit: 'yuan', value: (h) => h.costPerCase, higherIsBetter: false },
    { id: 'trust', label: t('head.trust'), unit: 'share', value: (h) => h.trust, higherIsBetter: true },
  ];
}

/** A figure with its unit: shares in per cent, hours with one decimal, yuan whole. */
export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return unit === 'h' ? t('head.notReached') : '–';
  if (unit === 'share') return `${fmt(v * 100, 1)} %`;
  if (unit === 'h') return `${fmt(v, 1)} ${t('unit.hours')}`;
  return `${fmt(v, 0)} ${t('unit.yuan')}`;
}

/** Decimals that show a half-width to two significant digits, at most two. */
function decimals(half: number): number {
  return Number.isFinite(half) && half > 0 ? Math.min(2, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 1;
}

/** A mean with its 95% interval, "12.3 h (95% CI 11.9–12.7)", shares in per cent. */
export function formatInterval(mean: number, low: number, high: number, unit: Unit | string): string {
  if (!Number.isFinite(mean)) return '–';
  const scale = unit === 'share' ? 100 : 1;
  const u = unit === 'share' ? '%' : unit === 'h' ? t('unit.hours') : unit === 'yuan' ? t('unit.yuan') : unit;
  const d = decimals(((high - low) / 2) * scale);
  const show = (x: number) => fmt(x * scale, d);
  return Number.isFinite(low) && Number.isFinite(high)
    ? `${show(mean)} ${u} ${t('head.ci', { low: show(low), high: show(high) })}`
    : `${show(mean)} ${u}`;
}

/**
 * The difference in mean time to close between two structures, in words: which one closes
 * cases faster and by how many hours. `interval` is the 95% interval of (b − a) in hours,
 * from paired replications.
 */
export function fasterSentence(
  a: { name: string; meanHours: number },
  b: { name: string; meanHours: number },
  interval?: { low: number; high: number },
): string {
  const diff = b.meanHours - a.meanHours;
  if (!Number.isFinite(diff)) return t('head.noDiff');
  const faster = diff < 0 ? b : a;
  const slower = diff < 0 ? a : b;
  const hours = Math.abs(diff);
  // The interval of how much faster the faster one is (the sign flipped when b is faster).
  const lo = interval ? (diff < 0 ? -interval.high : interval.low) : NaN;
  const hi = interval ? (diff < 0 ? -interval.low : interval.high) : NaN;
  // One significant digit of the interval's half-width (0.2 h: one decimal).
  const half = (hi - lo) / 2;
  const d = interval && Number.isFinite(half) && half > 0 ? Math.min(2, Math.max(0, -Math.floor(Math.log10(half)))) : 1;
  if (!interval && hours < 0.05) return `${t('head.same', { a: a.name, b: b.name })}${t('head.stop')}`;
  // Rounded first, so that −0.2 shown without decimals is 0, not −0.
  const show = (x: number) => {
    const v = Number(x.toFixed(d));
    return fmt(v === 0 ? 0 : v, d);
  };
  const text = t('head.faster', { faster: faster.name, slower: slower.name, hours: show(hours) });
  if (!interval) return `${text}${t('head.stop')}`;
  const ci = t('head.ci', { low: show(lo), high: show(hi) });
  return `${text} ${ci}${lo <= 0 ? t('head.includesZero') : ''}${t('head.stop')}`;
}
