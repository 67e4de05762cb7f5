/**
 * Residents' rules. Each resident keeps a trust level in [0, 1] that moves with their own
 * cases: closed on time it rises, closed late, returned or lost it falls, and — when
 * residents respond (mechanisms.residentsRespond) — every day a case stays open past its
 * deadline lowers it too, and may bring a repeat contact (failure demand) or a petition.
 * Trust sets how a resident reports a new problem: through the grid, by going round it
 * (hotline, petition), or not at all.
 */
import type { Scenario } from '../scenarios/schema.ts';

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
