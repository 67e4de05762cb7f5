/**
 * How much of a difference is structure, in words: the decomposition of the difference
 * between the first two structures (studies/decompose.ts, computed in the app's "Why do they
 * differ?" or by `npm run study -- decompose`) as the headline sentence's clause ("…, of
 * which 0.4 h (± 0.2 h) is structure") and the brief's table. One formatter for the figures,
 * so that the sentence, the view's table and the brief show the same numbers.
 */
import type { Decomposition } from '../studies/decompose.ts';
import type { COMPARED_PARTS } from '../scenarios/parts.ts';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { addMessages, fmt, getLang, t } from './i18n.ts';
import { labelOf } from './figures.ts';
import { whyEn } from './messages/why-en.ts';
import { whyZh } from './messages/why-zh.ts';

// Loaded with the decomposition, the view and the brief, not with the first screen.
addMessages({ en: whyEn, zh: whyZh });

/** The headline metrics a decomposition is computed and shown for (the brief's figures). */
export const WHY_METRICS = [
  'hoursToClose.mean',
  'hoursToClose.p90',
  'localResolutionShare',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'cost.perCaseYuan',
  'trust.mean',
] as const;

/** The metric the headline sentence compares (mean time to close of closed cases). */
export const SENTENCE_METRIC = 'hoursToClose.mean';

/** A decomposition of the first two structures, as the app and the brief hold it. */
export interface StructuralResult {
  /** The structures compared: A (the first) and B (the second), as their titles name them. */
  a: string;
  b: string;
  /** Replications of each of the 16 combinations, days of each run, and the warm-up discarded. */
  n: number;
  days: number;
  warmupDays: number;
  rows: Decomposition[];
  /** Combinations with at least one unstable replication (a backlog that grows). */
  unstable: string[];
}

/** Decimals that show a half-width to two significant digits, at most two. */
function decimals(half: number): number {
  return Number.isFinite(half) && half > 0 ? Math.min(2, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 1;
}

/** A value's scale and unit as shown: shares in per cent (differences in percentage points), yearly yuan in millions. */
function shownUnit(unit: string, difference: boolean): { scale: number; unit: string } {
  if (unit === 'share') return { scale: 100, unit: difference ? t('reps.pp') : '%' };
  if (unit === 'yuan/year') return { scale: 1e-6, unit: t('unit.myuan') };
  if (unit === 'h') return { scale: 1, unit: t('unit.hours') };
  if (unit === 'yuan') return { scale: 1, unit: t('unit.yuan') };
  return { scale: 1, unit };
}

/** A figure and its half-width as numbers in the shown unit, to the decimals the half-width warrants, and that unit. */
export function figure(x: number, half: number, unit: string, difference = true): { value: string; half: string; unit: string } {
  const u = shownUnit(unit, difference);
  const d = decimals(half * u.scale);
  const show = (v: number) => {
    if (!Number.isFinite(v)) return '–';
    // Rounded first, so that −0.04 shown with one decimal is 0, not −0.
    const r = Number((v * u.scale).toFixed(d));
    return fmt(r === 0 ? 0 : r, d);
  };
  return { value: show(x), half: show(half), unit: u.unit };
}

/**
 * "mean ± half unit", as the view's table and the brief write a figure; in words
 * (`bracketed`), "mean unit (± half unit)", as the headline sentence does. Without a
 * half-width (a single run), the mean alone.
 */
export function withHalf(mean: number, half: number, unit: string, difference = true, bracketed = false): string {
  const f = figure(mean, half, unit, difference);
  if (f.value === '–') return '–';
  if (f.half === '–') return `${f.value} ${f.unit}`;
  return bracketed ? t('why.bracketed', { x: `${f.value} ${f.unit}`, half: `${f.half} ${f.unit}` }) : `${f.value} ± ${f.half} ${f.unit}`;
}

/** The decomposition of a metric, if computed. */
export function rowOf(r: StructuralResult | undefined, metric: string): Decomposition | undefined {
  return r?.rows.find((x) => x.metric === metric);
}

/**
 * The clause the headline sentence adds once the decomposition is computed: the difference
 * the decomposition measured (its own replications and days, so it need not be the
 * sentence's figure) and how many of its hours are structure's, and how many are policy's,
 * resources' and working hours' (their Shapley values, each with its 95% half-width; they add
 * up to the difference), in the sentence's direction: a part below zero works the other way.
 * `diff` is the sentence's own difference (B − A, hours); undefined when there is nothing to
 * add (no decomposition, or no difference to speak of). `hours` is structure's figure in the
 * sentence's direction: positive when structure makes the faster structure faster.
 */
export function structuralClause(diff: number, r: StructuralResult | undefined): { text: string; hours: number; half: number } | undefined {
  const d = rowOf(r, SENTENCE_METRIC);
  if (!d || !Number.isFinite(diff) || Math.abs(diff) < 0.05) return undefined;
  // In the sentence's direction: positive when a part makes the faster one faster.
  const sign = diff < 0 ? -1 : 1;
  const part = (p: (typeof COMPARED_PARTS)[number]) => d.parts.find((x) => x.part === p)!.shapley;
  const shown = (p: (typeof COMPARED_PARTS)[number]) => {
    const s = part(p);
    return withHalf(sign * s.mean, s.half, 'h', true, true);
  };
  const s = part('structure');
  return {
    text: t('why.clause', {
      n: fmt(r!.n),
      days: fmt(r!.days),
      total: withHalf(sign * d.total.mean, d.total.half, 'h', true, true),
      structure: shown('structure'),
      policy: shown('policy'),
      resources: shown('resources'),
      calendars: shown('calendars'),
    }),
    hours: sign * s.mean,
    half: s.half,
  };
}

/** The sentence with the clause put before its full stop. */
export function withClause(sentence: string, clause: string): string {
  const stop = t('head.stop');
  // Into the first sentence, before the figure it compares ("… Mean time to close, closed cases: …").
  const at = sentence.indexOf(`${stop}${t('head.gap')}${labelOf(SENTENCE_METRIC)}`);
  if (at >= 0) return `${sentence.slice(0, at)}${clause}${sentence.slice(at)}`;
  return sentence.endsWith(stop) ? `${sentence.slice(0, -stop.length)}${clause}${stop}` : `${sentence}${clause}`;
}

/** What the headline strip needs of a decomposition: given to it by the app once this module is loaded, so that the first screen does without it. */
export interface HeadlineStructural {
  /** The clause for the sentence's difference (B − A, hours), if any. */
  clause(diff: number): { text: string; hours: number; half: number } | undefined;
  withClause(sentence: string, clause: string): string;
  /** Where the figure comes from, in the current language. */
  note(): string;
}

export function headlineStructural(r: StructuralResult): HeadlineStructural {
  return { clause: (diff) => structuralClause(diff, r), withClause, note: () => clauseNote(r) };
}

/** Where the clause's figure comes from: the replications, days and the decomposition's own difference. */
export function clauseNote(r: StructuralResult): string {
  const d = rowOf(r, SENTENCE_METRIC);
  return t('why.clauseNote', { n: fmt(r.n), days: fmt(r.days), total: d ? withHalf(d.total.mean, d.total.half, d.unit) : '–' });
}

/** A metric's label in the current language. */
export function metricLabel(metric: string): string {
  const info = METRIC_BY_ID.get(metric);
  return info ? (getLang() === 'zh' ? info.labelZh : info.label) : metric;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The brief's section: each headline difference with its structural part, both with their
 * 95% half-widths, in two tables side by side so that the page keeps to one A4 sheet; or,
 * before the decomposition is computed, how to compute it (`notYet`).
 */
export function structuralBriefHtml(r: StructuralResult | undefined, notYet: string): string {
  const title = `<b>${esc(t('brief.whyTitle'))}:</b>`;
  if (!r) return `<p class="small" id="why-not-yet">${title} ${esc(notYet)}</p>`;
  const head = `<tr><th>${esc(t('brief.metric'))}</th><th>${esc(t('brief.whyDiff'))}</th><th>${esc(t('part.structure'))}</th></tr>`;
  const rows = WHY_METRICS.flatMap((m) => {
    const d = rowOf(r, m);
    if (!d) return [];
    const s = d.parts.find((p) => p.part === 'structure')!.shapley;
    const label = metricLabel(m);
    return [
      `<tr><th scope="row" title="${esc(label)}">${esc(label)}</th><td data-metric="${m}">${esc(withHalf(d.total.mean, d.total.half, d.unit))}</td><td data-part="structure" data-metric="${m}">${esc(withHalf(s.mean, s.half, d.unit))}</td></tr>`,
    ];
  });
  const half = Math.ceil(rows.length / 2);
  const table = (xs: string[]) => `<table class="structural">${head}${xs.join('')}</table>`;
  return `<p class="small structural-note">${title} ${esc(t('brief.whyNote', { a: r.a, b: r.b, n: fmt(r.n), days: fmt(r.days) }))}</p>
<div class="structural-tables" id="structural">${table(rows.slice(0, half))}${table(rows.slice(half))}</div>`;
}
