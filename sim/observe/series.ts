/**
 * Time-series metrics: figures read from a snapshot (one per day or week of a run), by id,
 * each with its unit, label and definition in English and Chinese. Experiments' series, the
 * app's live charts and its downloads all take their columns from this one list (packed as
 * columns by sim/observe/columns.ts). A series that is the same quantity as a metric of the
 * catalogue (sim/observe/catalog.ts) at the end of a run takes that metric's words, so one
 * quantity has one name everywhere.
 *
 * Tier figures are asked for by the tier's id, as `levels[community].queued`; the tiers are
 * the scenario's levels, then its departments and centre, then the hotline.
 */
import { METRIC_BY_ID } from './catalog.ts';
import type { Snapshot } from './metrics.ts';

export interface SeriesMetricInfo {
  id: string;
  unit: string;
  label: string;
  labelZh: string;
  definition: string;
  definitionZh: string;
  /** The catalogue metric this series ends at (the same quantity, its words), if any. */
  metric?: string;
  /** The value in a snapshot; `tiers` are the ids the snapshot's per-tier arrays follow. */
  get: (s: Snapshot, tiers: readonly string[]) => number;
}

type Words = readonly [en: string, zh: string];

/** A series of its own words. */
const s = (id: string, unit: string, label: Words, definition: Words, get: (x: Snapshot) => number): SeriesMetricInfo => ({
  id,
  unit,
  label: label[0],
  labelZh: label[1],
  definition: definition[0],
  definitionZh: definition[1],
  get: (x) => get(x),
});

/** A series that is a catalogue metric as it stands on each day: the metric's id, unit and words. */
const same = (metric: string, get: (x: Snapshot) => number): SeriesMetricInfo => {
  const info = METRIC_BY_ID.get(metric);
  if (!info) throw new Error(`series: no metric "${metric}" in the catalogue`);
  const { id, unit, label, labelZh, definition, definitionZh } = info;
  return { id, unit, label, labelZh, definition, definitionZh, metric, get: (x) => get(x) };
};

export const SERIES_METRICS: SeriesMetricInfo[] = [
  s(
    'created',
    'cases',
    ['Cases raised so far', '累计诉求数'],
    ['Cases raised since the run began.', '运行开始以来提出的诉求数。'],
    (x) => x.created,
  ),
  s(
    'closed',
    'cases',
    ['Cases closed so far', '累计办结数'],
    ['Cases closed since the run began.', '运行开始以来办结的诉求数。'],
    (x) => x.closed,
  ),
  s(
    'open',
    'cases',
    ['Open cases', '未办结诉求'],
    ['Cases open at that moment: the backlog.', '当时尚未办结的诉求数，即积压。'],
    (x) => x.open,
  ),
  s(
    'lost',
    'cases',
    ['Cases lost so far', '累计丢失数'],
    ['Cases dropped on the way since the run began.', '运行开始以来在流转中丢失的诉求数。'],
    (x) => x.lost,
  ),
  s(
    'createdInInterval',
    'cases',
    ['Cases raised in the interval', '期间新增诉求'],
    ['Cases raised since the snapshot before (a day in the app).', '自上一快照以来新提出的诉求数（应用中为一天）。'],
    (x) => x.createdInInterval,
  ),
  s(
    'closedInInterval',
    'cases',
    ['Cases closed in the interval', '期间办结诉求'],
    ['Cases closed since the snapshot before (a day in the app).', '自上一快照以来办结的诉求数（应用中为一天）。'],
    (x) => x.closedInInterval,
  ),
  same('localResolutionShare', (x) => x.localResolutionShare),
  s(
    'costYuan',
    'yuan',
    ['Administrative cost so far', '累计行政成本'],
    [
      'Posts and running costs of the days so far, plus overtime and failure demand produced by the run; residents’ delay not included.',
      '至今的编制和运行费用，加上运行产生的加班和失败需求；不含居民的延误成本。',
    ],
    (x) => x.costYuan,
  ),
  same('cost.perCaseYuan', (x) => (x.closed > 0 ? x.costYuan / x.closed : NaN)),
  same('trust.mean', (x) => x.trustMean),
  s(
    'bypassShare',
    'share',
    ['Bypass to hotline or petition in the interval', '期间绕过网格（热线、信访）占比'],
    [
      'Cases raised through the hotline or by petition, as a share of the cases raised in the interval.',
      '期间通过热线或信访提出的诉求占新增诉求的比例。',
    ],
    (x) => x.bypassShareInInterval,
  ),
  same('sla.accept30m', (x) => x.sla.accept30m),
  same('sla.onsite1h', (x) => x.sla.onsite1h),
  same('sla.close24h', (x) => x.sla.close24h),
  same('sla.difficult5wd', (x) => x.sla.difficult5wd),
];

export const SERIES_METRIC_BY_ID = new Map(SERIES_METRICS.map((x) => [x.id, x]));
export const DEFAULT_SERIES_METRICS = ['open', 'closedInInterval', 'localResolutionShare', 'sla.close24h', 'trust.mean'];

/** A per-tier series: its unit, words and where a snapshot keeps it. */
export interface TierSeriesInfo {
  unit: string;
  label: string;
  labelZh: string;
  definition: string;
  definitionZh: string;
  pick: (x: Snapshot) => readonly number[];
}

const tier = (unit: string, label: Words, definition: Words, pick: (x: Snapshot) => readonly number[]): TierSeriesInfo => ({
  unit,
  label: label[0],
  labelZh: label[1],
  definition: definition[0],
  definitionZh: definition[1],
  pick,
});

/** The per-tier series, by field: `levels[<tier id>].<field>`. */
export const TIER_SERIES: Record<string, TierSeriesInfo> = {
  queued: tier(
    'cases',
    ['Cases queued', '排队诉求'],
    ['Cases waiting for the tier’s staff.', '等待该层级处理的诉求数。'],
    (x) => x.queuedByTier,
  ),
  present: tier(
    'cases',
    ['Cases present', '在办诉求'],
    [
      'Cases queued, in service, on their way to the tier or waiting for departments’ parts.',
      '该层级排队、在办、转交途中或等待部门协办的诉求数。',
    ],
    (x) => x.presentByTier,
  ),
  utilisation: tier(
    'share',
    ['Staff utilisation in the interval', '期间人员利用率'],
    ['Busy share of the staff time available during the interval.', '期间可用人员时间中忙碌的比例。'],
    (x) => x.utilisationByTier,
  ),
  utilisationWeek: tier(
    'share',
    ['Staff utilisation over the last 7 days', '近7天人员利用率'],
    [
      'Busy share of the staff time available over the last 7 days, which smooths out nights and weekends.',
      '近7天可用人员时间中忙碌的比例，可抹平夜间和周末的波动。',
    ],
    (x) => x.utilisationWeekByTier,
  ),
  closed: tier(
    'cases',
    ['Closed here so far', '累计在此办结'],
    ['Cases closed at the tier since the run began.', '运行开始以来在该层级办结的诉求数。'],
    (x) => x.closedAtTier,
  ),
};
const PER_TIER = /^levels\[([^\]]+)\]\.(\w+)$/;

/** The id of a per-tier series. */
export const tierSeriesId = (tierId: string, field: string): string => `levels[${tierId}].${field}`;

/** A series metric by id, or undefined. A tier absent from a structure reads as NaN. */
export function seriesMetricInfo(id: string): SeriesMetricInfo | undefined {
  const known = SERIES_METRIC_BY_ID.get(id);
  if (known) return known;
  const m = PER_TIER.exec(id);
  if (!m || !Object.hasOwn(TIER_SERIES, m[2])) return undefined;
  const f = TIER_SERIES[m[2]];
  const tierId = m[1];
  return {
    id,
    unit: f.unit,
    label: `${f.label}, ${tierId}`,
    labelZh: `${tierId} ${f.labelZh}`,
    definition: `${tierId}: ${f.definition}`,
    definitionZh: `${tierId}：${f.definitionZh}`,
    get: (x, tiers) => {
      const i = tiers.indexOf(tierId);
      return i < 0 ? NaN : (f.pick(x)[i] ?? NaN);
    },
  };
}

export const SERIES_ID_HINT = `a series metric id (${SERIES_METRICS.map((x) => x.id).join(', ')}), or levels[<tier id>].<${Object.keys(TIER_SERIES).join('|')}>`;

/** A figure of a whole series (what no end-of-run summary keeps), with its words. */
export interface SeriesStatInfo {
  id: string;
  /** The series it is taken over. */
  of: string;
  stat: 'max';
  unit: string;
  label: string;
  labelZh: string;
  definition: string;
  definitionZh: string;
}

/** The peak backlog: most cases open at once during the run. */
export const PEAK_OPEN = 'open.peak';

export const SERIES_STATS: SeriesStatInfo[] = [
  {
    id: PEAK_OPEN,
    of: 'open',
    stat: 'max',
    unit: 'cases',
    label: 'Most cases open at once (peak backlog)',
    labelZh: '同时未办结诉求的峰值（积压峰值）',
    definition: 'The largest number of cases open at the end of any day of the run.',
    definitionZh: '运行期间每天结束时未办结诉求数的最大值。',
  },
];

/** A series statistic by id, or undefined. */
export function seriesStat(id: string): SeriesStatInfo | undefined {
  return SERIES_STATS.find((x) => x.id === id);
}

/** A series statistic of a series' values (NaN for none). */
export function seriesStatOf(info: SeriesStatInfo, values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x));
  if (!v.length) return NaN;
  switch (info.stat) {
    case 'max':
      return v.reduce((a, b) => Math.max(a, b), -Infinity);
  }
}
