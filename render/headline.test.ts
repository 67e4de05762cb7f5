/**
 * The headline sentence names the structure with the shorter mean time to close and turns
 * the paired interval of (b − a) into the interval of how much faster it is.
 */
import { describe, expect, it } from 'vitest';
import { fasterSentence } from './headline.ts';
import { setLang } from './i18n.ts';

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
