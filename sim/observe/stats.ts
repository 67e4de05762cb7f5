/**
 * The statistics of a run: every counter, sum and sample the summary is built from. They
 * start at 0 (or when a warm-up ends: a new Stats replaces the old, the cases open then
 * carried in), so that what the summary reports covers exactly the window after the warm-up.
 */
import { CHANNELS } from '../kernel/cases.ts';
import { CLOSE_HOUR_EDGES } from './histogram.ts';
import { Samples } from './samples.ts';

export class Stats {
  /** Problems residents had: raised, never reported and dropped, raised again after going unreported. */
  problems = 0;
  unreported = 0;
  resurfaced = 0;
  /** Problems reported (to the grid, the hotline or by petition) as soon as they arose. */
  reportedAtOnce = 0;
  /** Times a problem came back to its resident's mind and they kept it to themselves again. */
  keptSilent = 0;
  bounced = 0;
  reworked = 0;
  repeat = 0;
  repeatPetitions = 0;
  failureCost = 0;
  /** Case-days past deadline of cases that have ended. */
  overdueDaysEnded = 0;
  /** Times of lost cases (censored in the Kaplan–Meier estimate). */
  readonly lostHours = new Samples();
  nCreated = 0;
  nClosed = 0;
  nLost = 0;
  nHops = 0;
  nBounces = 0;
  nBypass = 0;
  nPetition = 0;
  readonly closedAtTier: Float64Array;
  readonly lostAtTier: Float64Array;
  readonly lostReason: Record<string, number> = {};
  /** The integral of open cases over time up to presentLast, and the time each case spent open in the window. */
  openArea = 0;
  presentLast: number;
  sojournSum = 0;
  readonly closeHours = new Samples();
  /** Closed cases by time to close (bins of CLOSE_HOUR_EDGES, plus one open bin). */
  readonly closeHistogram = new Float64Array(CLOSE_HOUR_EDGES.length + 1);
  /** Cases by channel (grid, discovered, hotline, petition) × where they ended: each tier, then lost. */
  readonly flows: Float64Array;
  readonly acceptHours = new Samples();
  readonly onsiteHours = new Samples();
  readonly typeCreated = [0, 0, 0];
  readonly typeClosed = [0, 0, 0];
  readonly typeHours = [0, 0, 0];
  /** Cases raised by channel, carried-in ones included. */
  readonly channel = [0, 0, 0, 0];
  /** Cases meeting / due for each target, indexed as SLA_KEYS. */
  readonly met = new Float64Array(4);
  readonly due = new Float64Array(4);
  /** Workers who asked the senior; questions the senior could not answer; questions that waited too long. */
  asked = 0;
  helpUnanswered = 0;
  helpTimedOut = 0;
  /** Overdue cases that climbed; hurried cases that came back. */
  escalated = 0;
  reopened = 0;
  /** Cases that ended (closed or lost), and those whose resident was satisfied. */
  ended = 0;
  satisfied = 0;
  /** Cases found on patrol, and the minutes their problems went unreported before. */
  discovered = 0;
  unreportedMinutes = 0;
  /** Open cases at the end of each day. */
  readonly dailyOpen = new Samples();
  /** Office time integrals and jobs served at the start of the window (subtracted in the summary). */
  readonly officeBase: { busy: Float64Array; cap: Float64Array; queue: Float64Array; overtime: Float64Array; served: Float64Array };
  /** Events processed before the window. */
  readonly eventsBase: number;

  constructor(
    /** Minutes when the window began. */
    readonly since: number,
    tiers: number,
    /** Cases open when the window began, in all and by channel. */
    readonly carriedIn: number,
    carriedByChannel: readonly number[],
    officeBase: Stats['officeBase'],
    eventsBase: number,
  ) {
    this.presentLast = since;
    this.closedAtTier = new Float64Array(tiers);
    this.lostAtTier = new Float64Array(tiers);
    this.flows = new Float64Array(CHANNELS.length * (tiers + 1));
    carriedByChannel.forEach((n, c) => (this.channel[c] = n));
    this.officeBase = officeBase;
    this.eventsBase = eventsBase;
  }

  /** Cases open now: carried in, plus created, less those that ended. */
  get open(): number {
    return this.carriedIn + this.nCreated - this.nClosed - this.nLost;
  }

  /** Bytes held by the times kept for exact percentiles. */
  samplesBytes(): number {
    return [this.closeHours, this.acceptHours, this.onsiteHours, this.lostHours].reduce((a, x) => a + x.data.byteLength, 0);
  }
}
