/**
 * Assumptions that change only what a run costs, not what happens in it, and their effect
 * applied to a finished run without running it again.
 *
 * How they were found: every field these assumptions set is read in sim/ only by the cost
 * accounting — sim/submodels/cost.ts (the annual cost set by the structure, overtime at the
 * post's cost × the premium, each hotline contact and petition, each case-day past a
 * deadline) and the ledger that calls it in sim/observe/metrics.ts — and, before the run, by
 * scenarios/levers.ts, which turns agency cadres' and social organisations' costs into pay
 * and other costs only (`grep -rn` for each field name in sim/ and scenarios/levers.ts). No
 * decision in the simulation reads a cost. cost-only.test.ts checks it on the presets: each
 * at both ends of its range leaves every figure of the summary but the costs as it was, bit
 * for bit, and the costs applied here equal the costs of the run made with it.
 *
 * A run made with the structure's own values gives, besides the costs, what they are made
 * of (`COST_PARTS`: overtime paid, hotline calls and petitions, cases closed a day); the
 * costs under other values follow from those and the scenario, by the formulas of
 * sim/submodels/cost.ts and sim/observe/summary.ts.
 */
import { MINUTES_PER_YEAR } from '../sim/kernel/compile.ts';
import { contactCostYuan, fixedCostYuanPerYear, petitionCostYuan } from '../sim/submodels/cost.ts';
import { applyAssumptions } from '../scenarios/assumptions.ts';
import { applyLevers } from '../scenarios/levers.ts';
import type { Scenario } from '../scenarios/schema.ts';

/** The assumptions that change only costs (see the module comment). */
export const COST_ONLY_ASSUMPTIONS: readonly string[] = [
  'costPerPostYuan',
  'levels[].cadreCostPerPostYuan',
  'officeOperatingCost',
  'organOperatingCost',
  'centre.operatingCostYuan',
  'platform.operatingCostYuan',
  'hotline.costPerContactYuan',
  'hotline.petitionCostYuan',
  'cost.organOverheadPerPostYuan',
  'cost.overtimePremium',
  'cost.delayYuanPerCaseDay',
  'levers.socialOrganisations.annualCostYuan',
];

export const isCostOnly = (id: string): boolean => COST_ONLY_ASSUMPTIONS.includes(id);

/** The cost metrics this module recomputes: every cost metric of the catalogue. */
export const COST_METRICS: readonly string[] = [
  'cost.annualYuan',
  'cost.fixedAnnualYuan',
  'cost.producedAnnualYuan',
  'cost.perCaseYuan',
  'cost.variablePerCaseYuan',
  'cost.delayYuan',
  'cost.overtimeYuan',
];

export const isCostMetric = (id: string): boolean => COST_METRICS.includes(id);

/** What a run's costs are made of: the metrics to ask of it besides the ones wanted. */
export const COST_PARTS = ['cost.overtimeYuan', 'contacts.failureDemand', 'petitions', 'throughputPerDay', 'cost.delayYuan'] as const;

export class CostOnlyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostOnlyError';
  }
}

/**
 * The cost metrics of a finished run under other values of the cost-only assumptions.
 * `run` is the scenario the run was made with, `parts` its COST_PARTS in order, `values`
 * the cost-only assumptions' values (an assumption left out keeps the run's). Returns the
 * value of each of `metrics` that is a cost metric (the others are NaN: take them from the
 * run).
 */
export function costsUnder(
  run: Scenario,
  parts: readonly number[],
  values: Readonly<Record<string, number>>,
  metrics: readonly string[],
  window: { days: number; warmupDays: number },
): number[] {
  for (const id of Object.keys(values))
    if (!isCostOnly(id)) throw new CostOnlyError(`${id}: not a cost-only assumption (${COST_ONLY_ASSUMPTIONS.join(', ')})`);
  const [overtime, contacts, petitions, throughputPerDay, delay] = parts;
  const now = applyAssumptions(run, values);
  const premiumRun = run.cost.overtimePremium;
  const premium = now.cost.overtimePremium;
  const postScale = values.costPerPostYuan ?? 1;
  if (overtime !== 0 && !(premiumRun > 0))
    throw new CostOnlyError('cost.overtimePremium: the run was made with no premium, so its overtime cannot be priced afresh');
  const overtimeNow = overtime === 0 ? 0 : (overtime * postScale * premium) / premiumRun;
  const failureNow = contacts * contactCostYuan(now) + petitions * petitionCostYuan(now);
  const fixed = fixedCostYuanPerYear(applyLevers(now));
  const minutes = Math.max((window.days - window.warmupDays) * 1440, 1e-9);
  const years = minutes / MINUTES_PER_YEAR;
  const closed = throughputPerDay * (minutes / 1440);
  const produced = overtimeNow + failureNow;
  const delayRun = run.cost.delayYuanPerCaseDay;
  const delayNow = delay === 0 ? 0 : delayRun > 0 ? (delay * now.cost.delayYuanPerCaseDay) / delayRun : NaN;
  const byId: Record<string, number> = {
    'cost.annualYuan': years > 0 ? fixed + produced / years : fixed,
    'cost.fixedAnnualYuan': fixed,
    'cost.producedAnnualYuan': years > 0 ? produced / years : 0,
    'cost.perCaseYuan': closed > 0 ? (fixed * years + produced) / closed : NaN,
    'cost.variablePerCaseYuan': closed > 0 ? produced / closed : NaN,
    'cost.delayYuan': delayNow,
    'cost.overtimeYuan': overtimeNow,
  };
  return metrics.map((m) => byId[m] ?? NaN);
}
