/**
 * Residents: trust from experience, word of mouth, and how they report.
 *
 * - Each resident keeps a trust level t in [0, 1]. When one of their cases ends, t moves
 *   towards what the contact gave them: t ← t + trustLearningRate × (s − t), s = 1 if they
 *   were satisfied (closed by its deadline, not returned or redone on the way, not reopened)
 *   and 0 otherwise; a lost case costs t ← t − trustLost × t. Trust so follows experience,
 *   not its starting value.
 * - When residents respond (mechanisms.residentsRespond), every day a case stays open past
 *   its deadline lowers t (waitingTrustPerDay) and may bring a repeat contact (failure
 *   demand) or, at low trust, a petition.
 * - Word of mouth: each community has a reputation r, the satisfaction of its residents'
 *   recent cases (r ← r + reputationRate × (s − r) for each case that ends). A resident
 *   decides how to report with t_eff = (1 − wordOfMouth) × t + wordOfMouth × r.
 * - Reporting (induced demand): with t_eff a resident goes round the grid (hotline or
 *   petition) with chance bypassBase + bypassLowTrust × (1 − t_eff); of the rest, they keep
 *   a share silentBase + silentLowTrust × (1 − t_eff) to themselves, and report the others
 *   through the grid. A responsive structure that earns trust is told of more problems.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { Random } from '../random/rng.ts';
import { unitOf } from './residence.ts';

export const REPORT_GRID = 0;
export const REPORT_HOTLINE = 1;
export const REPORT_PETITION = 2;
export const REPORT_SILENT = 3;

type Rules = Scenario['residents'];

/** Trust after a contact that satisfied (s = 1) or did not (s = 0); a lost case costs more. */
export function trustAfter(r: Rules, t: number, satisfied: boolean, lost: boolean): number {
  if (lost) return t - r.trustLost * t;
  return t + r.trustLearningRate * ((satisfied ? 1 : 0) - t);
}

/** Trust after one more day of waiting past a deadline. */
export function trustAfterWaitingDay(r: Rules, t: number): number {
  return t - r.waitingTrustPerDay * t;
}

/**
 * How a resident with effective trust t reports a problem, from a uniform u (channel) and v
 * (petition or call). `mayStaySilent` is false for a problem that resurfaces: it is raised.
 */
export function reportChannel(r: Rules, t: number, u: number, v: () => number, mayStaySilent = true): number {
  const pBypass = r.bypassBase + r.bypassLowTrust * (1 - t);
  // Of the problems not taken round the grid, a share is kept to oneself.
  const pSilent = mayStaySilent ? (1 - pBypass) * (r.silentBase + r.silentLowTrust * (1 - t)) : 0;
  if (u < pBypass) return v() < r.petitionShare * (1 - t) ? REPORT_PETITION : REPORT_HOTLINE;
  if (u < pBypass + pSilent) return REPORT_SILENT;
  return REPORT_GRID;
}

/** Chance a day that a resident with trust t, whose case is overdue, contacts again. */
export function repeatContactChance(r: Rules, t: number): number {
  return r.repeatContactPerDay * (1 - t);
}

/** Chance that a repeat contact is a petition rather than a call. */
export function petitionChance(r: Rules, t: number): number {
  return r.petitionShare * (1 - t);
}

/** What a resident whose case is overdue does on a day: nothing, call again, or petition. */
export const WAIT_NOTHING = 0;
export const WAIT_CALL = 1;
export const WAIT_PETITION = 2;

/**
 * Where residents live, by (residents, cells, layout): computed once and shared, read-only, by
 * the runs of a process (experiments run the same population many times).
 */
const CELLS = new Map<string, Float64Array>();

/** The residents: each one's own trust, and each community's reputation. */
export class Residents {
  /** Each resident's own trust, from their own contacts. */
  readonly trust: Float32Array;
  /** Sum of own trust over residents (kept as trust changes). */
  trustSum: number;
  /** Reputation of each community (cell): the satisfaction of its residents' recent cases. */
  readonly reputation: Float32Array;
  /** Residents per cell; the cell a resident lives in is computed (cellOf), not stored. */
  private readonly cellCount: Float64Array;
  private readonly microGrids: number;
  private readonly cells: number;
  /** Residents whose own trust has moved from where it started, and how many per cell. */
  private readonly touched: Uint8Array;
  private readonly touchedCount: Float64Array;
  private readonly touchedList: number[] = [];

  constructor(
    private readonly rules: Rules,
    count: number,
    /** Micro-grids residents live in, and the cells (communities) word of mouth travels in. */
    layout: { microGrids: number; cells: number },
    private readonly streams: { residents: Random; waiting: Random },
  ) {
    const { microGrids, cells } = layout;
    this.trust = new Float32Array(count).fill(rules.initialTrust);
    this.trustSum = count * Math.fround(rules.initialTrust);
    this.reputation = new Float32Array(cells).fill(rules.initialTrust);
    this.microGrids = microGrids;
    this.cells = cells;
    const key = `${count}/${microGrids}/${cells}`;
    let known = CELLS.get(key);
    if (!known) {
      known = new Float64Array(cells);
      for (let r = 0; r < count; r++) known[unitOf(r, microGrids, cells)]++;
      if (CELLS.size >= 8) CELLS.delete(CELLS.keys().next().value!);
      CELLS.set(key, known);
    }
    this.cellCount = known;
    this.touched = new Uint8Array(count);
    this.touchedCount = new Float64Array(cells);
  }

  /** The cell resident r lives in (an even scatter, sim/submodels/residence.ts): arithmetic is cheaper than a lookup that misses the cache. */
  private cellOf(r: number): number {
    return unitOf(r, this.microGrids, this.cells);
  }

  private touch(r: number): void {
    if (this.touched[r]) return;
    this.touched[r] = 1;
    this.touchedCount[this.cellOf(r)]++;
    this.touchedList.push(r);
  }

  /**
   * Effective trust over residents: mean, spread and percentiles (nearest rank), exactly and in
   * time proportional to the residents who have had a contact: the others share one value per
   * community.
   */
  trustStats(ps: readonly number[]): { mean: number; sd: number; quantiles: number[] } {
    const w = this.rules.wordOfMouth;
    const start = Math.fround(this.rules.initialTrust);
    const values: number[] = [];
    const weights: number[] = [];
    for (let c = 0; c < this.reputation.length; c++) {
      const n = this.cellCount[c] - this.touchedCount[c];
      if (n > 0) {
        values.push((1 - w) * start + w * this.reputation[c]);
        weights.push(n);
      }
    }
    const list = this.touchedList;
    const own = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) own[i] = this.effectiveTrust(list[i]);
    const N = this.trust.length;
    let mean = 0;
    for (let i = 0; i < values.length; i++) mean += values[i] * weights[i];
    for (let i = 0; i < own.length; i++) mean += own[i];
    mean /= N;
    let sq = 0;
    for (let i = 0; i < values.length; i++) sq += weights[i] * (values[i] - mean) ** 2;
    for (let i = 0; i < own.length; i++) sq += (own[i] - mean) ** 2;
    // Nearest rank over two sorted runs: the communities' shared values (weighted) and the
    // residents with a contact (one each, sorted numerically).
    const shared = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    own.sort();
    const quantiles = ps.map((p) => {
      const rank = Math.max(1, Math.ceil(p * N));
      let acc = 0;
      let i = 0;
      let k = 0;
      while (i < shared.length || k < own.length) {
        if (k >= own.length || (i < shared.length && values[shared[i]] <= own[k])) {
          acc += weights[shared[i]];
          if (acc >= rank) return values[shared[i]];
          i++;
        } else {
          acc += 1;
          if (acc >= rank) return own[k];
          k++;
        }
      }
      return NaN;
    });
    return { mean, sd: Math.sqrt(sq / Math.max(1, N)), quantiles };
  }

  get count(): number {
    return this.trust.length;
  }

  /** The trust resident r acts on: their own, and what their neighbours say. */
  effectiveTrust(r: number): number {
    const w = this.rules.wordOfMouth;
    return (1 - w) * this.trust[r] + w * this.reputation[this.cellOf(r)];
  }

  /** Every resident's effective trust (a new array). */
  effectiveTrustAll(): Float32Array {
    const out = new Float32Array(this.trust.length);
    for (let r = 0; r < out.length; r++) out[r] = this.effectiveTrust(r);
    return out;
  }

  /** Mean effective trust over residents. */
  meanTrust(): number {
    const w = this.rules.wordOfMouth;
    let rep = 0;
    for (let c = 0; c < this.reputation.length; c++) rep += this.reputation[c] * this.cellCount[c];
    const n = this.trust.length;
    return (1 - w) * (this.trustSum / n) + w * (rep / n);
  }

  /** How resident r reports a new problem (REPORT_*); a resurfacing problem is always raised. */
  channelOf(r: number, mayStaySilent = true): number {
    const rng = this.streams.residents;
    return reportChannel(this.rules, this.effectiveTrust(r), rng(), rng, mayStaySilent);
  }

  /** Resident r's case ended: satisfied or not, or lost. Their trust and their community's reputation move. */
  afterOutcome(r: number, satisfied: boolean, lost: boolean): void {
    if (!this.rules.feedback) return;
    const before = this.trust[r];
    this.touch(r);
    this.trust[r] = trustAfter(this.rules, before, satisfied, lost);
    this.trustSum += this.trust[r] - before;
    const c = this.cellOf(r);
    this.reputation[c] += this.rules.reputationRate * ((satisfied && !lost ? 1 : 0) - this.reputation[c]);
  }

  /** Resident r waits one more day past a deadline: trust falls, and they may contact again (WAIT_*). */
  waitingDay(r: number): number {
    const before = this.trust[r];
    this.touch(r);
    const t = trustAfterWaitingDay(this.rules, before);
    this.trust[r] = t;
    this.trustSum += this.trust[r] - before;
    const rng = this.streams.waiting;
    if (rng() >= repeatContactChance(this.rules, t)) return WAIT_NOTHING;
    return rng() < petitionChance(this.rules, t) ? WAIT_PETITION : WAIT_CALL;
  }
}
