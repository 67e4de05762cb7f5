/**
 * The headline sentence and the brief's chart axes: the sentence names the structure with
 * the shorter mean time to close and turns the paired interval of (b − a) into the interval
 * of how much faster it is; axis ticks are round numbers covering the range.
 */
import { describe, expect, it } from 'vitest';
import { fasterSentence } from '../ui/headline.ts';
import { niceTicks } from '../render/brief.ts';
import { setLang } from '../render/i18n.ts';

describe('fasterSentence', () => {
  it('names the faster structure, whichever comes first, with the interval of its advantage', () => {
    setLang('en');
    const a = { name: 'County', meanHours: 9 };
    const b = { name: 'Longgang', meanHours: 3.3 };
    expect(fasterSentence(a, b)).toBe('Longgang closes cases 5.7 h faster on average than County.');
    expect(fasterSentence(b, a)).toBe('Longgang closes cases 5.7 h faster on average than County.');
    // b − a = −5.7 h with interval −5.9 to −5.5: Longgang is 5.5 to 5.9 h faster.
    expect(fasterSentence(a, b, { low: -5.9, high: -5.5 })).toBe(
      'Longgang closes cases 5.7 h faster on average than County (95% CI 5.5–5.9).',
    );
    expect(fasterSentence(b, a, { low: 5.5, high: 5.9 })).toBe(
      'Longgang closes cases 5.7 h faster on average than County (95% CI 5.5–5.9).',
    );
    // An interval that includes no difference says so.
    expect(fasterSentence(a, { name: 'X', meanHours: 8 }, { low: -2.2, high: 0.2 })).toBe(
      'X closes cases 1 h faster on average than County (95% CI 0–2); the interval includes no difference.',
    );
    expect(fasterSentence(a, { name: 'X', meanHours: NaN })).toBe('No difference in time to close yet: too few cases closed.');
  });

  it('speaks Chinese', () => {
    setLang('zh');
    expect(fasterSentence({ name: '传统县', meanHours: 9 }, { name: '龙港2021', meanHours: 3.3 })).toBe(
      '龙港2021平均办结时长比传统县短 5.7 小时。',
    );
    setLang('en');
  });
});

describe('niceTicks', () => {
  it('gives round steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 192, 4)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 365, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(0, 1, 4).map((v) => Math.round(v * 100))).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 5, 4)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
