/** Shocks: time-bounded surges and absences, named (typhoon, epidemic …) or given field by field. */
import { z } from 'zod';
import { num } from './fields.ts';

export const shockSchema = z
  .strictObject({
    kind: z
      .enum(['typhoon', 'epidemic', 'demolition', 'staffShortage'])
      .optional()
      .meta({ description: 'A named shock whose parameters fill the fields not given (scenarios/shocks.ts).' }),
    name: z.string().min(1).meta({ description: 'Name of the shock (typhoon, epidemic…).' }),
    startDay: num('First day of the shock (0 = first simulated day).', 'day', 0, 0, 100_000),
    days: num('Length of the shock.', 'days', 7, 0, 100_000),
    demandMultiplier: num('Multiplier on the rate at which residents raise problems.', '×', 1, 0, 100),
    fieldShare: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(null)
      .meta({ unit: 'share', description: 'Share of field cases during the shock; null keeps the normal share.' }),
    difficultyMultiplier: num('Multiplier on case difficulty during the shock (harder cases).', '×', 1, 0.01, 100),
    capacityMultiplier: num('Multiplier on available staff during the shock (absence).', '×', 1, 0, 10),
    appliesTo: z
      .array(z.string())
      .default([])
      .meta({ description: 'Ids of levels/departments whose capacity it changes; empty means all.' }),
  })
  .meta({ description: 'A time-bounded change to demand or capacity.' });
export type Shock = z.infer<typeof shockSchema>;
