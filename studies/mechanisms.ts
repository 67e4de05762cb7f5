/**
 * The mechanisms study: the reform's before and after with each mechanism switched off in
 * turn, and what each contributes to the difference (mechanismEffects).
 */
import type { ExperimentInput } from '../experiments/experiment.ts';
import type { ExperimentResult } from '../experiments/results.ts';
import { pairedDifference, type Interval } from '../experiments/stats.ts';

/** The mechanisms a scenario can switch off, with the module that holds each rule. */
export const MECHANISMS = [
  { id: 'competence', name: 'competence follows resources', module: 'sim/submodels/competence.ts' },
  { id: 'workload', name: 'layers and spans cost staff time', module: 'sim/submodels/workload.ts' },
  { id: 'controlLoss', name: 'control loss at each hand-off', module: 'sim/submodels/control-loss.ts' },
  { id: 'residentsRespond', name: 'residents respond while they wait', module: 'sim/submodels/residents.ts' },
  { id: 'askForHelp', name: 'workers who do not know ask their senior', module: 'sim/submodels/competence.ts' },
  { id: 'escalateOverdue', name: 'overdue cases climb', module: 'sim/submodels/routing.ts' },
  { id: 'hurry', name: 'staff hurry under backlog', module: 'sim/kernel/flow.ts' },
] as const;

/** The default comparison the mechanisms are switched off on: before the reform and after it. */
export const MECHANISM_PAIR = ['longgang-town-2018', 'longgang-2021'] as const;

/** The metrics the mechanisms study reports, with the closed-cases-only metric each honest one replaces (if any). */
export const MECHANISM_METRICS: { id: string; closedOnly?: string }[] = [
  { id: 'hoursToCloseAll.mean', closedOnly: 'hoursToClose.mean' },
  { id: 'localResolutionShare', closedOnly: 'localShareOfClosed' },
  { id: 'sla.close24h' },
  { id: 'cost.perCaseYuan' },
];

/** Label of a structure in the mechanisms study: preset and which switch is off. */
export const mechanismLabel = (preset: string, off: string | null) => `${preset}${off ? ` without ${off}` : ''}`;

/**
 * The default comparison with every mechanism on, then with each switched off in turn
 * (both structures at once), paired on common random numbers.
 */
export function mechanismsStudy(replications: number, days: number): ExperimentInput {
  const configs: (string | null)[] = [null, ...MECHANISMS.map((m) => m.id)];
  return {
    name: 'mechanisms switched off',
    structures: configs.flatMap((off) =>
      MECHANISM_PAIR.map((preset) => ({
        preset,
        label: mechanismLabel(preset, off),
        ...(off ? { overrides: { [`mechanisms.${off}`]: false } } : {}),
      })),
    ),
    replications,
    days,
    metrics: MECHANISM_METRICS.flatMap((m) => (m.closedOnly ? [m.id, m.closedOnly] : [m.id])),
  };
}

/** Longgang 2021 less Longgang town 2018, paired over replications, for each mechanism switched off. */
export interface MechanismEffect {
  /** The switch (`mechanisms.<id>`), or null for all on / for the honest metrics, which have no switch. */
  switch: string | null;
  name: string;
  module: string;
  /** Per metric: the paired difference (b − a) with its 95% interval; undefined where it does not apply. */
  differences: Record<string, Interval | undefined>;
}

export function mechanismEffects(out: Pick<ExperimentResult, 'rows'>): MechanismEffect[] {
  const values = (label: string, metric: string) => {
    const rows = out.rows.filter((r) => r.structure === label && r.metric === metric).sort((a, b) => a.replication - b.replication);
    if (rows.length === 0) throw new Error(`mechanisms: no result for ${label}, ${metric}`);
    return rows.map((r) => r.value);
  };
  const diff = (off: string | null, metric: string) =>
    pairedDifference(values(mechanismLabel(MECHANISM_PAIR[0], off), metric), values(mechanismLabel(MECHANISM_PAIR[1], off), metric));
  const effect = (off: string | null, name: string, module: string): MechanismEffect => ({
    switch: off ? `mechanisms.${off}` : null,
    name,
    module,
    differences: Object.fromEntries(MECHANISM_METRICS.map((m) => [m.id, diff(off, m.id)])),
  });
  return [
    effect(null, 'all mechanisms on', '—'),
    ...MECHANISMS.map((m) => effect(m.id, m.name, m.module)),
    {
      switch: null,
      name: 'honest metrics (replaced by closed cases only)',
      module: 'sim/observe/metrics.ts, sim/observe/survival.ts',
      differences: Object.fromEntries(MECHANISM_METRICS.map((m) => [m.id, m.closedOnly ? diff(null, m.closedOnly) : undefined])),
    },
  ];
}
