/**
 * The guided story of Longgang's reform: six steps, each loading structures, running them
 * for a number of days, pointing at the view and the part of it that shows the point, and
 * quoting the seed fact the step rests on. The story's figures come from replications of the
 * step run in the workers (STORY_REPLICATIONS runs of each structure on the same seeds), never
 * from the text: each figure is a metric of the catalogue shown as a mean with its 95%
 * interval, and the step's question is judged against that interval, with "too close to
 * call" an answer when the interval does not decide.
 */
import { CHART_IDS, MAP_TARGETS, type ChartId } from './chart-ids.ts';
import { meanInterval, type MeanInterval } from '../render/intervals.ts';
import { pairedDifference } from '../experiments/stats.ts';
import { PEAK_OPEN } from '../sim/observe/series.ts';
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

/** Runs of each structure a step makes in the workers: enough to give its figures with intervals in seconds. */
export const STORY_REPLICATIONS = 10;

/**
 * What a step's figures and verdict are computed from: the step's replications (the same
 * seeds for every structure, so differences are paired), per structure in column order, the
 * values of each figure over the replications, in replication order.
 */
export interface StoryRun {
  n: number;
  days: number;
  values: Record<string, number[]>[];
}

/** A figure a step shows: a catalogue metric (or series statistic) of a structure. */
export interface StoryFigure {
  metric: string;
  col: number;
}

export interface StoryChoice {
  id: string;
  label: StoryKey;
}

/** The answer when the interval does not decide: "too close to call". */
export const TOO_CLOSE = 'close';

/**
 * How the runs answer a step's question: a figure of one structure against a line
 * (`threshold`), or the paired difference of a figure between the second structure and the
 * first (`difference`). Each side of the interval names the choice it bears out; an interval
 * that holds the line, or holds no difference, answers "too close to call".
 */
export type StoryJudge =
  | { kind: 'threshold'; metric: string; col: number; at: number; above: string; below: string }
  | { kind: 'difference'; metric: string; higher: string; lower: string };

/** Asked before the run; the runs' answer is computed from their intervals. */
export interface StoryQuestion {
  prompt: StoryKey;
  choices: readonly StoryChoice[];
  judge: StoryJudge;
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
  /** After the run: what the figures show, in words (the figures themselves are in the step's table). */
  result: StoryKey;
  /** The figures of the step's table, in order: each metric for each of the structures listed. */
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
  /** The day the map shows the point (the run is brought there); the end of the run when absent. */
  mapDay?: number;
}

const TOO_CLOSE_CHOICE: StoryChoice = { id: TOO_CLOSE, label: 'story.choice.close' };
const FASTER_SLOWER: readonly StoryChoice[] = [
  { id: 'faster', label: 'story.choice.faster' },
  { id: 'slower', label: 'story.choice.slower' },
  TOO_CLOSE_CHOICE,
];
const MORE_FEWER: readonly StoryChoice[] = [
  { id: 'more', label: 'story.choice.more' },
  { id: 'fewer', label: 'story.choice.fewer' },
  TOO_CLOSE_CHOICE,
];
const YES_NO: readonly StoryChoice[] = [{ id: 'yes', label: 'story.choice.yes' }, { id: 'no', label: 'story.choice.no' }, TOO_CLOSE_CHOICE];

const preset = (id: string, changes: Record<string, unknown> = {}): ColumnSpec => ({ preset: id, changes });
/** The figures of every metric listed for each of the columns listed. */
const each = (metrics: readonly string[], cols: readonly number[]): StoryFigure[] =>
  metrics.flatMap((metric) => cols.map((col) => ({ metric, col })));
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
    figures: each(['localResolutionShare', 'hoursToCloseAll.p50', 'hoursToCloseAll.p90'], [0]),
    facts: [{ text: 'story.1.fact', seed: '001' }],
    question: {
      prompt: 'story.1.question',
      choices: YES_NO,
      judge: { kind: 'threshold', metric: 'localResolutionShare', col: 0, at: 0.9, above: 'yes', below: 'no' },
    },
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
    figures: each(['hoursToClose.mean', 'hoursToCloseAll.p50', 'hoursToCloseAll.p90'], [0, 1]),
    facts: [
      { text: 'story.2.fact', seed: '001' },
      { text: 'story.2.fact2', seed: '000' },
    ],
    question: {
      prompt: 'story.2.question',
      choices: FASTER_SLOWER,
      judge: { kind: 'difference', metric: 'hoursToClose.mean', higher: 'slower', lower: 'faster' },
    },
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
    figures: each(['localResolutionShare'], [0, 1]),
    facts: [{ text: 'story.3.fact', seed: '001' }],
    question: {
      prompt: 'story.3.question',
      choices: MORE_FEWER,
      judge: { kind: 'difference', metric: 'localResolutionShare', higher: 'more', lower: 'fewer' },
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
    figures: each(['sla.accept30m', 'sla.onsite1h', 'sla.close24h', 'sla.difficult5wd', 'localResolutionShare'], [0, 1]),
    facts: [
      { text: 'story.4.fact', seed: '004' },
      { text: 'story.4.fact2', seed: '000' },
    ],
    question: {
      prompt: 'story.4.question',
      choices: YES_NO,
      judge: { kind: 'threshold', metric: 'sla.close24h', col: 1, at: 0.9, above: 'yes', below: 'no' },
    },
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
    figures: each(['cost.perCaseYuan', 'hoursToClose.mean'], [0, 1]),
    facts: [
      { text: 'story.5.fact', seed: '001' },
      { text: 'story.5.fact2', seed: '000' },
    ],
    question: {
      prompt: 'story.5.question',
      choices: [{ id: 'more', label: 'story.5.choice.more' }, { id: 'less', label: 'story.5.choice.less' }, TOO_CLOSE_CHOICE],
      judge: { kind: 'difference', metric: 'cost.perCaseYuan', higher: 'more', lower: 'less' },
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
    mapDay: STRESS_DAY + 3,
    figures: each([PEAK_OPEN, 'hoursToCloseAll.p90'], [0, 1]),
    facts: [{ text: 'story.6.fact', seed: '000' }],
    question: {
      prompt: 'story.6.question',
      choices: [{ id: 'a', label: 'story.6.choice.a' }, { id: 'b', label: 'story.6.choice.b' }, TOO_CLOSE_CHOICE],
      judge: { kind: 'difference', metric: PEAK_OPEN, higher: 'b', lower: 'a' },
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

/** The metrics a step's run must give: its figures' and its question's. */
export function stepMetrics(step: StoryStep): string[] {
  return [...new Set([...step.figures.map((f) => f.metric), step.question.judge.metric])];
}

/** A figure of a structure over the step's replications: mean and 95% interval (inside 0–100% for shares). */
export function storyFigure(run: StoryRun, metric: string, col: number, unit: string): MeanInterval {
  return meanInterval(run.values[col]?.[metric] ?? [], unit);
}

/** What the runs answer, and the interval that decides it. */
export interface StoryVerdict {
  /** The id of the choice the runs bear out, or TOO_CLOSE. */
  answer: string;
  /** The interval judged: the figure (threshold) or the paired difference, second structure less first (difference). */
  interval: MeanInterval;
}

/** Judge a step's question against its replications' 95% interval. */
export function storyVerdict(step: StoryStep, run: StoryRun, unit: string): StoryVerdict {
  const j = step.question.judge;
  if (j.kind === 'threshold') {
    const iv = storyFigure(run, j.metric, j.col, unit);
    const answer = iv.low >= j.at ? j.above : iv.high < j.at ? j.below : TOO_CLOSE;
    return { answer, interval: iv };
  }
  const d = pairedDifference(run.values[0]?.[j.metric] ?? [], run.values[1]?.[j.metric] ?? []);
  const answer = d.low > 0 ? j.higher : d.high < 0 ? j.lower : TOO_CLOSE;
  return { answer, interval: { n: d.n, mean: d.mean, low: d.low, high: d.high } };
}
