/**
 * Residents' rules. Each resident keeps a trust level in [0, 1] that moves with their own
 * cases: closed on time it rises, closed late, returned or lost it falls, and — when
 * residents respond (mechanisms.residentsRespond) — every day a case stays open past its
 * deadline lowers it too, and may bring a repeat contact (failure demand) or a petition.
 * Trust sets how a resident reports a new problem: through the grid, by going round it
 * (hotline, petition), or not at all.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { Random } from '../random/rng.ts';

export const OUTCOME_ON_TIME = 1;
export const OUTCOME_LATE = -1;
export const OUTCOME_LOST = -2;

/** Trust after a case ends with `outcome`; `bounced` if it was returned on the way or redone. */
export function trustAfter(r: Scenario['residents'], t: number, outcome: number, bounced: boolean): number {
  if (outcome === OUTCOME_ON_TIME) t += r.trustUp * (1 - t);
  else if (outcome === OUTCOME_LATE) t -= r.trustDown * t;
  else t -= r.trustLost * t;
  if (bounced) t -= r.trustBounced * t;
  return t;
}

/** Trust after one more day of waiting past a deadline. */
export function trustAfterWaitingDay(r: Scenario['residents'], t: number): number {
  return t - r.waitingTrustPerDay * t;
}

export const REPORT_GRID = 0;
export const REPORT_HOTLINE = 1;
export const REPORT_PETITION = 2;
export const REPORT_SILENT = 3;

/**
 * How a resident with trust t reports a problem, from two uniforms u (channel) and v
 * (petition or call). `mayStaySilent` is false for a problem that resurfaces: it is raised.
 */
export function reportChannel(r: Scenario['residents'], t: number, u: number, v: () => number, mayStaySilent = true): number {
  const pBypass = r.bypassBase + r.bypassLowTrust * (1 - t);
  const pSilent = mayStaySilent ? r.silentBase + r.silentLowTrust * (1 - t) : 0;
  if (u < pBypass) return v() < r.petitionShare * (1 - t) ? REPORT_PETITION : REPORT_HOTLINE;
  if (u < pBypass + pSilent) return REPORT_SILENT;
  return REPORT_GRID;
}

/** Chance a day that a resident with trust t, whose case is overdue, contacts again. */
export function repeatContactChance(r: Scenario['residents'], t: number): number {
  return r.repeatContactPerDay * (1 - t);
}

/** Chance that a repeat contact is a petition rather than a call. */
export function petitionChance(r: Scenario['residents'], t: number): number {
  return r.petitionShare * (1 - t);
}

/** What a resident whose case is overdue does on a day: nothing, call again, or petition. */
export const WAIT_NOTHING = 0;
export const WAIT_CALL = 1;
export const WAIT_PETITION = 2;

/** The residents: each one's trust, moved by the rules above. */
export class Residents {
  readonly trust: Float32Array;
  /** Sum of trust over residents (kept as trust changes). */
  trustSum: number;

  constructor(
    private readonly rules: Scenario['residents'],
    count: number,
    private readonly streams: { residents: Random; waiting: Random },
  ) {
    this.trust = new Float32Array(count).fill(rules.initialTrust);
    this.trustSum = count * Math.fround(rules.initialTrust);
  }

  get count(): number {
    return this.trust.length;
  }

  /** How resident r reports a new problem (REPORT_*); a resurfacing problem is always raised. */
  channelOf(r: number, mayStaySilent = true): number {
    const rng = this.streams.residents;
    return reportChannel(this.rules, this.trust[r], rng(), rng, mayStaySilent);
  }

  /** Resident r's case ended with `outcome` (OUTCOME_*), returned or redone on the way if `bounced`. */
  afterOutcome(r: number, outcome: number, bounced: boolean): void {
    if (!this.rules.feedback) return;
    const before = this.trust[r];
    this.trust[r] = trustAfter(this.rules, before, outcome, bounced);
    this.trustSum += this.trust[r] - before;
  }

  /** Resident r waits one more day past a deadline: trust falls, and they may contact again (WAIT_*). */
  waitingDay(r: number): number {
    const before = this.trust[r];
    const t = trustAfterWaitingDay(this.rules, before);
    this.trust[r] = t;
    this.trustSum += this.trust[r] - before;
    const rng = this.streams.waiting;
    if (rng() >= repeatContactChance(this.rules, t)) return WAIT_NOTHING;
    return rng() < petitionChance(this.rules, t) ? WAIT_PETITION : WAIT_CALL;
  }
}
