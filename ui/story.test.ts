/**
 * The guided story's steps are well formed: every structure is a preset and builds a valid
 * scenario, every view and target exist, every string exists in both languages with the
 * placeholders its step fills, every fact cites a seed document, and each question's
 * answer follows the run. A link's step is read or refused with what was expected.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../scenarios/sources.ts';
import type { Headline } from '../render/headline.ts';
import { en } from '../render/messages/en.ts';
import { storyEn, type StoryKey } from '../render/messages/story-en.ts';
import { storyZh } from '../render/messages/story-zh.ts';
import { zh } from '../render/messages/zh.ts';
import { buildColumn, PRESET_IDS, VIEWS } from './state.ts';
import {
  FIGURE_METRICS,
  parseStoryParam,
  peak,
  placeholders,
  STORY,
  STORY_TARGETS,
  storyFigures,
  templateParts,
  type StoryRun,
} from './story.ts';
import { CHART_IDS } from './chart-ids.ts';

const keysOf = (step: (typeof STORY)[number]): StoryKey[] => [
  step.title,
  step.intro,
  step.result,
  step.teacher,
  step.look,
  step.map,
  step.question.prompt,
  ...step.question.choices.map((c) => c.label),
  ...step.facts.map((f) => f.text),
];

const head = (over: Partial<Headline> = {}): Headline => ({
  day: 60,
  localShare: 0.8,
  p50: 5,
  p90: 30,
  km: true,
  meanClosed: 10,
  sla: { accept30m: 0.9, onsite1h: 0.9, close24h: 0.9, difficult5wd: 0.9 },
  costPerCase: 1000,
  trust: 0.7,
  ...over,
});

describe('the story steps', () => {
  it('has six steps, each loading presets that build valid scenarios, for a number of days', async () => {
    expect(STORY.map((s) => s.id)).toEqual(['hierarchy', 'zones', 'new-communities', 'governance-units', 'proposal', 'stress-week']);
    expect(STORY.map((s) => s.columns.map((c) => c.preset))).toEqual([
      ['traditional-county'],
      ['traditional-county', 'longgang-2019'],
      ['longgang-2019', 'longgang-2020'],
      ['longgang-2020', 'longgang-2021'],
      ['longgang-2021', 'proposal-3'],
      ['traditional-county', 'longgang-2021'],
    ]);
    for (const step of STORY) {
      expect(step.days, step.id).toBeGreaterThanOrEqual(7);
      expect(step.columns.length, step.id).toBeLessThanOrEqual(4);
      for (const c of step.columns) {
        expect(PRESET_IDS, step.id).toContain(c.preset);
        const built = await buildColumn({ ...c, changes: { ...c.changes } });
        expect(built.problems, `${step.id}: ${c.preset}`).toEqual([]);
        expect(built.scenario, `${step.id}: ${c.preset}`).toBeDefined();
      }
    }
    // The stress week: a typhoon in both structures.
    const stress = await Promise.all(STORY[5].columns.map((c) => buildColumn({ ...c, changes: { ...c.changes } })));
    for (const b of stress) expect(b.scenario!.shocks.map((s) => [s.kind, s.demandMultiplier])).toEqual([['typhoon', 3]]);
  });

  it('names a view that exists and a target in it (a chart id in the charts view)', () => {
    expect(STORY_TARGETS.charts).toEqual(CHART_IDS);
    for (const step of STORY) {
      expect(VIEWS, step.id).toContain(step.view);
      expect(STORY_TARGETS[step.view] ?? [], step.id).toContain(step.target);
    }
  });

  it('has every string in English and Chinese, and each result names only the run’s figures and structures', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(storyZh).sort()).toEqual(Object.keys(storyEn).sort());
    // The story's strings are loaded with it, apart from the first screen's.
    expect(Object.keys(storyEn).filter((k) => k in en)).toEqual([]);
    for (const k of Object.keys(storyEn) as StoryKey[])
      expect(new Set(placeholders(storyZh[k])), k).toEqual(new Set(placeholders(storyEn[k])));
    for (const step of STORY) {
      for (const k of keysOf(step)) {
        expect(storyEn[k], `${step.id}: ${k}`).toMatch(/\S/);
        expect(storyZh[k], `${step.id}: ${k}`).toMatch(/\S/);
        expect(new Set(placeholders(storyZh[k])), `${step.id}: ${k}`).toEqual(new Set(placeholders(storyEn[k])));
      }
      const names = step.figures.map((f) => f.name);
      expect(new Set(names).size, step.id).toBe(names.length);
      for (const lang of [storyEn, storyZh]) {
        const used = placeholders(lang[step.result]);
        // Every figure appears, and nothing else but the structures' names and the days.
        expect(new Set(used.filter((p) => names.includes(p))), step.id).toEqual(new Set(names));
        expect(
          used.filter((p) => !names.includes(p) && !['a', 'b', 'days'].includes(p)),
          step.id,
        ).toEqual([]);
        // No result typed into the text: its only numbers outside placeholders name the service targets (30 min, 1 h, 24 h, 5 working days).
        const digits = lang[step.result].replace(/\{\w+\}/g, '').match(/\d+/g) ?? [];
        expect(
          digits.filter((d) => !['30', '1', '24', '5'].includes(d)),
          step.id,
        ).toEqual([]);
        expect(
          placeholders(lang[step.intro]).filter((p) => !['days', 'shockDay'].includes(p)),
          step.id,
        ).toEqual([]);
      }
      for (const f of step.figures) {
        expect(Object.keys(FIGURE_METRICS), step.id).toContain(f.metric);
        expect(f.col, step.id).toBeLessThan(step.columns.length);
      }
      for (const f of step.facts) expect(SEED_IDS.has(f.seed), `${step.id}: seed ${f.seed}`).toBe(true);
    }
  });

  it('answers each question from the run: the answer changes when the run does', () => {
    const run = (a: Partial<Headline>, b: Partial<Headline>, peakOpen = [100, 50]): StoryRun => ({ heads: [head(a), head(b)], peakOpen });
    const [s1, s2, s3, s4, s5, s6] = STORY;
    expect(s1.question.answer(run({ localShare: 0.95 }, {}))).toBe('yes');
    expect(s1.question.answer(run({ localShare: 0.85 }, {}))).toBe('no');
    expect(s2.question.answer(run({ meanClosed: 12 }, { meanClosed: 6 }))).toBe('faster');
    expect(s2.question.answer(run({ meanClosed: 6 }, { meanClosed: 12 }))).toBe('slower');
    expect(s3.question.answer(run({ localShare: 0.8 }, { localShare: 0.85 }))).toBe('more');
    expect(s3.question.answer(run({ localShare: 0.85 }, { localShare: 0.8 }))).toBe('fewer');
    expect(s4.question.answer(run({}, { sla: { ...head().sla, close24h: 0.91 } }))).toBe('yes');
    expect(s4.question.answer(run({}, { sla: { ...head().sla, close24h: 0.89 } }))).toBe('no');
    expect(s5.question.answer(run({ costPerCase: 900 }, { costPerCase: 1000 }))).toBe('more');
    expect(s5.question.answer(run({ costPerCase: 1000 }, { costPerCase: 900 }))).toBe('less');
    expect(s6.question.answer(run({}, {}, [100, 200]))).toBe('b');
    expect(s6.question.answer(run({}, {}, [200, 100]))).toBe('a');
    for (const step of STORY) {
      const ids = step.question.choices.map((c) => c.id);
      expect(new Set(ids).size, step.id).toBe(ids.length);
      expect(ids, step.id).toContain(step.question.answer(run({}, {})));
    }
  });

  it('takes each figure from the structure and metric it names', () => {
    const r: StoryRun = { heads: [head({ meanClosed: 11 }), head({ meanClosed: 6, costPerCase: 777 })], peakOpen: [300, 120] };
    expect(storyFigures(STORY[1], r).meanA).toEqual({ value: 11, unit: 'h' });
    expect(storyFigures(STORY[1], r).meanB).toEqual({ value: 6, unit: 'h' });
    expect(storyFigures(STORY[4], r).costB).toEqual({ value: 777, unit: 'yuan' });
    expect(storyFigures(STORY[5], r).peakA).toEqual({ value: 300, unit: 'cases' });
    expect(peak([3, 9, 4])).toBe(9);
    expect(peak([])).toBe(0);
  });

  it('cuts a template into text and placeholders that join back to it', () => {
    const tpl = 'Mean {meanB} in {b}, {meanA} in {a}.';
    const parts = templateParts(tpl);
    expect(parts).toEqual([
      { text: 'Mean ' },
      { name: 'meanB' },
      { text: ' in ' },
      { name: 'b' },
      { text: ', ' },
      { name: 'meanA' },
      { text: ' in ' },
      { name: 'a' },
      { text: '.' },
    ]);
    expect(parts.map((p) => ('text' in p ? p.text : `{${p.name}}`)).join('')).toBe(tpl);
    expect(templateParts('{x}')).toEqual([{ name: 'x' }]);
  });
});

describe('a link’s story step', () => {
  it('reads 1 to 6 and refuses anything else, saying what it got', () => {
    expect(parseStoryParam(null)).toBeUndefined();
    expect(parseStoryParam('1')).toEqual({ index: 0 });
    expect(parseStoryParam('6')).toEqual({ index: 5 });
    for (const bad of ['0', '7', '-1', '2.5', 'abc', '', '1e0', '３']) expect(parseStoryParam(bad), bad).toEqual({ error: bad });
    expect(parseStoryParam('x'.repeat(100))).toEqual({ error: 'x'.repeat(40) });
  });
});
