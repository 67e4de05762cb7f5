/**
 * How much of a difference is structure, in words: the headline sentence's clause takes the
 * decomposition's figure in the sentence's direction, with its half-width, in both languages;
 * the brief's section gives every headline difference with its parts, or says how to compute
 * them. The strings of the view exist in both languages.
 */
import { describe, expect, it } from 'vitest';
import { COMPARED_PARTS } from '../scenarios/parts.ts';
import type { Decomposition } from '../studies/decompose.ts';
import type { Interval } from '../experiments/stats.ts';
import { fasterSentence } from './headline.ts';
import { loadLang, setLang } from './i18n.ts';
import { whyEn } from './messages/why-en.ts';
import { whyZh } from './messages/why-zh.ts';
import { figure, structuralBriefHtml, structuralClause, withClause, withHalf, WHY_METRICS, type StructuralResult } from './structural.ts';

const iv = (mean: number, half: number): Interval => ({ mean, half, low: mean - half, high: mean + half, n: 5, sd: half });

/** A decomposition of one metric whose parts are given (the total is their sum). */
function row(metric: string, unit: string, parts: [number, number][]): Decomposition {
  const total = parts.reduce((a, [m]) => a + m, 0);
  return {
    metric,
    unit,
    a: iv(10, 0.1),
    b: iv(10 + total, 0.1),
    total: iv(total, 0.2),
    parts: COMPARED_PARTS.map((part, i) => ({ part, shapley: iv(...parts[i]), alone: iv(...parts[i]), interaction: iv(0, 0) })),
    interactions: iv(0, 0),
    pairs: [],
    structuralShare: parts[0][0] / total,
  };
}

const result = (structure: number): StructuralResult => ({
  a: 'County',
  b: 'Longgang',
  n: 5,
  days: 60,
  warmupDays: 15,
  rows: [
    row('hoursToClose.mean', 'h', [
      [structure, 0.21],
      [-2, 0.3],
      [-3, 0.3],
      [0.1, 0.05],
    ]),
    row('localResolutionShare', 'share', [
      [0.02, 0.004],
      [0.01, 0.002],
      [0.08, 0.01],
      [0, 0.001],
    ]),
  ],
  unstable: [],
});

describe('the structural part of the headline sentence', () => {
  it('is the decomposition’s figure for each part, in the direction of the sentence, with its half-width', () => {
    setLang('en');
    // Longgang is faster (b − a < 0); structure's Shapley value −0.43 h makes it faster by 0.43 h.
    const sentence = fasterSentence({ name: 'County', meanHours: 9 }, { name: 'Longgang', meanHours: 3.6 });
    const c = structuralClause(3.6 - 9, result(-0.43))!;
    expect(c.hours).toBeCloseTo(0.43, 12);
    expect(c.half).toBe(0.21);
    expect(withClause(sentence, c.text)).toBe(
      'Longgang closes cases 5.4 h faster on average than County; over 5 paired replications of 60 days the difference is 5.33 h (± 0.20 h), of which structure accounts for 0.43 h (± 0.21 h), policy for 3.00 h (± 0.30 h), resources for 2.00 h (± 0.30 h) and working hours for -0.10 h (± 0.05 h). Mean time to close, closed cases: 9.0 h in County, 3.6 h in Longgang.',
    );
    // Structure alone works the other way: its figure is below zero.
    const against = structuralClause(3.6 - 9, result(0.8))!;
    expect(against.hours).toBeCloseTo(-0.8, 12);
    expect(against.text).toMatch(/, of which structure accounts for -0\.80 h \(± 0\.21 h\), /);
    // The county faster: the same Shapley value (b − a) now counts for the county.
    expect(structuralClause(9 - 3.6, result(0.43))!.hours).toBeCloseTo(0.43, 12);
    expect(structuralClause(9 - 3.6, result(0.43))!.text).toMatch(/policy for -3\.00 h/);
    // Nothing to add without a decomposition, or when there is no difference to speak of.
    expect(structuralClause(-5.4, undefined)).toBeUndefined();
    expect(structuralClause(0.01, result(0.43))).toBeUndefined();
    expect(structuralClause(NaN, result(0.43))).toBeUndefined();
  });

  it('speaks Chinese', async () => {
    await loadLang('zh');
    setLang('zh');
    const sentence = fasterSentence({ name: '传统县', meanHours: 9 }, { name: '龙港2021', meanHours: 3.6 });
    expect(withClause(sentence, structuralClause(-5.4, result(-0.43))!.text)).toBe(
      '龙港2021平均办结时长比传统县短 5.4 小时；在 5 次配对重复运行（每次 60 天）中差异为 5.33 小时（± 0.20 小时），其中结构贡献 0.43 小时（± 0.21 小时），政策 3.00 小时（± 0.30 小时），资源 2.00 小时（± 0.30 小时），工作时间 -0.10 小时（± 0.05 小时）。平均办结时长（已办结）：传统县 9.0 小时，龙港2021 3.6 小时。',
    );
    setLang('en');
  });

  it('writes figures to the decimals their half-width warrants, shares as percentage points', () => {
    setLang('en');
    expect(withHalf(-1.2345, 0.21, 'h')).toBe('-1.23 ± 0.21 h');
    expect(withHalf(0.1234, 0.012, 'share')).toBe('12.3 ± 1.2 pp');
    expect(withHalf(0.1234, 0.012, 'share', false)).toBe('12.3 ± 1.2 %');
    expect(withHalf(-3025.4, 12.9, 'yuan')).toBe('-3,025 ± 13 yuan');
    expect(figure(-0.004, 0.21, 'h').value).toBe('0.00');
  });
});

describe('the brief’s structural part', () => {
  it('gives each headline difference and its structural part, with their half-widths', () => {
    setLang('en');
    const html = structuralBriefHtml(result(-0.43), 'not yet');
    expect(html).toContain('How much of each difference is structure');
    expect(html).toContain('5 paired replications of 60 days');
    // Mean time to close: −0.43 − 2 − 3 + 0.1 = −5.33 h in all, −0.43 h of it structure.
    expect(html).toContain('<td data-metric="hoursToClose.mean">-5.33 ± 0.20 h</td>');
    expect(html).toContain('<td data-part="structure" data-metric="hoursToClose.mean">-0.43 ± 0.21 h</td>');
    expect(html).toContain('<td data-part="structure" data-metric="localResolutionShare">2.00 ± 0.40 pp</td>');
    expect(html).not.toContain('not yet');
  });

  it('says how to compute it when it is not computed', () => {
    setLang('en');
    expect(structuralBriefHtml(undefined, 'Not yet computed: run this.')).toBe(
      '<p class="small" id="why-not-yet"><b>How much of each difference is structure:</b> Not yet computed: run this.</p>',
    );
  });
});

describe('the strings of “Why do they differ?”', () => {
  it('exist in English and Chinese, with the same placeholders', () => {
    expect(Object.keys(whyZh).sort()).toEqual(Object.keys(whyEn).sort());
    const holes = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    for (const k of Object.keys(whyEn) as (keyof typeof whyEn)[]) expect(holes(whyZh[k]), k).toEqual(holes(whyEn[k]));
    expect(WHY_METRICS).toContain('hoursToClose.mean');
  });
});
