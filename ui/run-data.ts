/**
 * What the app keeps of a running simulation, per structure: the time series received so
 * far (appended frame by frame) and the latest state of offices. Charts only read it.
 */
import type { Frame, SessionInfo } from '../workers/session.ts';

export interface RunData {
  info: SessionInfo;
  day: number[];
  created: number[];
  closed: number[];
  lost: number[];
  open: number[];
  closedInInterval: number[];
  localResolutionShare: number[];
  costYuan: number[];
  trustMean: number[];
  bypassShareInInterval: number[];
  /** Rows of [accept30m, onsite1h, close24h, difficult5wd]. */
  sla: number[][];
  utilisationByTier: number[][];
  utilisationWeekByTier: number[][];
  presentByTier: number[][];
  last?: Frame;
}

export function emptyRun(info: SessionInfo): RunData {
  return {
    info,
    day: [],
    created: [],
    closed: [],
    lost: [],
    open: [],
    closedInInterval: [],
    localResolutionShare: [],
    costYuan: [],
    trustMean: [],
    bypassShareInInterval: [],
    sla: [],
    utilisationByTier: [],
    utilisationWeekByTier: [],
    presentByTier: [],
  };
}

const rows = (a: Float64Array, n: number, w: number) => Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * w, (i + 1) * w)));

export function appendFrame(d: RunData, f: Frame): void {
  const s = f.series;
  const T = d.info.tiers.length;
  for (const k of [
    'day',
    'created',
    'closed',
    'lost',
    'open',
    'closedInInterval',
    'localResolutionShare',
    'costYuan',
    'trustMean',
    'bypassShareInInterval',
  ] as const)
    for (const v of s[k]) d[k].push(v);
  d.sla.push(...rows(s.sla, s.n, 4));
  d.utilisationByTier.push(...rows(s.utilisationByTier, s.n, T));
  d.utilisationWeekByTier.push(...rows(s.utilisationWeekByTier, s.n, T));
  d.presentByTier.push(...rows(s.presentByTier, s.n, T));
  d.last = f;
}
