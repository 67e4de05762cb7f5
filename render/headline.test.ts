/**
 * The headline sentence names the structure with the shorter mean time to close, turns the
 * paired interval of (b − a) into the interval of how much faster it is, and names and shows
 * the figure it compares (the catalogue's label, each structure's value).
 */
import { describe, expect, it } from 'vitest';
import { fasterSentence, headlineRows } from './headline.ts';
import { loadLang, setLang } from './i18n.ts';

describe('fasterSentence', () => {
  it('names the faster structure, whichever comes first, with the interval of its advantage, and the figure compared', () => {
    setLang('en');
    const a = { name: 'County', meanHours: 9 };
    const b = { name: 'Longgang', meanHours: 3.3 };
    const figure = 'Mean time to close, closed cases: 9.0 h in County, 3.3 h in Longgang.';
    expect(fasterSentence(a, b)).toBe(`Longgang closes cases 5.7 h faster on average than County. ${figure}`);
    expect(fasterSentence(b, a)).toBe(
      'Longgang closes cases 5.7 h faster on average than County. Mean time to close, closed cases: 3.3 h in Longgang, 9.0 h in County.',
    );
    // b − a = −5.7 h with interval −5.9 to −5.5: Longgang is 5.5 to 5.9 h faster.
    expect(fasterSentence(a, b, { low: -5.9, high: -5.5 })).toBe(
      `Longgang closes cases 5.7 h faster on average than County (95% CI 5.5–5.9). ${figure}`,
    );
    // An interval that includes no difference says so.
    expect(fasterSentence(a, { name: 'X', meanHours: 8 }, { low: -2.2, high: 0.2 })).toBe(
      'X closes cases 1 h faster on average than County (95% CI 0–2); the interval includes no difference. Mean time to close, closed cases: 9.0 h in County, 8.0 h in X.',
    );
    expect(fasterSentence(a, { name: 'X', meanHours: NaN })).toBe('No difference in time to close yet: too few cases closed.');
  });

  it('speaks Chinese', async () => {
    await loadLang('zh');
    setLang('zh');
    expect(fasterSentence({ name: '传统县', meanHours: 9 }, { name: '龙港2021', meanHours: 3.3 })).toBe(
      '龙港2021平均办结时长比传统县短 5.7 小时。平均办结时长（已办结）：传统县 9.0 小时，龙港2021 3.3 小时。',
    );
    setLang('en');
  });
});

describe('the strip’s rows', () => {
  it('label times to close by what they count: open cases counted once the summary is in, closed cases while the run goes', () => {
    setLang('en');
    const labels = (km: boolean) => headlineRows(km).map((r) => r.label);
    expect(labels(true)).toContain('90th percentile time to close, open cases counted');
    expect(labels(false)).toContain('90th percentile time to close, closed cases');
    expect(labels(true)).not.toContain('90th percentile time to close, closed cases');
    // The sentence's figure is a row of its own.
    expect(labels(true)).toContain('Mean time to close, closed cases');
  });
});
