/**
 * The layers study: the number of middle-level units between the city and Longgang's 102
 * communities (0, 9, 14, 26, 51, 102; the 300 posts of Longgang 2021's governance units
 * shared among them), at 1×, 2× and 4× demand: where the trade-off between layers and
 * spans bends (scenarios/README.md reports it).
 */
import type { ExperimentInput } from '../experiments/experiment.ts';
import { loadPreset } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';

export const MIDDLE_UNITS = [0, 9, 14, 26, 51, 102];
export const DEMAND_MULTIPLIERS = [1, 2, 4];
/** Posts of Longgang 2021's governance units and basic governance committee (001: about 300). */
export const MIDDLE_POSTS = 300;

/** Longgang 2021 with n middle-level units sharing the same posts (none: communities face the city). */
export function withMiddleUnits(n: number): Scenario {
  const s = loadPreset('longgang-2021');
  const i = s.levels.findIndex((l) => l.kind === 'intermediate');
  if (n === 0) s.levels.splice(i, 1);
  else {
    s.levels[i].units = n;
    s.levels[i].staffPerUnit = MIDDLE_POSTS / n;
  }
  s.id = `middle-${n}`;
  s.name = n === 0 ? 'No middle layer' : `${n} middle units`;
  return s;
}

export function layersStudy(replications: number, days: number): ExperimentInput {
  const base = loadPreset('longgang-2021').demand.casesPerResidentYear;
  return {
    name: 'layers against spans',
    structures: MIDDLE_UNITS.map((n) => ({ label: n === 0 ? 'none' : String(n), scenario: withMiddleUnits(n) })),
    replications,
    days,
    sweep: [{ param: 'demand.casesPerResidentYear', values: DEMAND_MULTIPLIERS.map((m) => m * base) }],
    metrics: [
      'hoursToCloseAll.mean',
      'hoursToClose.p90',
      'hoursToCloseAll.p90',
      'localResolutionShare',
      'sla.close24h',
      'backlog.overdue',
      'cost.perCaseYuan',
      'cost.variablePerCaseYuan',
      'trust.mean',
    ],
  };
}
