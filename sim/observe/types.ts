/**
 * What a run reports: a snapshot of the present (one per interval of the time series) and the
 * summary at the end, with their parts. Built by sim/observe/metrics.ts and summary.ts.
 */
import type { Sla } from './targets.ts';

/**
 * Upper edges (hours) of the time-to-close histogram's bins; the last bin is open. Here, in a
 * module that imports nothing, so that the app's first screen can label the bins without
 * loading the simulation.
 */
export const CLOSE_HOUR_EDGES = [0.5, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720];

export interface Snapshot {
  /** Simulated time, minutes. */
  t: number;
  day: number;
  created: number;
  closed: number;
  lost: number;
  open: number;
  /** Cases closed during the interval that ends at t. */
  closedInInterval: number;
  createdInInterval: number;
  /** Cases present at each tier (queued, in service, in transit to it, waiting for parts), by tier id. */
  presentByTier: number[];
  queuedByTier: number[];
  /** Busy share of available staff time during the interval, by tier id (NaN where no staff). */
  utilisationByTier: number[];
  /** The same over the last 7 days (or since the start), which smooths out nights and weekends. */
  utilisationWeekByTier: number[];
  closedAtTier: number[];
  /** Cases closed at grid or community level, as a share of all cases raised so far (open ones included). */
  localResolutionShare: number;
  /** Open cases now past their deadline. */
  overdue: number;
  costYuan: number;
  trustMean: number;
  bypassShareInInterval: number;
  sla: Sla;
}

export interface Percentiles {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

export interface Summary {
  scenario: string;
  seed: number | string;
  days: number;
  cases: { created: number; closed: number; open: number; lost: number };
  /** Problems residents had: raised as cases, never reported and dropped, waiting to be found or raised again, raised again after going unreported. */
  problems: { raised: number; unreported: number; awaitingDiscovery: number; resurfaced: number };
  closedAtLevel: Record<string, number>;
  lostAtLevel: Record<string, number>;
  lostByReason: Record<string, number>;
  /** Closed at grid or community level as a share of all cases raised (open and lost ones count against it). */
  localResolutionShare: number;
  /** The same as a share of closed cases only (what an office reports of its own closures). */
  localShareOfClosed: number;
  /** Time to close of closed cases only: understates times when many are still open. */
  hoursToClose: Percentiles;
  /**
   * Time to close with open cases counted (Kaplan–Meier, open cases censored at their age,
   * lost ones when lost): percentiles are NaN where not reached within the run; the mean
   * counts open cases at their age so far (a lower bound).
   */
  hoursToCloseAll: { mean: number; p50: number; p90: number };
  /** Open cases: how many, how old, how many past their deadline. */
  backlog: { open: number; meanAgeHours: number; p90AgeHours: number; overdue: number };
  /** Work redone because information was lost on the way (control loss), and failure demand. */
  rework: { redone: number; perCase: number };
  contacts: { repeat: number; repeatPetitions: number };
  /** Closed cases by hours to close: counts[i] for hours ≤ edges[i] (and above the previous); the last count is beyond the last edge. */
  closeHistogram: { edges: number[]; counts: number[] };
  hoursToAccept: Percentiles;
  hoursToOnsite: Percentiles;
  sla: Sla;
  slaCounts: Record<keyof Sla, { met: number; due: number }>;
  throughputPerDay: number;
  hopsPerCase: number;
  bouncedPerCase: number;
  byType: Record<string, { created: number; closed: number; meanHoursToClose: number }>;
  byChannel: Record<string, number>;
  /** Where the cases of each channel ended: closed at each tier (ids as closedAtLevel), lost, or still open. */
  flows: Record<string, Record<string, number>>;
  levels: Array<{
    id: string;
    name: string;
    kind: string;
    units: number;
    staff: number;
    closed: number;
    utilisation: number;
    meanQueue: number;
    meanPresent: number;
    /** Cases taken into service (a case passed on counts at each level). */
    served: number;
    /** Mean wait in queue before service (Little's law on the queue: area / served). */
    meanWaitHours: number;
    /** Share of busy staff time worked after hours finishing cases. */
    overtimeShare: number;
    /** How staff time divides, as shares of working time: own duties, burden from above, span duties, case work, idle. */
    timeUse: TimeUseShares;
    /** Busy share of all staff time: non-case work plus case work (what a time-use survey would find). */
    staffUtilisation: number;
  }>;
  departments: Array<{
    id: string;
    name: string;
    staff: number;
    served: number;
    utilisation: number;
    meanQueue: number;
    meanWaitHours: number;
    overtimeShare: number;
    timeUse: TimeUseShares;
    staffUtilisation: number;
  }>;
  staff: { total: number; byLevel: Record<string, number>; cityPosts: number };
  organs: { party: number; government: number; total: number };
  /**
   * Cost. fixedAnnualYuan: posts and running costs of the structure; overtimeYuan, failureDemandYuan
   * (hotline contacts, petitions, repeat contacts) and delayYuan (case-days past deadline) so far;
   * annualYuan: all of it per year; perCaseYuan: all of it so far per case closed.
   */
  cost: {
    annualYuan: number;
    perCaseYuan: number;
    fixedAnnualYuan: number;
    variableYuan: number;
    /** The part of cost per case that load changes: overtime, failure demand and delay, per case closed. */
    variablePerCaseYuan: number;
    overtimeYuan: number;
    failureDemandYuan: number;
    delayYuan: number;
  };
  trust: { mean: number; p10: number; p50: number };
  bypassShare: number;
  petitions: number;
  littlesLaw: { L: number; lambdaPerHour: number; WHours: number; WDoneHours: number; relativeError: number };
  conservation: { created: number; closed: number; open: number; lost: number; ok: boolean };
  events: number;
}

export interface TimeUseShares {
  ownDuties: number;
  burden: number;
  span: number;
  cases: number;
  idle: number;
}

export class ConservationError extends Error {
  constructor(detail: string) {
    super(`case conservation violated: ${detail}`);
    this.name = 'ConservationError';
  }
}
