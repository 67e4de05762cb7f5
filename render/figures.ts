/**
 * A figure as a reader sees it, in the language shown: its label and definition from the
 * catalogue (sim/observe/catalog.ts, sim/observe/series.ts), its value with its unit, and a
 * mean of replications with its 95% interval. Shares are written in per cent.
 * Every view (strip, charts, story, brief, replications, sweep) and the command line's tables
 * write figures through here (intervals of replications: render/intervals.ts).
 */
import { METRIC_BY_ID, UNITS, metricInfo, type MetricInfo } from '../sim/observe/catalog.ts';
import { seriesMetricInfo, seriesStat, type SeriesMetricInfo, type SeriesStatInfo } from '../sim/observe/series.ts';
import { fmt, getLang, t } from './i18n.ts';

type Words = Pick<MetricInfo | SeriesMetricInfo | SeriesStatInfo, 'label' | 'labelZh' | 'definition' | 'definitionZh'>;

/** A catalogue entry (metric, series, or statistic of a series) by id; an error naming the id when there is none. */
export function figureInfo(id: string): MetricInfo | SeriesMetricInfo | SeriesStatInfo {
  const info = metricInfo(id) ?? seriesMetricInfo(id) ?? seriesStat(id);
  if (!info) throw new RangeError(`figure "${id}": not in the catalogue (sim/observe/catalog.ts or series.ts)`);
  return info;
}

/** The label of a catalogue entry in the language shown. */
export function labelOf(x: Words | string): string {
  const w = typeof x === 'string' ? figureInfo(x) : x;
  return getLang() === 'zh' ? w.labelZh : w.label;
}

/** The definition of a catalogue entry in the language shown. */
export function definitionOf(x: Words | string): string {
  const w = typeof x === 'string' ? figureInfo(x) : x;
  return getLang() === 'zh' ? w.definitionZh : w.definition;
}

/** A catalogue unit as a reader sees it ("%", "h", "yuan/year"…), in the language shown. */
export function unitText(unit: string): string {
  const u = UNITS[unit];
  return u ? u[getLang()] : unit;
}

/** Whether values of this unit are written in millions (yearly costs). */
const millions = (unit: string) => unit === 'yuan/year';
const COUNTS = new Set(['cases', 'contacts', 'petitions', 'organs', 'posts', 'staff', 'problems', 'questions']);

/** Decimals that show a half-width to two significant digits, at most two. */
export function decimals(half: number): number {
  return Number.isFinite(half) && half > 0 ? Math.min(2, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 1;
}

/** The unit written after a value: "%", "h", "million yuan/year"… */
function suffix(unit: string, difference = false): string {
  if (unit === 'share') return difference ? t('reps.pp') : '%';
  if (millions(unit)) return getLang() === 'zh' ? `百万${unitText(unit)}` : `million ${unitText(unit)}`;
  return unitText(unit);
}

const scaleOf = (unit: string) => (unit === 'share' ? 100 : millions(unit) ? 1e-6 : 1);

/**
 * A single value with its unit: shares in per cent with one decimal, hours with one, yuan
 * whole, yearly costs in millions, counts whole. A time not reached within the run says so.
 */
export function formatFigure(v: number, unit: string): string {
  if (!Number.isFinite(v)) return unit === 'h' ? t('head.notReached') : '–';
  if (unit === '0/1') return v ? t('figure.yes') : t('figure.no');
  const digits =
    unit === 'share' || unit === 'h' || unit === 'cases/day' || millions(unit)
      ? 1
      : unit === 'yuan' || (COUNTS.has(unit) && Number.isInteger(v))
        ? 0
        : COUNTS.has(unit)
          ? 1
          : 2;
  return `${fmt(v * scaleOf(unit), digits)} ${suffix(unit)}`;
}

/** A mean with its 95% interval, "12.3 h (95% CI 11.9–12.7)"; decimals follow the interval's width. */
export function formatInterval(mean: number, low: number, high: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  const scale = scaleOf(unit);
  const d = decimals(((high - low) / 2) * scale);
  const show = (x: number) => fmt(x * scale, d);
  const u = suffix(unit);
  return Number.isFinite(low) && Number.isFinite(high)
    ? `${show(mean)} ${u} ${t('head.ci', { low: show(low), high: show(high) })}`
    : `${show(mean)} ${u}`;
}

/** "mean ± half" with its unit; differences of shares in percentage points. */
export function formatPlusMinus(mean: number, half: number, unit: string, difference = false): string {
  if (!Number.isFinite(mean)) return '–';
  const scale = scaleOf(unit);
  const d = decimals(half * scale);
  const h = half * scale;
  const halfText = h > 0 && h < 10 ** -d / 2 ? `<${fmt(10 ** -d, d)}` : fmt(h, d);
  const u = suffix(unit, difference);
  return Number.isFinite(half) ? `${fmt(mean * scale, d)} ± ${halfText} ${u}` : `${fmt(mean * scale, d)} ${u}`;
}

/** The unit of a catalogue id ('' when it is not in the catalogue). */
export function unitOf(id: string): string {
  return (METRIC_BY_ID.get(id) ?? metricInfo(id) ?? seriesMetricInfo(id) ?? seriesStat(id))?.unit ?? '';
}
