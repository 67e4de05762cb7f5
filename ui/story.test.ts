/**
 * The guided story's steps are well formed: every structure is a preset and builds a valid
 * scenario, every view and target exist, every string exists in both languages with the
 * placeholders its step fills, every fact cites a seed document, and each question's
 * answer follows the run. A link's step is read or refused with what was expected.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../scenarios/sources.ts';
import { figureInfo, unitOf } from '../render/figures.ts';
import { PEAK_OPEN } from '../sim/observe/series.ts';
import { en } from '../render/messages/en.ts';
import { storyEn, type StoryKey } from '../render/messages/story-en.ts';
import { storyZh } from '../render/messages/story-zh.ts';
import { zh } from '../render/messages/zh.ts';
import { buildColumn, PRESET_IDS, VIEWS } from './state.ts';
import { parseStoryParam, STORY, STORY_TARGETS, storyFigure, storyVerdict, TOO_CLOSE, type StoryRun } from './story.ts';
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

/** The placeholders a template names. */
const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

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

  it('has every string in English and Chinese, and no figure typed into the text', () => {
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
      }
      for (const lang of [storyEn, storyZh]) {
        // The result in words names the structures and days only: its figures are the table's.
        expect(
          placeholders(lang[step.result]).filter((p) => !['a', 'b', 'days'].includes(p)),
          step.id,
        ).toEqual([]);
        // No result typed into the text: its only numbers name the service targets and the 90% claim.
        const digits = lang[step.result].replace(/\{\w+\}/g, '').match(/\d+/g) ?? [];
        expect(
          digits.filter((d) => !['30', '1', '24', '5', '90'].includes(d)),
          step.id,
        ).toEqual([]);
      }
      for (const f of step.figures) {
        expect(figureInfo(f.metric), `${step.id}: ${f.metric}`).toBeDefined();
        expect(f.col, step.id).toBeLessThan(step.columns.length);
      }
      expect(figureInfo(step.question.judge.metric), step.id).toBeDefined();
      for (const f of step.facts) expect(SEED_IDS.has(f.seed), `${step.id}: seed ${f.seed}`).toBe(true);
      // Every question can be answered "too close to call".
      expect(
        step.question.choices.map((c) => c.id),
        step.id,
      ).toContain(TOO_CLOSE);
    }
  });

  it('judges each question against the replications’ 95% interval, and says "too close to call" when it does not decide', () => {
    // Ten runs per structure, values around a mean with a spread.
    const around = (m: number, spread: number) => Array.from({ length: 10 }, (_, k) => m + spread * ((k % 5) - 2));
    const run = (a: Record<string, number[]>, b: Record<string, number[]> = {}): StoryRun => ({ n: 10, days: 60, values: [a, b] });
    const [s1, s2, s3, s4, s5, s6] = STORY;
    const v = (step: (typeof STORY)[number], r: StoryRun) => storyVerdict(step, r, unitOf(step.question.judge.metric)).answer;
    expect(v(s1, run({ localResolutionShare: around(0.95, 0.002) }))).toBe('yes');
    expect(v(s1, run({ localResolutionShare: around(0.85, 0.002) }))).toBe('no');
    // A mean just above the line whose interval holds it: too close to call.
    expect(v(s1, run({ localResolutionShare: around(0.901, 0.01) }))).toBe(TOO_CLOSE);
    // Paired differences: b − a per replication.
    const base = around(12, 0.5);
    expect(v(s2, run({ 'hoursToClose.mean': base }, { 'hoursToClose.mean': base.map((x) => x - 6) }))).toBe('faster');
    expect(v(s2, run({ 'hoursToClose.mean': base }, { 'hoursToClose.mean': base.map((x) => x + 6) }))).toBe('slower');
    // A gap of 0.5 h in 12 h averages that flips with the replication: too close to call.
    expect(v(s2, run({ 'hoursToClose.mean': base }, { 'hoursToClose.mean': base.map((x, k) => x + (k % 2 ? 1.5 : -1)) }))).toBe(TOO_CLOSE);
    expect(v(s3, run({ localResolutionShare: around(0.8, 0.01) }, { localResolutionShare: around(0.85, 0.01) }))).toBe('more');
    expect(v(s3, run({ localResolutionShare: around(0.85, 0.01) }, { localResolutionShare: around(0.8, 0.01) }))).toBe('fewer');
    expect(v(s4, run({}, { 'sla.close24h': around(0.87, 0.002) }))).toBe('no');
    expect(v(s4, run({}, { 'sla.close24h': around(0.93, 0.002) }))).toBe('yes');
    expect(v(s5, run({ 'cost.perCaseYuan': around(900, 5) }, { 'cost.perCaseYuan': around(1000, 5) }))).toBe('more');
    expect(v(s5, run({ 'cost.perCaseYuan': around(1000, 5) }, { 'cost.perCaseYuan': around(900, 5) }))).toBe('less');
    expect(v(s6, run({ [PEAK_OPEN]: around(100, 3) }, { [PEAK_OPEN]: around(200, 3) }))).toBe('b');
    expect(v(s6, run({ [PEAK_OPEN]: around(200, 3) }, { [PEAK_OPEN]: around(100, 3) }))).toBe('a');
    for (const step of STORY) {
      const ids = step.question.choices.map((c) => c.id);
      expect(new Set(ids).size, step.id).toBe(ids.length);
      const j = step.question.judge;
      expect(ids, step.id).toEqual(expect.arrayContaining(j.kind === 'threshold' ? [j.above, j.below] : [j.higher, j.lower]));
    }
  });

  it('gives a share’s mean with an interval inside 0–100%, however few and spread the runs', () => {
    const r: StoryRun = { n: 2, days: 60, values: [{ localResolutionShare: [0.99, 0.6] }] };
    const iv = storyFigure(r, 'localResolutionShare', 0, 'share');
    expect(iv.mean).toBeCloseTo(0.795, 10);
    expect(iv.low).toBeGreaterThanOrEqual(0);
    expect(iv.high).toBeLessThanOrEqual(1);
    expect(iv.low).toBeLessThanOrEqual(iv.mean);
    expect(iv.high).toBeGreaterThanOrEqual(iv.mean);
    // The same two values on the plain t scale would pass 100%.
    expect(0.795 + (12.706 * Math.abs(0.99 - 0.6)) / 2).toBeGreaterThan(1);
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
