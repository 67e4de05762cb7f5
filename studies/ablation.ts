/** The ablation study: from the pre-reform county, each reform alone and all together, paired on common random numbers. */
import type { ExperimentInput } from '../experiments/experiment.ts';
import { loadPreset } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';

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
      variant(
        'all together',
        all.map((k) => REFORMS[k]),
      ),
    ],
    replications,
    days,
    metrics: [
      'hoursToCloseAll.mean',
      'localResolutionShare',
      'sla.close24h',
      'cost.annualYuan',
      'trust.mean',
      'staff.cityPosts',
      'organs.total',
    ],
  };
}
