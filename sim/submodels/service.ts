/**
 * Service: how long each piece of work takes at an office, whether staff go on site and how
 * far they travel (Larson & Odoni's distance to the nearest base), and how many servers an office group runs. Work is drawn from the
 * group's duration distributions (sim/random/duration.ts): solving a case (× the work of its
 * type), examining it before passing it up, triage, a department's part, coordination.
 *
 * Case staff are fractional (sim/submodels/workload.ts): x case staff run as ⌈x⌉ servers
 * each working at speed x / ⌈x⌉, so that capacity is exactly x.
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { CompiledModel, Group } from '../kernel/compile.ts';
import { CH_DISCOVERED } from '../kernel/cases.ts';
import { ST_COORD, ST_CONTACT, ST_EXAMINE, ST_HOTLINE, ST_PART, ST_SOLVE, ST_TRIAGE } from '../kernel/jobs.ts';
import type { Servers } from '../kernel/offices.ts';
import { durationSampler, type Sampler } from '../random/duration.ts';
import type { Random } from '../random/rng.ts';

/** Mean distance to the nearest of N bases over area A on a street grid (Larson & Odoni): 0.63·√(A/N). */
export const LARSON_ODONI = 0.63;

/** One-way travel, in minutes, from the nearest of `bases` bases over `areaKm2` at `speedKmh`. */
export function travelMinutes(areaKm2: number, bases: number, speedKmh: number): number {
  return ((LARSON_ODONI * Math.sqrt(areaKm2 / bases)) / speedKmh) * 60;
}

/**
 * Servers for x case staff (fractional): ⌈x⌉ servers each working at speed x / ⌈x⌉, so that
 * capacity is exactly x and never rounded away to zero or up to a whole worker.
 */
export function serversFor(x: number): Servers {
  if (!(x > 1e-9)) return { servers: 0, speed: 1 };
  const k = Math.ceil(x - 1e-9);
  return { servers: k, speed: x / k };
}

/** Servers of one office of group g in and out of hours, given surge staff and a capacity multiplier. */
export function groupServers(g: Group, surge: boolean, capacityMultiplier: number): { inHours: Servers; onCall: Servers } {
  // Case staff (fractional): the office's own, plus (or less) staff moved in a surge.
  const extra = surge ? g.surgeStaffPerOffice * g.caseworkShare : 0;
  const x = g.relay ? 0 : Math.max(0, g.caseStaff + extra) * capacityMultiplier;
  return { inHours: serversFor(x), onCall: serversFor(x * g.onCallShare) };
}

/** The work of each stage, drawn from the service stream. */
export class Service {
  private readonly solve: Sampler[];
  private readonly examine: Sampler[];
  /** Work multiplier by case type: general, collaborative, difficult. */
  private readonly workByType: Float64Array;

  constructor(
    model: CompiledModel,
    private readonly scenario: Scenario,
    random: Random,
  ) {
    this.solve = model.groups.map((g) => durationSampler(g.solve, random));
    this.examine = model.groups.map((g) => durationSampler(g.examine, random));
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
    }
    return 0;
  }

  /** Whether the work of `stage` is done on site for a field case. */
  onSite(stage: number, g: Group, field: boolean): boolean {
    if (!field) return false;
    return stage === ST_SOLVE || stage === ST_PART || (stage === ST_EXAMINE && g.visitsSite);
  }

  /** One-way travel to the site: none for a grid worker who found the problem on patrol (already there). */
  travelTo(g: Group, channel: number): number {
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
