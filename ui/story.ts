/**
 * The guided story of Longgang's reform: six steps, each loading structures, running them
 * for a number of days, pointing at the view and the part of it that shows the point, and
 * quoting the seed fact the step rests on. The story's figures come from the run (the
 * headline figures of ui/headline.ts), never from the text: a step's result is a template
 * whose placeholders are filled from the run.
 */
import { CHART_IDS, MAP_TARGETS, type ChartId } from './chart-ids.ts';
import type { Headline } from '../render/headline.ts';
import { t, type MessageKey } from '../render/i18n.ts';
import type { StoryKey } from '../render/messages/story-en.ts';
import type { ColumnSpec, View } from './state.ts';

/**
 * What a step can point at, per view: a step's `target` is one of these for its `view`.
 * Another view joins by listing its targets here and its element in STORY_HOSTS (ui/controllers/story-controller.ts)
 * (an element with a `highlight` property and a `targetElement(id)` method, as fg-compare
 * has); a step then shows it with `view` and `target`.
 */
export const STORY_TARGETS: Partial<Record<View, readonly string[]>> = { charts: CHART_IDS, map: MAP_TARGETS };

const CHART_HEADINGS: Record<ChartId, MessageKey> = {
  throughput: 'chart.throughput',
  'time-to-close': 'chart.closeTime',
  'service-targets': 'chart.sla',
  'local-resolution': 'chart.local',
  utilisation: 'chart.util',
  cost: 'chart.cost.heading',
  'cost-per-case': 'chart.costPerCase.heading',
  trust: 'chart.trust',
};

/** The name of what a step points at, as its view shows it. */
export function targetName(view: View, target: string): string {
  if (view === 'map') return target === 'follow' ? t('story.mapFollow') : t('story.mapCities');
  return view === 'charts' && target in CHART_HEADINGS ? t(CHART_HEADINGS[target as ChartId]) : target;
}

/** What a step's figures and answer are computed from: per structure, in column order. */
export interface StoryRun {
  heads: Headline[];
  /** Most cases open at once during the run. */
  peakOpen: number[];
}

export type FigureUnit = 'share' | 'h' | 'yuan' | 'cases';

/** The figures a template can name, each with its unit. */
export const FIGURE_METRICS = {
  localShare: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].localShare },
  meanClosed: { unit: 'h', of: (r: StoryRun, i: number) => r.heads[i].meanClosed },
  p50: { unit: 'h', of: (r: StoryRun, i: number) => r.heads[i].p50 },
  p90: { unit: 'h', of: (r: StoryRun, i: number) => r.heads[i].p90 },
  accept30m: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].sla.accept30m },
  onsite1h: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].sla.onsite1h },
  close24h: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].sla.close24h },
  difficult5wd: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].sla.difficult5wd },
  costPerCase: { unit: 'yuan', of: (r: StoryRun, i: number) => r.heads[i].costPerCase },
  trust: { unit: 'share', of: (r: StoryRun, i: number) => r.heads[i].trust },
  peakOpen: { unit: 'cases', of: (r: StoryRun, i: number) => r.peakOpen[i] },
} as const satisfies Record<string, { unit: FigureUnit; of: (r: StoryRun, i: number) => number }>;
export type FigureMetric = keyof typeof FIGURE_METRICS;

/** A figure of a template: `{name}` is `metric` of structure `col` (0-based). */
export interface StoryFigure {
  name: string;
  metric: FigureMetric;
  col: number;
}

export interface StoryChoice {
  id: string;
  label: StoryKey;
}

/** Asked before the run; the model's answer is computed from the run. */
export interface StoryQuestion {
  prompt: StoryKey;
  choices: readonly StoryChoice[];
  /** The id of the choice the run bears out. */
  answer: (r: StoryRun) => string;
}

/** A fact from a seed document (scenarios/sources.ts), as the step quotes it. */
export interface StoryFact {
  text: StoryKey;
  seed: string;
}

export interface StoryStep {
  id: string;
  title: StoryKey;
  /** What the step shows, before the run. */
  intro: StoryKey;
  /** After the run: a template naming the structures `{a}`, `{b}`, `{days}` and the figures. */
  result: StoryKey;
  figures: readonly StoryFigure[];
  facts: readonly StoryFact[];
  question: StoryQuestion;
  /** Notes for the teacher (shown folded). */
  teacher: StoryKey;
  /** The structures loaded, in order. */
  columns: readonly ColumnSpec[];
  /** Days the step runs. */
  days: number;
  /** The view shown, and what in it the step points at (a chart id in "charts"). */
  view: View;
  target: string;
  /** Why the target shows the point (said when it is highlighted). */
  look: StoryKey;
  /** What to watch on the living map, where the same problems move through each structure. */
  map: StoryKey;
}

/** Structures b (column 1) against a (column 0): which closes cases faster on average. */
const fasterOrSlower = (r: StoryRun) => (r.heads[1].meanClosed < r.heads[0].meanClosed ? 'faster' : 'slower');
const FASTER_SLOWER: readonly StoryChoice[] = [
  { id: 'faster', label: 'story.choice.faster' },
  { id: 'slower', label: 'story.choice.slower' },
];
const MORE_FEWER: readonly StoryChoice[] = [
  { id: 'more', label: 'story.choice.more' },
  { id: 'fewer', label: 'story.choice.fewer' },
];
const YES_NO: readonly StoryChoice[] = [
  { id: 'yes', label: 'story.choice.yes' },
  { id: 'no', label: 'story.choice.no' },
];

const preset = (id: string, changes: Record<string, unknown> = {}): ColumnSpec => ({ preset: id, changes });
/** The stress week: a typhoon (three times the cases for five days, see scenarios/shocks.ts) from this day. */
export const STRESS_DAY = 7;
const typhoon = { shocks: [{ kind: 'typhoon', startDay: STRESS_DAY }] };

export const STORY: readonly StoryStep[] = [
  {
    id: 'hierarchy',
    title: 'story.1.title',
    intro: 'story.1.intro',
    result: 'story.1.result',
    teacher: 'story.1.teacher',
    look: 'story.1.look',
    map: 'story.1.map',
    columns: [preset('traditional-county')],
    days: 60,
    view: 'charts',
    target: 'local-resolution',
    figures: [
      { name: 'local', metric: 'localShare', col: 0 },
      { name: 'p50', metric: 'p50', col: 0 },
      { name: 'p90', metric: 'p90', col: 0 },
    ],
    facts: [{ text: 'story.1.fact', seed: '001' }],
    question: { prompt: 'story.1.question', choices: YES_NO, answer: (r) => (r.heads[0].localShare >= 0.9 ? 'yes' : 'no') },
  },
  {
    id: 'zones',
    title: 'story.2.title',
    intro: 'story.2.intro',
    result: 'story.2.result',
    teacher: 'story.2.teacher',
    look: 'story.2.look',
    map: 'story.2.map',
    columns: [preset('traditional-county'), preset('longgang-2019')],
    days: 60,
    view: 'charts',
    target: 'time-to-close',
    figures: [
      { name: 'meanA', metric: 'meanClosed', col: 0 },
      { name: 'meanB', metric: 'meanClosed', col: 1 },
      { name: 'p90A', metric: 'p90', col: 0 },
      { name: 'p90B', metric: 'p90', col: 1 },
    ],
    facts: [
      { text: 'story.2.fact', seed: '001' },
      { text: 'story.2.fact2', seed: '000' },
    ],
    question: { prompt: 'story.2.question', choices: FASTER_SLOWER, answer: fasterOrSlower },
  },
  {
    id: 'new-communities',
    title: 'story.3.title',
    intro: 'story.3.intro',
    result: 'story.3.result',
    teacher: 'story.3.teacher',
    look: 'story.3.look',
    map: 'story.3.map',
    columns: [preset('longgang-2019'), preset('longgang-2020')],
    days: 60,
    view: 'charts',
    target: 'local-resolution',
    figures: [
      { name: 'localA', metric: 'localShare', col: 0 },
      { name: 'localB', metric: 'localShare', col: 1 },
    ],
    facts: [{ text: 'story.3.fact', seed: '001' }],
    question: {
      prompt: 'story.3.question',
      choices: MORE_FEWER,
      answer: (r) => (r.heads[1].localShare > r.heads[0].localShare ? 'more' : 'fewer'),
    },
  },
  {
    id: 'governance-units',
    title: 'story.4.title',
    intro: 'story.4.intro',
    result: 'story.4.result',
    teacher: 'story.4.teacher',
    look: 'story.4.look',
    map: 'story.4.map',
    columns: [preset('longgang-2020'), preset('longgang-2021')],
    days: 60,
    view: 'charts',
    target: 'service-targets',
    figures: [
      { name: 'accept', metric: 'accept30m', col: 1 },
      { name: 'onsite', metric: 'onsite1h', col: 1 },
      { name: 'close', metric: 'close24h', col: 1 },
      { name: 'difficult', metric: 'difficult5wd', col: 1 },
      { name: 'closeA', metric: 'close24h', col: 0 },
      { name: 'local', metric: 'localShare', col: 1 },
    ],
    facts: [
      { text: 'story.4.fact', seed: '004' },
      { text: 'story.4.fact2', seed: '000' },
    ],
    question: { prompt: 'story.4.question', choices: YES_NO, answer: (r) => (r.heads[1].sla.close24h >= 0.9 ? 'yes' : 'no') },
  },
  {
    id: 'proposal',
    title: 'story.5.title',
    intro: 'story.5.intro',
    result: 'story.5.result',
    teacher: 'story.5.teacher',
    look: 'story.5.look',
    map: 'story.5.map',
    columns: [preset('longgang-2021'), preset('proposal-3')],
    days: 60,
    view: 'charts',
    target: 'cost-per-case',
    figures: [
      { name: 'costA', metric: 'costPerCase', col: 0 },
      { name: 'costB', metric: 'costPerCase', col: 1 },
      { name: 'meanA', metric: 'meanClosed', col: 0 },
      { name: 'meanB', metric: 'meanClosed', col: 1 },
    ],
    facts: [
      { text: 'story.5.fact', seed: '001' },
      { text: 'story.5.fact2', seed: '000' },
    ],
    question: {
      prompt: 'story.5.question',
      choices: [
        { id: 'more', label: 'story.choice.more' },
        { id: 'less', label: 'story.choice.less' },
      ],
      answer: (r) => (r.heads[1].costPerCase > r.heads[0].costPerCase ? 'more' : 'less'),
    },
  },
  {
    id: 'stress-week',
    title: 'story.6.title',
    intro: 'story.6.intro',
    result: 'story.6.result',
    teacher: 'story.6.teacher',
    look: 'story.6.look',
    map: 'story.6.map',
    columns: [preset('traditional-county', typhoon), preset('longgang-2021', typhoon)],
    days: 28,
    view: 'charts',
    target: 'throughput',
    figures: [
      { name: 'peakA', metric: 'peakOpen', col: 0 },
      { name: 'peakB', metric: 'peakOpen', col: 1 },
      { name: 'p90A', metric: 'p90', col: 0 },
      { name: 'p90B', metric: 'p90', col: 1 },
    ],
    facts: [{ text: 'story.6.fact', seed: '000' }],
    question: {
      prompt: 'story.6.question',
      choices: [
        { id: 'a', label: 'story.6.choice.a' },
        { id: 'b', label: 'story.6.choice.b' },
      ],
      answer: (r) => (r.peakOpen[1] > r.peakOpen[0] ? 'b' : 'a'),
    },
  },
];

/**
 * The step a link asks for (`?story=N`, 1 to the number of steps): its index, or an error
 * saying what was expected; undefined when the link asks for none.
 */
export function parseStoryParam(raw: string | null): { index: number } | { error: string } | undefined {
  if (raw === null) return undefined;
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= STORY.length) return { index: n - 1 };
  return { error: raw.slice(0, 40) };
}

/** The figures of a step, by name, from its run. */
export function storyFigures(step: StoryStep, r: StoryRun): Record<string, { value: number; unit: FigureUnit }> {
  return Object.fromEntries(
    step.figures.map((f) => [f.name, { value: FIGURE_METRICS[f.metric].of(r, f.col), unit: FIGURE_METRICS[f.metric].unit }]),
  );
}

/** The placeholders a template names, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** A template cut into text and placeholders, to render the figures as elements of their own. */
export function templateParts(template: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) parts.push({ text: template.slice(at, m.index) });
    parts.push({ name: m[1] });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}

/** Most cases open at once in a series of open counts (0 for none). */
export function peak(open: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < open.length; i++) if (open[i] > m) m = open[i];
  return m;
}
