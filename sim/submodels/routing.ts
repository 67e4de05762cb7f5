/**
 * Routing: where a case goes next. Each rule decides and returns its decision; the kernel
 * (sim/kernel/flow.ts) carries it out.
 *
 * - A case reported through the grid starts at the resident's grid office; a call or a
 *   petition starts at the hotline.
 * - A level resolves a case whose difficulty its competence covers (sim/submodels/competence.ts),
 *   else examines it and passes it up: to the level above, or — with the digital platform —
 *   straight to the lowest level able to resolve it (Garicano's routing by difficulty).
 * - At the department tier, general cases go to the department owning their domain;
 *   collaborative and difficult ones to the governance centre if there is one, which splits
 *   them into one part per department and coordinates them, else to the owning department.
 * - The hotline dispatches to the lowest competent level (petitions to the department tier):
 *   by the platform, or down through every level above the target.
 * - Every hand-off has a delay, a chance the case is returned to its sender and a chance it
 *   is lost (control loss, sim/submodels/control-loss.ts); they are decided on arrival.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import { GENERAL, CH_PETITION, lowestBit } from '../kernel/cases.ts';
import type { CompiledModel } from '../kernel/compile.ts';
import { F_CONTACT, ST_COORD, ST_EXAMINE, ST_HOTLINE, ST_PART, ST_SOLVE, ST_TRIAGE, type JobTable } from '../kernel/jobs.ts';
import { durationSampler, type Sampler } from '../random/duration.ts';
import type { Random } from '../random/rng.ts';
import { unitOf } from './residence.ts';
import { infoKeptDown, infoKeptUp } from './control-loss.ts';

/** What an office does with a case that arrives: queue it for the stage set, pass it on untouched, or split it. */
export const ACT_QUEUE = 0;
export const ACT_RELAY = 1;
export const ACT_FORK = 2;

/** What happens to a case when a hand-off arrives. */
export const HANDOFF_ARRIVED = 0;
export const HANDOFF_RETURNED = 1;
export const HANDOFF_LOST = 2;

/** A hand-off decided: where to, after how long, with what chances of return and loss, and the information it keeps. */
export interface Hop {
  to: number;
  delay: number;
  returnProb: number;
  lostProb: number;
  infoKept: number;
}

export class Router {
  /** The decision of the last forward() or dispatch(), reused so that routing allocates nothing. */
  readonly hop: Hop = { to: 0, delay: 0, returnProb: 0, lostProb: 0, infoKept: 1 };
  private readonly platformDelay: Sampler;
  private readonly hotlineDispatch: Sampler;
  private readonly levelForward: Sampler[];

  constructor(
    private readonly model: CompiledModel,
    private readonly scenario: Scenario,
    private readonly jobs: JobTable,
    private readonly random: Random,
  ) {
    this.platformDelay = durationSampler(scenario.platform.dispatchDelay, random);
    this.hotlineDispatch = durationSampler(scenario.hotline.dispatchDelayPerLevel, random);
    this.levelForward = scenario.levels.map((l) => durationSampler(l.forward.delay, random));
  }

  /** Which office of tier `tier` serves job j's resident (levels), or its entry at the department tier. */
  officeAt(j: number, tier: number): number {
    const m = this.model;
    if (tier < m.levelCount) {
      const g = m.groups[tier];
      // The unit of this level where the resident lives.
      return g.firstOffice + unitOf(this.jobs.resident[j], this.scenario.population.microGrids, g.offices);
    }
    // Department tier: general cases go to the owning department; the others to the centre
    // if there is one, else to the owning department, which coordinates them.
    if (this.jobs.type[j] !== GENERAL && m.centreOffice >= 0) return m.centreOffice;
    const dom = lowestBit(this.jobs.domains[j]);
    return m.groups[m.deptGroup0 + m.domainOwner[dom]].firstOffice;
  }

  /** A level × domain table (sim/submodels/competence.ts) for job j at level `tier`: the least over the domains it needs. */
  leastOver(table: Float64Array, j: number, tier: number): number {
    const row = tier * this.model.domainCount;
    let mask = this.jobs.domains[j];
    // Most cases need one domain.
    if ((mask & (mask - 1)) === 0) return table[row + lowestBit(mask)];
    let z = Infinity;
    for (let d = 0; mask !== 0; d++, mask >>>= 1) if (mask & 1 && table[row + d] < z) z = table[row + d];
    return z;
  }

  /** What level `tier` can resolve of job j at best (the platform routes by it). */
  thresholdFor(j: number, tier: number): number {
    return this.leastOver(this.model.knowledge.threshold, j, tier);
  }

  /** Whether the worker who takes job j at level `tier` knows how to resolve it (the senior, or a junior). */
  knows(j: number, tier: number, senior: boolean): boolean {
    const k = this.model.knowledge;
    return this.jobs.z[j] <= this.leastOver(senior ? k.best : k.junior, j, tier);
  }

  /** Lowest tier above `from` whose competence covers the job (the department tier if none). */
  competentTier(j: number, from: number): number {
    const z = this.jobs.z[j];
    const L = this.model.levelCount;
    for (let t = from + 1; t < L; t++) if (!this.model.groups[t].relay && this.thresholdFor(j, t) >= z) return t;
    return this.model.deptTier;
  }

  /** Job j arrives at an office of group gi: set the stage it will be served for, and say what to do. */
  onArrival(j: number, gi: number): number {
    const m = this.model;
    const g = m.groups[gi];
    const jobs = this.jobs;
    if (g.kind === 'level') {
      if (g.relay) return ACT_RELAY;
      // Beyond the level's powers it is passed up untried; otherwise a worker tries it.
      jobs.stage[j] = jobs.z[j] <= this.leastOver(m.knowledge.cap, j, g.tier) ? ST_SOLVE : ST_EXAMINE;
    } else if (g.kind === 'hotline') {
      if (!(jobs.flags[j] & F_CONTACT)) jobs.stage[j] = ST_HOTLINE;
    } else if (g.kind === 'centre') {
      if (jobs.pending[j] === 0 && jobs.stage[j] !== ST_COORD) jobs.stage[j] = ST_TRIAGE;
    } else if (jobs.parent[j] >= 0) {
      jobs.stage[j] = ST_PART;
    } else if (jobs.type[j] !== GENERAL) {
      // No centre: the owning department splits the case into parts and coordinates them.
      return ACT_FORK;
    } else {
      jobs.stage[j] = ST_SOLVE;
    }
    return ACT_QUEUE;
  }

  /** Passing job j up from level `tier`: by the platform to the lowest competent level, or to the next level up. */
  forward(j: number, tier: number): Hop {
    const s = this.scenario;
    const hop = this.hop;
    hop.infoKept = infoKeptUp(s, tier, s.platform.enabled);
    if (s.platform.enabled) {
      hop.to = this.officeAt(j, this.competentTier(j, tier));
      hop.delay = this.platformDelay();
      hop.returnProb = s.platform.returnProb;
      hop.lostProb = s.platform.lostProb;
    } else {
      const l = s.levels[tier];
      hop.to = this.officeAt(j, tier + 1 < this.model.levelCount ? tier + 1 : this.model.deptTier);
      hop.delay = this.levelForward[tier]();
      hop.returnProb = l.forward.returnProb;
      hop.lostProb = l.forward.lostProb;
    }
    return hop;
  }

  /** The hotline dispatches job j: petitions to the department tier, others to the lowest competent level. */
  dispatch(j: number): Hop {
    const s = this.scenario;
    const hop = this.hop;
    // A petition goes where petitions go: the letters-and-visits work of the city, at the
    // department tier (the centre, or the owning department), never down to a grid worker.
    const target = this.jobs.channel[j] === CH_PETITION ? this.model.deptTier : this.competentTier(j, -1);
    hop.infoKept = s.platform.enabled ? infoKeptUp(s, 0, true) : infoKeptDown(s, target);
    if (s.platform.enabled || target === this.model.deptTier) {
      hop.to = this.officeAt(j, target);
      hop.delay = s.platform.enabled ? this.platformDelay() : this.hotlineDispatch();
      hop.returnProb = s.platform.enabled ? s.platform.returnProb : 0;
      hop.lostProb = s.platform.enabled ? s.platform.lostProb : 0;
      return hop;
    }
    // Without a platform the case passes down through every level above its target.
    let delay = 0;
    let keep = 1;
    let keepLost = 1;
    for (let t = this.model.levelCount - 1; t >= target; t--) {
      delay += this.hotlineDispatch();
      keep *= 1 - s.levels[t].forward.returnProb;
      keepLost *= 1 - s.levels[t].forward.lostProb;
    }
    hop.to = this.officeAt(j, target);
    hop.delay = delay;
    hop.returnProb = 1 - keep;
    hop.lostProb = 1 - keepLost;
    return hop;
  }

  /**
   * An overdue case waiting at level `tier` climbs: with the platform, to the governance centre
   * if there is one (the platform escalates overdue cases, 000), else as when passed up.
   */
  escalate(j: number, tier: number): Hop {
    const s = this.scenario;
    const m = this.model;
    if (!s.platform.enabled || m.centreOffice < 0) return this.forward(j, tier);
    const hop = this.hop;
    hop.infoKept = infoKeptUp(s, tier, true);
    hop.to = m.centreOffice;
    hop.delay = this.platformDelay();
    hop.returnProb = 0;
    hop.lostProb = s.platform.lostProb;
    return hop;
  }

  /** Delay of sending a department's part of a split case (by the platform, if there is one). */
  partDelay(): number {
    return this.scenario.platform.enabled ? this.platformDelay() : 0;
  }

  /** What becomes of a hand-off of job j on arrival: it arrives, is returned to its sender, or is lost. */
  handOff(j: number): number {
    const u = this.random();
    const lost = this.jobs.lostProb[j];
    if (u < lost) return HANDOFF_LOST;
    if (u < lost + this.jobs.returnProb[j]) return HANDOFF_RETURNED;
    return HANDOFF_ARRIVED;
  }

  /** The departments a case needing the domains in `mask` involves, in domain order. */
  departmentsOf(mask: number): number[] {
    const out: number[] = [];
    const owner = this.model.domainOwner;
    for (let d = 0; mask !== 0; d++, mask >>>= 1) {
      if (mask & 1) {
        const o = owner[d];
        if (!out.includes(o)) out.push(o);
      }
    }
    return out;
  }
}
