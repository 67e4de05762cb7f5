/**
 * Control loss (Williamson 1967): each hand-off passes on a share α of what is known about a
 * case. A case that crossed k hand-offs arrives with the product of their α; the office that
 * resolves it gets it wrong, and must redo the work, with chance 1 − that product. Redoing it
 * on the spot restores the information (the office has now seen the case first-hand).
 * Five tiers keep α⁴ of it, three keep α². With α = 1 (or the mechanism off) nothing is lost.
 */
import type { Scenario } from '../../scenarios/schema.ts';

/** α of a hand-off up from level `tier` (by hand) or by the platform. */
export function infoKeptUp(s: Scenario, tier: number, byPlatform: boolean): number {
  if (!s.mechanisms.controlLoss) return 1;
  return byPlatform ? s.platform.infoKept : s.levels[tier].forward.infoKept;
}

/** α of a hotline dispatch passed down through levels top … target (each a hand-off). */
export function infoKeptDown(s: Scenario, target: number): number {
  if (!s.mechanisms.controlLoss) return 1;
  let a = 1;
  for (let t = s.levels.length - 1; t >= Math.max(0, target); t--) a *= s.levels[t].forward.infoKept;
  return a;
}

/** Chance that work done on a case carrying information `info` must be redone. */
export function reworkChance(info: number): number {
  return 1 - info;
}
