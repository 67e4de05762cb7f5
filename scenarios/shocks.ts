/**
 * Named shocks any scenario can include: `{ "kind": "typhoon", "startDay": 200 }` takes
 * the typhoon's parameters, and any field given beside `kind` overrides its value. All
 * values are ASSUMPTIONS (the seeds name no figures): each says why.
 */
import type { Shock } from './schema.ts';

export type ShockKind = 'typhoon' | 'epidemic' | 'demolition' | 'staffShortage';

export const SHOCK_TEMPLATES: Record<ShockKind, Omit<Shock, 'startDay' | 'appliesTo' | 'kind'> & { why: string }> = {
  typhoon: {
    name: 'Typhoon',
    days: 5,
    demandMultiplier: 3,
    fieldShare: 0.8,
    difficultyMultiplier: 1.3,
    capacityMultiplier: 0.8,
    why: 'A coastal typhoon: three times the problems for five days, mostly field and safety cases, a fifth of staff kept away.',
  },
  epidemic: {
    name: 'Epidemic',
    days: 42,
    demandMultiplier: 1.8,
    fieldShare: 0.5,
    difficultyMultiplier: 1.2,
    capacityMultiplier: 0.7,
    why: 'Six weeks of raised demand (checks, supplies, disputes) with 30% of staff absent or redeployed.',
  },
  demolition: {
    name: 'Demolition campaign',
    days: 60,
    demandMultiplier: 1.3,
    fieldShare: 0.6,
    difficultyMultiplier: 2,
    capacityMultiplier: 1,
    why: 'Two months of a large demolition and resettlement project: harder cases, many of them collaborative or difficult.',
  },
  staffShortage: {
    name: 'Staff shortage',
    days: 90,
    demandMultiplier: 1,
    fieldShare: null,
    difficultyMultiplier: 1,
    capacityMultiplier: 0.75,
    why: 'A quarter of posts vacant for three months (hiring freeze, secondments).',
  },
};

export const SHOCK_KINDS = Object.keys(SHOCK_TEMPLATES) as ShockKind[];

/** Fill each shock that names a `kind` with its template's values, under the fields given. */
export function expandShockTemplates(input: unknown): unknown {
  if (!input || typeof input !== 'object' || !Array.isArray((input as { shocks?: unknown }).shocks)) return input;
  const s = input as { shocks: unknown[] };
  return {
    ...s,
    shocks: s.shocks.map((sh) => {
      if (!sh || typeof sh !== 'object') return sh;
      const kind = (sh as { kind?: unknown }).kind;
      if (typeof kind !== 'string' || !(kind in SHOCK_TEMPLATES)) return sh;
      const { why: _why, ...template } = SHOCK_TEMPLATES[kind as ShockKind];
      return { ...template, ...sh };
    }),
  };
}
