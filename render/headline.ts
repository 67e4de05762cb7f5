/**
 * The headline figures of a comparison, per structure, as text: the rows of the strip (the
 * catalogue's metrics, each with its label, definition and unit), and the difference between
 * the first two structures in words, naming and showing the figure it compares. Shared by
 * the app's strip and the brief; ui/headline.ts computes the figures of a live run.
 */
import { SLA_KEYS } from '../sim/observe/targets.ts';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { definitionOf, formatFigure, labelOf } from './figures.ts';
import { fmt, t } from './i18n.ts';

export { formatFigure as formatValue, formatInterval } from './figures.ts';

/** The figure the headline sentence compares: mean time to close of the cases closed. */
export const SENTENCE_METRIC = 'hoursToClose.mean';

export interface Headline {
  /** Day of the figures. */
  day: number;
  /** True: from the run's summary, times to close counting open cases (Kaplan–Meier); false: from the frames so far, closed cases only. */
  km: boolean;
  /** The figures, by catalogue metric id (see headlineMetrics). */
  values: Record<string, number>;
}

/**
 * The metrics of the strip, in order: with the summary, times to close count open cases;
 * while a run goes, they are of the cases closed so far (another quantity, another label).
 */
export function headlineMetrics(km: boolean): string[] {
  return [
    'localResolutionShare',
    SENTENCE_METRIC,
    km ? 'hoursToCloseAll.p50' : 'hoursToClose.p50',
    km ? 'hoursToCloseAll.p90' : 'hoursToClose.p90',
    ...SLA_KEYS.map((k) => `sla.${k}`),
    'cost.perCaseYuan',
    'trust.mean',
  ];
}

/** One row of the strip: the catalogue's id, label, definition and unit. */
export interface HeadlineRow {
  id: string;
  label: string;
  definition: string;
  unit: string;
  higherIsBetter: boolean;
}

export function headlineRows(km = true): HeadlineRow[] {
  return headlineMetrics(km).map((id) => {
    const info = METRIC_BY_ID.get(id)!;
    return { id, label: labelOf(info), definition: definitionOf(info), unit: info.unit, higherIsBetter: info.higherIsBetter };
  });
}

/** A row's value in a headline (NaN when it has none). */
export function headlineValue(h: Headline, id: string): number {
  return h.values[id] ?? NaN;
}

/**
 * The difference in mean time to close between two structures, in words: which one closes
 * cases faster and by how many hours, then the figure compared with each structure's value.
 * `interval` is the 95% interval of (b − a) in hours, from paired replications.
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
  const figure = t('head.figure', {
    figure: labelOf(SENTENCE_METRIC),
    a: a.name,
    b: b.name,
    valueA: formatFigure(a.meanHours, 'h'),
    valueB: formatFigure(b.meanHours, 'h'),
  });
  if (!interval && hours < 0.05) return `${t('head.same', { a: a.name, b: b.name })}${t('head.stop')}${t('head.gap')}${figure}`;
  // Rounded first, so that −0.2 shown without decimals is 0, not −0.
  const show = (x: number) => {
    const v = Number(x.toFixed(d));
    return fmt(v === 0 ? 0 : v, d);
  };
  const text = t('head.faster', { faster: faster.name, slower: slower.name, hours: show(hours) });
  if (!interval) return `${text}${t('head.stop')}${t('head.gap')}${figure}`;
  const ci = t('head.ci', { low: show(lo), high: show(hi) });
  return `${text} ${ci}${lo <= 0 ? t('head.includesZero') : ''}${t('head.stop')}${t('head.gap')}${figure}`;
}
