/**
 * Time-series metrics: figures read from a snapshot (one per day or week of a run), by id.
 * Tier figures are asked for by the tier's id, as `levels[community].queued`; the tiers are
 * the scenario's levels, then its departments and centre, then the hotline.
 */
import type { Snapshot } from './metrics.ts';

export interface SeriesMetricInfo {
  id: string;
  unit: string;
  label: string;
  /** The value in a snapshot; `tiers` are the ids the snapshot's per-tier arrays follow. */
  get: (s: Snapshot, tiers: readonly string[]) => number;
}

const s = (id: string, unit: string, label: string, get: (x: Snapshot) => number): SeriesMetricInfo => ({
  id,
  unit,
  label,
  get: (x) => get(x),
});

export const SERIES_METRICS: SeriesMetricInfo[] = [
  s('created', 'cases', 'Cases created so far', (x) => x.created),
  s('closed', 'cases', 'Cases closed so far', (x) => x.closed),
  s('open', 'cases', 'Open cases', (x) => x.open),
  s('lost', 'cases', 'Cases lost so far', (x) => x.lost),
  s('createdInInterval', 'cases', 'Cases created in the interval', (x) => x.createdInInterval),
  s('closedInInterval', 'cases', 'Cases closed in the interval', (x) => x.closedInInterval),
  s('localResolutionShare', 'share', 'Closed at grid or community so far', (x) => x.localResolutionShare),
  s('costYuan', 'yuan', 'Cost so far', (x) => x.costYuan),
  s('trust.mean', 'share', 'Mean resident trust', (x) => x.trustMean),
  s('bypassShare', 'share', 'Bypass share in the interval', (x) => x.bypassShareInInterval),
  s('sla.accept30m', 'share', 'Accepted within 30 min so far (non-field)', (x) => x.sla.accept30m),
  s('sla.onsite1h', 'share', 'On site within 1 h so far (field)', (x) => x.sla.onsite1h),
  s('sla.close24h', 'share', 'Closed within 24 h so far (non-field)', (x) => x.sla.close24h),
  s('sla.difficult5wd', 'share', 'Difficult closed within 5 working days so far', (x) => x.sla.difficult5wd),
];

export const SERIES_METRIC_BY_ID = new Map(SERIES_METRICS.map((x) => [x.id, x]));
export const DEFAULT_SERIES_METRICS = ['open', 'closedInInterval', 'localResolutionShare', 'sla.close24h', 'trust.mean'];

const TIER_FIELDS: Record<string, [unit: string, label: string, pick: (x: Snapshot) => number[]]> = {
  queued: ['cases', 'Cases queued', (x) => x.queuedByTier],
  present: ['cases', 'Cases present', (x) => x.presentByTier],
  utilisation: ['share', 'Utilisation in the interval', (x) => x.utilisationByTier],
  utilisationWeek: ['share', 'Utilisation over the last 7 days', (x) => x.utilisationWeekByTier],
  closed: ['cases', 'Closed here so far', (x) => x.closedAtTier],
};
const PER_TIER = /^levels\[([^\]]+)\]\.(\w+)$/;

/** A series metric by id, or undefined. A tier absent from a structure reads as NaN. */
export function seriesMetricInfo(id: string): SeriesMetricInfo | undefined {
  const known = SERIES_METRIC_BY_ID.get(id);
  if (known) return known;
  const m = PER_TIER.exec(id);
  if (!m || !(m[2] in TIER_FIELDS)) return undefined;
  const [unit, label, pick] = TIER_FIELDS[m[2]];
  const tier = m[1];
  return {
    id,
    unit,
    label: `${label}, ${tier}`,
    get: (x, tiers) => {
      const i = tiers.indexOf(tier);
      return i < 0 ? NaN : (pick(x)[i] ?? NaN);
    },
  };
}

export const SERIES_ID_HINT = `a series metric id (${SERIES_METRICS.map((x) => x.id).join(', ')}), or levels[<tier id>].<${Object.keys(TIER_FIELDS).join('|')}>`;
