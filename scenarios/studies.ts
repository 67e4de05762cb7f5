/**
 * The two studies scenarios/README.md reports, as experiments built from the presets:
 *
 * - layers: the number of middle-level units between the city and Longgang's 102
 *   communities (0, 9, 14, 26, 51, 102; the 300 posts of Longgang 2021's governance units
 *   shared among them), at 1×, 2× and 4× demand: where the trade-off between layers and
 *   spans bends.
 * - ablation: from the pre-reform county, each reform alone and all together, paired on
 *   common random numbers.
 */
import type { ExperimentInput } from '../workers/experiment.ts';
import { loadPreset } from './presets.ts';
import type { Scenario } from './schema.ts';

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
    metrics: ['hoursToCloseAll.mean', 'hoursToClose.p90', 'hoursToCloseAll.p90', 'localResolutionShare', 'sla.close24h', 'backlog.overdue', 'cost.perCaseYuan', 'cost.variablePerCaseYuan', 'trust.mean'],
  };
}

type Reform = (s: Scenario) => void;

/** Each reform as a change to a structure (the pre-reform county, or one already changed). */
export const REFORMS: Record<string, Reform> = {
  'remove the town layer': (s) => {
    s.levels = s.levels.filter((l) => l.kind !== 'intermediate');
  },
  'send cadres down': (s) => {
    s.levers.cadresSentDown = 0.7;
    s.levers.cadreTimeShare = 0.2;
  },
  'digital platform': (s) => {
    s.platform.enabled = true;
    s.platform.infoKept = 0.99;
  },
  'big departments': (s) => {
    // Longgang 2021's 15 broad organs, with the county's department posts, and modules.
    const lg = loadPreset('longgang-2021').departments;
    const posts = (ds: Scenario['departments']) => ds.reduce((a, d) => a + d.staff, 0);
    const k = posts(s.departments) / posts(lg);
    s.departments = lg.map((d) => ({ ...d, staff: d.staff * k, bases: 1 }));
    s.levers.modules = true;
  },
  'one enforcement team': (s) => {
    s.levers.oneEnforcement.enabled = true;
  },
  'one seal': (s) => {
    s.levers.oneSeal.enabled = true;
  },
};

export function ablationStudy(replications: number, days: number): ExperimentInput {
  const base = loadPreset('traditional-county');
  const variant = (label: string, reforms: Reform[]) => {
    const s = structuredClone(base);
    for (const r of reforms) r(s);
    s.id = 'ablation';
    return { label, scenario: s };
  };
  // Big departments first in "all": the one-seal and one-enforcement levers then act on the
  // broad organs, as they did in Longgang.
  const all = ['big departments', ...Object.keys(REFORMS).filter((k) => k !== 'big departments')];
  return {
    name: 'reforms one at a time',
    structures: [
      variant('pre-reform county', []),
      ...Object.entries(REFORMS).map(([k, r]) => variant(k, [r])),
      variant('all together', all.map((k) => REFORMS[k])),
    ],
    replications,
    days,
    metrics: ['hoursToCloseAll.mean', 'localResolutionShare', 'sla.close24h', 'cost.annualYuan', 'trust.mean', 'staff.cityPosts', 'organs.total'],
  };
}

/** The seeds' figures the model's results are checked against (never inputs). */
export function calibrationStudy(replications: number, days: number): ExperimentInput {
  return {
    name: 'calibration against the seeds',
    structures: [
      { label: 'traditional county', preset: 'traditional-county' },
      { label: 'Longgang 2021', preset: 'longgang-2021' },
    ],
    replications,
    days,
    metrics: [
      'localResolutionShare', 'sla.accept30m', 'sla.onsite1h', 'sla.close24h', 'sla.difficult5wd',
      'hoursToCloseAll.mean', 'cost.annualYuan', 'staff.cityPosts', 'organs.total', 'trust.mean',
    ],
  };
}
