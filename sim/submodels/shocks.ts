/**
 * Shocks: time-bounded changes to demand and capacity (a typhoon week, an epidemic, staff
 * shortages). A shock is in force from the start of its first day (inclusive) to the start
 * of the day after its last; shocks that overlap multiply. While demand is raised, floating
 * posts join the community level (a surge).
 */
import type { Scenario } from '../../scenarios/schema.ts';
import type { CompiledModel } from '../kernel/compile.ts';

export interface ShockState {
  /** Multiplier on the rate of problems. */
  demand: number;
  /** Share of field cases. */
  field: number;
  /** Multiplier on case difficulty. */
  difficulty: number;
  /** Multiplier on each office group's staff. */
  capacity: Float64Array;
  /** Whether demand is raised (floating posts join). */
  surge: boolean;
}

function inForce(sh: Scenario['shocks'][number], t: number): boolean {
  return t >= sh.startDay * 1440 && t < (sh.startDay + sh.days) * 1440;
}

/** Everything the shocks in force at t change. */
export function shockStateAt(s: Scenario, model: CompiledModel, t: number): ShockState {
  let demand = 1;
  let field = s.demand.fieldShare;
  let difficulty = 1;
  const capacity = new Float64Array(model.groups.length).fill(1);
  for (const sh of s.shocks) {
    if (!inForce(sh, t)) continue;
    demand *= sh.demandMultiplier;
    if (sh.fieldShare !== null) field = sh.fieldShare;
    difficulty *= sh.difficultyMultiplier;
    model.groups.forEach((g, gi) => {
      if (sh.appliesTo.length === 0 || sh.appliesTo.includes(g.id)) capacity[gi] *= sh.capacityMultiplier;
    });
  }
  return { demand, field, difficulty, capacity, surge: demand > 1 };
}

/** Product of the demand multipliers of the shocks in force at t (start inclusive). */
export function demandMultiplierAt(s: Scenario, t: number): number {
  let m = 1;
  for (const sh of s.shocks) if (inForce(sh, t)) m *= sh.demandMultiplier;
  return m;
}

/** The first time strictly after t at which a shock starts or ends; Infinity if none. */
export function nextShockBoundary(s: Scenario, t: number): number {
  let best = Infinity;
  for (const sh of s.shocks) {
    const a = sh.startDay * 1440;
    const b = (sh.startDay + sh.days) * 1440;
    if (a > t && a < best) best = a;
    if (b > t && b < best) best = b;
  }
  return best;
}
