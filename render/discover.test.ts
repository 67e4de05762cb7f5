/**
 * Where a structure loses, in words: the share of losing draws with its 95% interval (also
 * when none or every draw loses), each restriction by the assumption's label in the unit a
 * person reads (never the parameter's path), the box's figures, and the strings in both
 * languages with the same placeholders and the glossary's word for a case.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../experiments/results.ts';
import type { DiscoverBox, DiscoverResult } from '../studies/discover.ts';
import {
  assumptionValue,
  boxSentence,
  drawDifferences,
  likelyNoise,
  orderedRestrictions,
  pct,
  restrictionText,
  shareSentence,
  spreadSentence,
  stabilitySentence,
  wilson,
} from './discover.ts';
import { loadLang, setLang } from './i18n.ts';
import { discoverEn } from './messages/discover-en.ts';
import { discoverZh } from './messages/discover-zh.ts';

const box: DiscoverBox = {
  coverage: 0.75,
  density: 0.9,
  mass: 0.2,
  n: 10,
  k: 9,
  restrictions: [
    { id: 'demand.frequentShare', lo: 0.067, hi: 0.169, range: [0.05, 0.2], unit: 'share', scale: false, qp: 0.216 },
    { id: 'demand.casesPerResidentYear', lo: 1.2, range: [0.6, 1.6], unit: '×', scale: true, qp: 0.0004 },
    { id: 'demand.nightStartMinute', hi: 1290, range: [1260, 1380], unit: 'min', scale: false, qp: 0.01 },
  ],
  description: '',
  tradeoff: [],
  selected: 0,
  stability: {
    resamples: 50,
    method: 'bootstrap',
    inputs: [
      { name: 'demand.frequentShare', reproduceCoverage: 0.6, reproduceDensity: 0.5 },
      { name: 'demand.casesPerResidentYear', reproduceCoverage: 0.94, reproduceDensity: 0.9 },
      { name: 'demand.nightStartMinute', reproduceCoverage: 0.3, reproduceDensity: 0.2 },
    ],
    meanOverlap: 0.51,
  },
};

const result = (losing: number, draws = 60): DiscoverResult => ({
  modelVersion: 'x',
  structures: { a: 'Traditional county', b: 'Longgang 2021' },
  days: 60,
  outcome: { metric: 'hoursToCloseAll.mean', of: 'difference', above: 0, label: '', unit: 'h', sentence: '' },
  draws,
  losing,
  missing: 0,
  threshold: 0.8,
  boxes: losing > 0 && losing < draws ? [box] : [],
});

afterEach(() => setLang('en'));

describe('the share of draws that lose', () => {
  it('has the 95% Wilson interval, inside 0–1 even when none or all lose', () => {
    const w = wilson(3, 20);
    expect(w.p).toBe(0.15);
    expect(w.lo).toBeCloseTo(0.0524, 3);
    expect(w.hi).toBeCloseTo(0.3604, 3);
    expect(wilson(0, 60)).toEqual({ p: 0, lo: 0, hi: expect.closeTo(0.0602, 3) });
    const all = wilson(60, 60);
    expect(all.hi).toBe(1);
    expect(all.lo).toBeCloseTo(1 - 0.0602, 3);
  });

  it('says how many draws lose; when none does, that there is no box and how much could still hide; when all do, that it does not depend on them', () => {
    setLang('en');
    expect(shareSentence(result(12), 'slower')).toBe(
      'Longgang 2021 is slower than Traditional county in 12 of 60 draws: 20% (95% interval 12% to 32%).',
    );
    expect(shareSentence(result(0), 'costlier')).toMatch(
      /^Longgang 2021 costs more than Traditional county in none of the 60 draws: .*no box.* up to 6\.0% of the space of assumptions \(95% upper bound\)/,
    );
    expect(shareSentence(result(60), 'slower')).toMatch(/in every one of the 60 draws: it loses whatever the assumptions.* at least 94% /);
  });
});

describe('how far apart they are', () => {
  it('gives B − A of each draw, paired by replication, and its median, extremes and middle 80%', () => {
    const rows = Array.from({ length: 11 }, (_, k) => [
      { replication: k, structure: 'Traditional county', metric: 'hoursToCloseAll.mean', value: 20 },
      { replication: k, structure: 'Longgang 2021', metric: 'hoursToCloseAll.mean', value: 20 + k - 7 },
      { replication: k, structure: 'Longgang 2021', metric: 'cost.annualYuan', value: 1e6 },
    ]).flat();
    const out = {
      rows,
      manifest: { replications: 11, experiment: { structures: [{ label: 'Traditional county' }, { label: 'Longgang 2021' }] } },
    } as unknown as Pick<ExperimentResult, 'rows' | 'manifest'>;
    const d = drawDifferences(out, 'hoursToCloseAll.mean');
    expect(d).toEqual([-7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3]);
    setLang('en');
    expect(spreadSentence(result(3, 11), d)).toBe(
      'Across the draws, Longgang 2021 − Traditional county is -2.0 h at the median, from -7.0 h to 3.0 h; the middle 80% of draws lie between -6.0 h and 2.0 h.',
    );
    // A draw with no value is left out.
    expect(drawDifferences(out, 'cost.annualYuan').every(Number.isNaN)).toBe(true);
  });
});

describe('a box in words', () => {
  it('names each assumption by its label, in per cent, multiples and clock times, never by its path', () => {
    setLang('en');
    const lines = orderedRestrictions(box).map(restrictionText);
    // The steadiest first: the load reappears most often.
    expect(lines).toEqual([
      'Problems a resident raises a year: at least 1.2× (plausible 0.6× to 1.6×)',
      'Share of residents who raise problems often: from 7% to 17% (plausible 5% to 20%)',
      'When the night begins: at most 21:30 (plausible 21:00 to 23:00)',
    ]);
    for (const l of lines) expect(l).not.toMatch(/demand\.|Minute|casesPer/);
    expect(boxSentence(result(12), box, 'slower')).toBe(
      'Inside this box Longgang 2021 is slower than Traditional county in 9 of 10 draws: density 90% (95% interval 60% to 98%). The box holds 75% of all the draws where it loses (coverage) and 20% of all draws (mass).',
    );
    expect(stabilitySentence(box)).toMatch(/^Stability: PRIM run again on 50 bootstrap resamples .* share 51% of their draws/);
    // Noise: reappearing in fewer than half the resamples, or quasi-p above 0.05.
    expect(box.restrictions.map((r) => likelyNoise(box, r))).toEqual([true, false, true]);
  });

  it('reads in Chinese, with the same figures', async () => {
    await loadLang('zh');
    setLang('zh');
    expect(shareSentence(result(12), 'slower')).toBe(
      '在 60 次抽样中有 12 次Longgang 2021比Traditional county慢：20%（95% 区间 12% 至 32%）。',
    );
    expect(restrictionText(box.restrictions[1])).toBe('每位居民每年提出的诉求数：不低于 1.2 倍（合理范围 0.6 倍 至 1.6 倍）');
    expect(assumptionValue({ id: 'residents.resurfaceMeanDays', unit: 'days', scale: false, range: [15, 60] }, 30.4)).toBe('30 天');
    expect(pct(0.051)).toBe('5.1%');
  });
});

describe('the strings', () => {
  it('exist in both languages with the same placeholders, and call a case 诉求', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(discoverZh).sort()).toEqual(Object.keys(discoverEn).sort());
    for (const k of Object.keys(discoverEn) as (keyof typeof discoverEn)[]) {
      expect(holes(discoverZh[k]), k).toEqual(holes(discoverEn[k]));
      expect(discoverZh[k].replace(/“[^”]*”/g, ''), k).not.toMatch(/案件|事件/);
    }
  });
});
