/**
 * Service: how long each piece of work takes at an office, whether staff go on site and how
 * far they travel (Larson & Odoni's distance to the nearest base), and how many servers an office group runs. Work is drawn from the
 * group's duration distributions (sim/random/duration.ts): solving a case (× the work of its
 * type), examining it before passing it up or asking, the senior's answer to a question
 * (Garicano's h), triage, a department's part, coordination.
 *
 * Staff work at full speed; how many are on duty follows their hours (below).
 */
import type { Duration, Scenario } from '../../scenarios/schema.ts';
import { CH_DISCOVERED } from '../kernel/cases.ts';
import { ST_ASK, ST_COORD, ST_CONTACT, ST_EXAMINE, ST_HOTLINE, ST_PART, ST_SOLVE, ST_TRIAGE } from '../kernel/jobs.ts';
import { durationSampler, type Sampler } from '../random/duration.ts';
import type { Random } from '../random/rng.ts';

/** Mean distance to the nearest of N bases over area A on a street grid (Larson & Odoni): 0.63·√(A/N). */
export const LARSON_ODONI = 0.63;

/** One-way travel, in minutes, from the nearest of `bases` bases over `areaKm2` at `speedKmh`. */
export function travelMinutes(areaKm2: number, bases: number, speedKmh: number): number {
  return ((LARSON_ODONI * Math.sqrt(areaKm2 / bases)) / speedKmh) * 60;
}

/**
 * Servers of one office of group g now. Its x case staff on duty (fractional, from hours:
 * sim/submodels/workload.ts) run as ⌊x⌋ workers at full speed all through the open hours and
 * one more during a share frac(x) of them (`partTimePresent`): a part-time post removes hours,
 * it does not slow anyone. Out of hours, ⌈x × onCallShare⌉ staff on call take field cases.
 * Surge staff (floating posts, at their contract hours) and a shock's multiplier change x.
 */
export function caseStaffNow(g: ServiceGroup, surge: boolean, capacityMultiplier: number): number {
  const extra = surge ? g.surgeCaseStaffPerOffice : 0;
  return g.relay ? 0 : Math.max(0, g.caseStaff + extra) * capacityMultiplier;
}

/** Whole workers on duty now for x case staff: in hours ⌊x⌋ plus the part-time one while present; on call ⌈x × onCallShare⌉. */
export function serversNow(x: number, open: boolean, partTimePresent: boolean, onCallShare: number): number {
  if (open) return Math.floor(x + EPSILON) + (partTimePresent ? 1 : 0);
  const c = x * onCallShare;
  return c > EPSILON ? Math.ceil(c - EPSILON) : 0;
}

/** The part of x case staff that is one worker present part of the time (0 if none). */
export function partTimeShare(x: number): number {
  const f = x - Math.floor(x + EPSILON);
  return f > EPSILON ? f : 0;
}

/** What the service rules read of an office group (sim/kernel/compile.ts Group). */
export interface ServiceGroup {
  tier: number;
  relay: boolean;
  caseStaff: number;
  surgeCaseStaffPerOffice: number;
  onCallShare: number;
  travelMinutes: number;
  visitsSite: boolean;
  solve: Duration;
  examine: Duration;
}

/** Rounding tolerance for staff counts (a whole number of staff computed in floating point). */
const EPSILON = 1e-9;

/** The work of each stage, drawn from the service stream. */
export class Service {
  private readonly solve: Sampler[];
  private readonly examine: Sampler[];
  private readonly help: Sampler;
  /** Work multiplier by case type: general, collaborative, difficult. */
  private readonly workByType: Float64Array;

  constructor(
    groups: readonly ServiceGroup[],
    private readonly scenario: Scenario,
    random: Random,
  ) {
    this.solve = groups.map((g) => durationSampler(g.solve, random));
    this.examine = groups.map((g) => durationSampler(g.examine, random));
    this.help = durationSampler(scenario.mechanisms.help, random);
    const d = scenario.demand;
    this.workByType = Float64Array.of(1, d.collaborativeWork, d.difficultWork);
  }

  /**
   * Minutes of work for `stage` at group gi on a case of type `type` needing `departments`
   * departments over `domains` domains (coordination only), at full speed.
   */
  minutes(stage: number, gi: number, type: number, departments: number, domains: number): number {
    switch (stage) {
      case ST_SOLVE:
      case ST_PART:
        return this.solve[gi]() * this.workByType[type];
      case ST_EXAMINE:
        return this.examine[gi]();
      case ST_HOTLINE:
      case ST_TRIAGE:
      case ST_CONTACT:
        return this.solve[gi]();
      case ST_COORD:
        return this.coordinationMinutes(departments, domains);
      case ST_ASK:
        return this.help();
    }
    return 0;
  }

  /** Whether the work of `stage` is done on site for a field case. */
  onSite(stage: number, g: ServiceGroup, field: boolean): boolean {
    if (!field) return false;
    return stage === ST_SOLVE || stage === ST_PART || (stage === ST_EXAMINE && g.visitsSite);
  }

  /** One-way travel to the site: none for a grid worker who found the problem on patrol (already there). */
  travelTo(g: ServiceGroup, channel: number): number {
    return g.tier === 0 && channel === CH_DISCOVERED ? 0 : g.travelMinutes;
  }

  /**
   * Coordination of a collaborative case: per extra department, and per extra domain handled
   * between modules of one department. Without modules, every domain counts as its own department.
   */
  coordinationMinutes(departments: number, domains: number): number {
    const depts = this.scenario.levers.modules ? departments : domains;
    const c = this.scenario.centre;
    return c.coordinationPerDepartment * Math.max(0, depts - 1) + c.moduleHandoff * Math.max(0, domains - depts);
  }
}
