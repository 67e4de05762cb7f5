/**
 * Where one structure loses to another, in words (studies/discover.ts computes it; the app's
 * "Where does it lose?" shows it): how many draws lose, with a 95% interval; each box's
 * restrictions as ranges of the assumption's label (never its path in the scenario) in the
 * unit a person reads (shares in per cent, multiples of a structure's own value, times of
 * day as clock times); coverage, density and mass as per cent; and how stable the box is
 * under resampling. Loaded with the view, not with the first screen.
 */
import type { ExperimentResult } from '../experiments/results.ts';
import type { DiscoverBox, DiscoverResult } from '../studies/discover.ts';
import { figure } from './structural.ts';
import { paramLabel } from './assumption-labels.ts';
import { addMessages, fmt, getLang, t, unitName } from './i18n.ts';
import { discoverEn } from './messages/discover-en.ts';
import { discoverZh } from './messages/discover-zh.ts';

addMessages({ en: discoverEn, zh: discoverZh });

export type DiscoverOutcomeName = 'slower' | 'costlier';

/** A share and its 95% Wilson score interval (k of n), which stays inside 0–1 and holds at k = 0 and k = n. */
export function wilson(k: number, n: number): { p: number; lo: number; hi: number } {
  if (!(n > 0)) return { p: NaN, lo: NaN, hi: NaN };
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { p, lo: k === 0 ? 0 : Math.max(0, c - h), hi: k === n ? 1 : Math.min(1, c + h) };
}

/** A share as per cent: whole per cent, one decimal below 10% (but 0 and 100% whole). */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const v = 100 * x;
  const d = v > 0 && v < 9.95 ? 1 : 0;
  return `${fmt(v, d)}%`;
}

type Restriction = DiscoverBox['restrictions'][number];

/** Decimals that resolve a twentieth of the plausible range (in the unit shown), 0 to 3. */
function digitsFor(span: number): number {
  return span > 0 ? Math.min(3, Math.max(0, Math.ceil(-Math.log10(span / 10)))) : 2;
}

/** A minute of the day as a clock time (21:00). */
function clock(minute: number): string {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A value of a restricted assumption in the unit a person reads. */
export function assumptionValue(r: Pick<Restriction, 'id' | 'unit' | 'scale' | 'range'>, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (r.unit === 'min' && /Minute$/.test(r.id)) return clock(v);
  const span = Math.abs(r.range[1] - r.range[0]);
  if (r.unit === 'share') return `${fmt(100 * v, digitsFor(100 * span))}%`;
  const n = fmt(v, digitsFor(span));
  if (r.scale || r.unit === '×') return getLang() === 'zh' ? `${n} 倍` : `${n}×`;
  return r.unit ? `${n} ${unitName(r.unit)}` : n;
}

/** The box's range of an assumption: "at least 1.2×", "from 7% to 16%", "at most 21:30". */
export function restrictionRange(r: Restriction): string {
  const x = (v: number) => assumptionValue(r, v);
  if (r.lo !== undefined && r.hi !== undefined) return t('lose.between', { lo: x(r.lo), hi: x(r.hi) });
  if (r.lo !== undefined) return t('lose.atLeast', { x: x(r.lo) });
  return t('lose.atMost', { x: x(r.hi!) });
}

/** The assumption's whole plausible range, as the draws spanned it. */
export function plausibleRange(r: Restriction): string {
  return t('lose.plausible', { lo: assumptionValue(r, r.range[0]), hi: assumptionValue(r, r.range[1]) });
}

/** The punctuation between a label and its text, around an aside and between clauses, in the current language. */
export function punctuation(): { colon: string; open: string; close: string; semi: string } {
  return getLang() === 'zh' ? { colon: '：', open: '（', close: '）', semi: '；' } : { colon: ': ', open: ' (', close: ')', semi: '; ' };
}

/** A restriction in words: the assumption's label, its range in the box and its plausible range. */
export function restrictionText(r: Restriction): string {
  const { colon, open, close } = punctuation();
  return `${paramLabel(r.id)}${colon}${restrictionRange(r)}${open}${plausibleRange(r)}${close}`;
}

/** How often a restriction reappears under resampling (share of resamples whose matching box restricts it). */
export function reappears(b: DiscoverBox, id: string): number {
  return b.stability.inputs.find((s) => s.name === id)?.reproduceCoverage ?? 0;
}

/** Whether a restriction is likely noise of the draws: it reappears in fewer than half the resamples, or its quasi-p is above 0.05. */
export function likelyNoise(b: DiscoverBox, r: Restriction): boolean {
  return reappears(b, r.id) < 0.5 || r.qp > 0.05;
}

/** The box's restrictions, the steadiest first (most often reappearing, then lowest quasi-p). */
export function orderedRestrictions(b: DiscoverBox): Restriction[] {
  return [...b.restrictions].sort((p, q) => reappears(b, q.id) - reappears(b, p.id) || p.qp - q.qp);
}

/** A quasi-p-value as text. */
export function qpText(qp: number): string {
  return qp < 0.001 ? '< 0.001' : fmt(qp, 3);
}

/** "B is slower than A" in the current language. */
export function losePhrase(outcome: DiscoverOutcomeName, a: string, b: string): string {
  return t(outcome === 'slower' ? 'lose.phrase.slower' : 'lose.phrase.costlier', { a, b });
}

/** The first sentence: how many draws lose, with the 95% interval; or, when none or all do, that there is no box and why. */
export function shareSentence(r: DiscoverResult, outcome: DiscoverOutcomeName): string {
  const phrase = losePhrase(outcome, r.structures.a, r.structures.b);
  const n = r.draws - r.missing;
  const w = wilson(r.losing, n);
  if (r.losing === 0) return t('lose.none', { phrase, n: fmt(n), hi: pct(w.hi) });
  if (r.losing === n) return t('lose.all', { phrase, n: fmt(n), lo: pct(w.lo) });
  return t('lose.share', { phrase, k: fmt(r.losing), n: fmt(n), p: pct(w.p), lo: pct(w.lo), hi: pct(w.hi) });
}

/** A box's figures in one sentence: its draws that lose (density, with its 95% interval), coverage and mass. */
export function boxSentence(r: DiscoverResult, b: DiscoverBox, outcome: DiscoverOutcomeName): string {
  const w = wilson(b.k, b.n);
  return t('lose.boxSummary', {
    phrase: losePhrase(outcome, r.structures.a, r.structures.b),
    k: fmt(b.k),
    n: fmt(b.n),
    d: pct(b.density),
    lo: pct(w.lo),
    hi: pct(w.hi),
    cov: pct(b.coverage),
    mass: pct(b.mass),
  });
}

/** How stable the box is under resampling, in one sentence. */
export function stabilitySentence(b: DiscoverBox): string {
  return t('lose.stability', { r: fmt(b.stability.resamples), o: pct(b.stability.meanOverlap) });
}

/** B − A of a metric in each draw (by replication; NaN where either has no value). */
export function drawDifferences(out: Pick<ExperimentResult, 'rows' | 'manifest'>, metric: string): number[] {
  const [la, lb] = out.manifest.experiment.structures.map((s, i) => s.label ?? `structure ${i + 1}`);
  const value = new Map<string, number>();
  for (const r of out.rows) if (r.metric === metric) value.set(`${r.replication}|${r.structure}`, r.value);
  return Array.from({ length: out.manifest.replications }, (_, k) => (value.get(`${k}|${lb}`) ?? NaN) - (value.get(`${k}|${la}`) ?? NaN));
}

/** The q-quantile of sorted values (linear interpolation). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/** How far apart the two structures are across the draws: B − A at the median, its extremes and its middle 80%. */
export function spreadSentence(r: DiscoverResult, diffs: readonly number[]): string {
  const v = diffs.filter(Number.isFinite).sort((x, y) => x - y);
  if (v.length === 0) return '';
  const q = [0, 0.1, 0.5, 0.9, 1].map((p) => quantile(v, p));
  // Decimals that give the middle 80%'s width two significant digits, as a half-width would set them.
  const step = Math.max(q[3] - q[1], Math.abs(q[2]) / 100, 1e-9);
  const f = (x: number) => {
    const g = figure(x, step, r.outcome.unit);
    return `${g.value} ${g.unit}`;
  };
  return t('lose.spread', {
    a: r.structures.a,
    b: r.structures.b,
    median: f(q[2]),
    min: f(q[0]),
    max: f(q[4]),
    p10: f(q[1]),
    p90: f(q[3]),
  });
}
