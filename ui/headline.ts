/**
 * The headline figures of a live run, per structure (render/headline.ts writes them). While
 * a run goes, figures come from what the charts already receive (the latest snapshot and
 * frame; times to close of closed cases). When the run's summary was fetched for the same
 * moment (the app fetches it when the run pauses, steps or ends), its figures are shown,
 * with times to close counting open cases (Kaplan–Meier): computing those every frame would
 * cost a summary per frame.
 */
import type { Summary } from '../sim/observe/metrics.ts';
import type { Headline } from '../render/headline.ts';
import type { RunData } from './run-data.ts';

/** Whether a summary belongs to the latest snapshot of a run (same counts of cases). */
export function summaryMatches(d: RunData, s: Summary | undefined): s is Summary {
  const k = d.day.length - 1;
  return !!s && k >= 0 && s.cases.created === d.created[k] && s.cases.closed === d.closed[k] && s.cases.lost === d.lost[k];
}

/** The headline figures of a run so far; undefined before its first snapshot. */
export function headlineOf(d: RunData | undefined, summary?: Summary): Headline | undefined {
  const k = (d?.day.length ?? 0) - 1;
  if (!d || k < 0) return undefined;
  const km = summaryMatches(d, summary);
  if (km) {
    // The summary of this very moment: its figures, open cases counted in the times to close.
    const s = summary;
    return {
      day: d.day[k],
      localShare: s.localResolutionShare,
      p50: s.hoursToCloseAll.p50,
      p90: s.hoursToCloseAll.p90,
      km,
      meanClosed: s.cases.closed > 0 ? s.hoursToClose.mean : NaN,
      sla: { ...s.sla },
      costPerCase: s.cost.perCaseYuan,
      trust: s.trust.mean,
    };
  }
  const h = d.last?.hoursToClose;
  const sla = d.sla[k];
  return {
    day: d.day[k],
    localShare: d.localResolutionShare[k],
    p50: h && h.mean >= 0 ? h.p50 : NaN,
    p90: h && h.mean >= 0 ? h.p90 : NaN,
    km,
    meanClosed: h && h.mean >= 0 ? h.mean : NaN,
    sla: { accept30m: sla[0], onsite1h: sla[1], close24h: sla[2], difficult5wd: sla[3] },
    costPerCase: d.closed[k] > 0 ? d.costYuan[k] / d.closed[k] : NaN,
    trust: d.trustMean[k],
  };
}
