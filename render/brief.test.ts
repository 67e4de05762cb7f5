/** The brief an official can hand over: plain words, a real question, the pair's own "what decides", nothing cut. */
import { describe, expect, it } from 'vitest';
import { briefHtml, nameList, niceTicks, sensitivityOfPair, type BriefInput } from './brief.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { loadLang, setLang } from './i18n.ts';
import shipped from '../docs/sensitivity.json' with { type: 'json' };
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';

const analysis = shipped as unknown as SensitivityResult;

describe('niceTicks', () => {
  it('gives round steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 192, 4)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 365, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(0, 1, 4).map((v) => Math.round(v * 100))).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 5, 4)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

/** The text of a document, without its tags, style and attributes. */
const text = (h: string) =>
  h
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');

function input(presets: string[], names: string[], day = 30): BriefInput {
  return {
    structures: presets.map((p, i) => ({ name: names[i], scenario: loadPreset(p) })),
    seed: 1,
    days: 60,
    day,
    link: 'https://example.org/flatgov/#s=abc',
    source: 'flatgov test',
    sensitivity: sensitivityOfPair(analysis, presets),
  };
}

describe('the brief', () => {
  it('asks a real question and names parameters in words, never by path, nothing cut, no file names', () => {
    setLang('en');
    const h = briefHtml(input(['traditional-county', 'longgang-2021'], ['Traditional county', 'Longgang 2021']));
    const words = text(h);
    expect(words).toContain('How do Traditional county and Longgang 2021 compare when they face the same residents’ problems?');
    expect(words).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z]\w*|\[\]|\*\./);
    expect(words).not.toContain('…');
    expect(words).not.toContain('MODEL.md');
    expect(h).not.toContain('text-overflow');
    // Not the pair the shipped analysis is of: "what decides" says it was not computed for this one.
    expect(h).toContain('id="decides-none"');
    expect(h).not.toContain('class="decides"');
  });

  it('gives what decides the answer for its own pair, in its language', async () => {
    await loadLang('zh');
    setLang('zh');
    try {
      const h = briefHtml(input(['longgang-town-2018', 'longgang-2021'], ['2018年龙岗街道', '2021年龙岗']));
      expect(h).toContain('class="decides"');
      const decides = text(/<ul class="decides">[\s\S]*?<\/ul>/.exec(h)![0]);
      // Chinese labels, the numbers and "ST" the only Latin text.
      expect(decides.replace(/\bST\b/g, '')).not.toMatch(/[a-zA-Z]{2,}/);
      expect(text(h)).toContain('面对相同的居民诉求，2018年龙岗街道与2021年龙岗表现如何？');
      expect(text(h)).not.toContain('MODEL.md');
    } finally {
      setLang('en');
    }
  });

  it('is one sentence before a run', () => {
    setLang('en');
    const h = briefHtml(input(['traditional-county', 'longgang-2021'], ['Traditional county', 'Longgang 2021'], 0));
    expect(h).toContain('id="not-yet"');
    expect(h).not.toContain('<table');
    expect(text(h)).not.toMatch(/–\s+–/);
  });

  it('lists names as a sentence does', () => {
    setLang('en');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
