/**
 * Cost: what a structure costs a year, and what its load adds.
 *
 * - Set by the structure (accounting, not simulation): every post at its full cost, the
 *   running cost of organs per post (city posts only), offices' and organs' operating costs,
 *   the centre, the hotline, the platform and other costs (services bought). Cadres sent down
 *   keep their city pay; an organ with no staff costs nothing.
 * - Produced by the run: overtime (busy staff time after hours, at the post's cost × the
 *   premium), failure demand (each hotline contact and petition, repeat contacts included)
 *   and delay (each case-day past a deadline; a cost to residents, not to the administration).
 */
import type { Scenario } from '../../scenarios/schema.ts';

/** Annual cost set by the structure, yuan (of a scenario whose levers have been applied). */
export function fixedCostYuanPerYear(s: Scenario): number {
  const overhead = s.cost.organOverheadPerPostYuan;
  let fixed = s.otherCostsYuan;
  for (const l of s.levels) {
    // Staff lent in surges are counted and paid where they come from; cadres sent down keep
    // their city pay; offices of city posts (towns, units) carry an organ's running cost.
    fixed +=
      l.units *
      (l.staffPerUnit * (l.costPerPostYuan + (l.cityPosts ? overhead : 0)) +
        l.cadresPerUnit * l.cadreCostPerPostYuan +
        l.operatingCostPerUnitYuan);
  }
  // An organ whose staff have all moved elsewhere no longer exists and costs nothing.
  for (const d of s.departments) if (d.staff > 0) fixed += d.staff * (d.costPerPostYuan + overhead) + d.operatingCostYuan;
  const c = s.centre;
  if (c.enabled) fixed += c.staff * (c.costPerPostYuan + overhead) + c.operatingCostYuan;
  fixed += s.hotline.staff * s.hotline.costPerPostYuan;
  if (s.platform.enabled) fixed += s.platform.operatingCostYuan;
  return fixed;
}

/** Overtime worked so far, paid at the post's cost × the overtime premium; `minutesAt(o)` is office o's overtime. */
export function overtimeYuan(
  groups: readonly { firstOffice: number; offices: number; costPerPostYuan: number; time: { postHours: number } }[],
  minutesAt: (o: number) => number,
  premium: number,
): number {
  let yuan = 0;
  for (const g of groups) {
    const perMinute = g.time.postHours > 0 ? g.costPerPostYuan / (g.time.postHours * 52 * 60) : 0;
    for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) yuan += minutesAt(o) * perMinute * premium;
  }
  return yuan;
}

/** Failure demand: the cost of a contact that bypasses the grid (a call), and the extra of a petition. */
export function contactCostYuan(s: Scenario): number {
  return s.hotline.costPerContactYuan;
}
export function petitionCostYuan(s: Scenario): number {
  return s.hotline.petitionCostYuan;
}

/** Delay: the cost of `caseDays` case-days past deadlines. */
export function delayCostYuan(s: Scenario, caseDays: number): number {
  return caseDays * s.cost.delayYuanPerCaseDay;
}
