/**
 * The headline figures of a live run, per structure (render/headline.ts writes them). While
 * a run goes, figures come from what the charts already receive: the latest value of the
 * catalogue series that is each metric as it stands (sim/observe/series.ts), and times to
 * close of the cases closed so far from the latest frame. When the run's summary was fetched
 * for the same moment (the app fetches it when the run pauses, steps or ends), every figure
 * is the summary's, read through the catalogue, with times to close counting open cases
 * (Kaplan–Meier): computing those every frame would cost a summary per frame.
 */
import type { Summary } from '../sim/observe/metrics.ts';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { SERIES_METRICS } from '../sim/observe/series.ts';
import { headlineMetrics, type Headline } from '../render/headline.ts';
import type { RunData } from './run-data.ts';

/** Whether a summary belongs to the latest snapshot of a run (same counts of cases). */
export function summaryMatches(d: RunData, s: Summary | undefined): s is Summary {
  return (
    !!s &&
    d.length > 0 &&
    s.cases.created === d.latest('created') &&
    s.cases.closed === d.latest('closed') &&
    s.cases.lost === d.latest('lost')
  );
}

/** A metric's value from the frames so far: the series that is that metric, or the frame's times to close of closed cases. */
function liveValue(d: RunData, id: string): number {
  if (SERIES_METRICS.some((s) => s.metric === id)) return d.latest(id);
  const h = d.last?.hoursToClose;
  const closed = !!h && h.mean >= 0;
  if (id === 'hoursToClose.mean') return closed ? h.mean : NaN;
  if (id === 'hoursToClose.p50') return closed ? h.p50 : NaN;
  if (id === 'hoursToClose.p90') return closed ? h.p90 : NaN;
  return NaN;
}

/** The headline figures of a run so far; undefined before its first snapshot. */
export function headlineOf(d: RunData | undefined, summary?: Summary): Headline | undefined {
  if (!d || d.length === 0) return undefined;
  const km = summaryMatches(d, summary);
  const day = d.day[d.length - 1];
  const ids = headlineMetrics(km);
  const values = Object.fromEntries(ids.map((id) => [id, km ? METRIC_BY_ID.get(id)!.get(summary) : liveValue(d, id)]));
  // A mean of no closed case is no figure.
  if (km && summary.cases.closed === 0) values['hoursToClose.mean'] = NaN;
  return { day, km, values };
}
