/**
 * The building blocks of the scenario schema: a field's metadata (unit, description, plausible
 * range of an assumption), numbers and switches that carry it, ids, durations, working calendars
 * and the fields every unit with staff has.
 */
import { z } from 'zod';

export interface FieldMeta {
  unit?: string;
  description: string;
  /** The description in Chinese, for fields the app shows. */
  descriptionZh?: string;
  /** For an ASSUMPTION: its plausible range. */
  assumption?: AssumptionRange;
}

/**
 * The plausible range of a parameter no source gives (marked ASSUMPTION), for uncertainty
 * and sensitivity analysis (scenarios/assumptions.ts). One draw applies to every place the
 * field occurs (every level, every organ) and to every structure compared, so that
 * comparisons stay paired.
 */
export interface AssumptionRange {
  /** Lowest and highest plausible value; with `scale`, multipliers on the scenario's own value. */
  range: [number, number];
  /** Whether the range multiplies the value each structure and office already has (keeping their differences). */
  scale?: boolean;
  /** Name of the assumption when one covers the same field in several places (e.g. caseworkShare of levels, departments, centre and hotline). */
  factor?: string;
  /** Why this range. */
  reasoning: string;
}

export function num(
  description: string,
  unit: string,
  def: number,
  min: number,
  max: number,
  opts: { int?: boolean; zh?: string; a?: AssumptionRange } = {},
) {
  let s = z.number();
  if (opts.int) s = s.int();
  return s
    .min(min)
    .max(max)
    .default(def)
    .meta({ unit, description, ...(opts.zh ? { descriptionZh: opts.zh } : {}), ...(opts.a ? { assumption: opts.a } : {}) });
}

export function bool(description: string, def: boolean, zh?: string) {
  return z
    .boolean()
    .default(def)
    .meta({ description, ...(zh ? { descriptionZh: zh } : {}) });
}

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and dashes')
  .meta({ description: 'Identifier: lower-case letters, digits and dashes.' });

/** A service-time or delay distribution, in minutes. */
export const durationSchema = z
  .strictObject({
    dist: z
      .enum(['exp', 'lognormal', 'fixed'])
      .default('lognormal')
      .meta({ description: 'Shape: exponential, lognormal (mean and coefficient of variation) or fixed.' }),
    mean: num('Mean duration.', 'min', 30, 0, 1e6, { zh: '平均时长。' }),
    cv: num('Coefficient of variation (lognormal only).', '', 1, 0, 10),
  })
  .meta({ description: 'A duration distribution in minutes.' });
export type Duration = z.infer<typeof durationSchema>;

export const dur = (mean: number, dist: 'exp' | 'lognormal' | 'fixed' = 'lognormal', cv = 1) => durationSchema.default({ dist, mean, cv });

export const calendarSchema = z
  .strictObject({
    start: num('Start of working hours, minutes after midnight.', 'min', 510, 0, 1440, { int: true }),
    end: num('End of working hours, minutes after midnight.', 'min', 1050, 0, 1440, { int: true }),
    days: z
      .array(z.number().int().min(0).max(6))
      .default([0, 1, 2, 3, 4])
      .meta({ description: 'Working days of the week, 0 = Monday … 6 = Sunday.' }),
  })
  .meta({ description: 'A weekly working calendar.' });
export type Calendar = z.infer<typeof calendarSchema>;

/** The fields of every unit with staff (levels, departments, the centre, the hotline). */
export const staffedUnit = {
  calendar: z.string().default('office').meta({ description: 'Name of the working calendar its staff keep.' }),
  caseworkShare: num('Share of staff time spent on cases (the rest: meetings, reports, other duties). ASSUMPTION.', 'share', 0.6, 0.01, 1, {
    a: {
      range: [0.8, 1.2],
      scale: true,
      factor: 'caseworkShare',
      reasoning: '±20% of each office’s share: time-use surveys of Chinese township and community staff vary that much between places.',
    },
    zh: '用于办件的时间比例（其余用于会议、报表和其他工作）。假设。',
  }),
  onCallShare: num('Share of case staff on call outside working hours, for field cases only. ASSUMPTION.', 'share', 0.1, 0, 1, {
    a: {
      range: [0.5, 1.5],
      scale: true,
      factor: 'onCallShare',
      reasoning: 'Halved to one and a half times: on-call rosters are not published.',
    },
  }),
  contractHoursPerWeek: num(
    'Hours a week one post works under contract. An office open longer than this (a 24-hour seat, a grid open every day) is covered by shifts: at any open hour, posts × contract hours ÷ open hours of them are on duty (168 makes a server of queueing theory, on duty all week). ASSUMPTION: 40, the statutory week (State Council, 1995).',
    'h/week',
    40,
    1,
    168,
    {
      a: {
        range: [40, 44],
        factor: 'contractHours',
        reasoning:
          '40 h is the statutory week since 1995; the Labour Law allows an average of up to 44, and grassroots posts often work to it.',
      },
      zh: '每个岗位按合同每周工作的小时数。开放时间长于此的机构（24小时席位、每天开放的网格）靠轮班覆盖：任一开放时刻在岗人数 = 岗位数 × 合同工时 ÷ 开放时长。假设：40小时（1995年国务院规定的标准工时）。',
    },
  ),
  costPerPostYuan: num('Full annual cost of one post (salary, benefits, overhead). ASSUMPTION.', 'yuan/year', 150_000, 0, 10_000_000, {
    a: {
      range: [0.8, 1.25],
      scale: true,
      factor: 'costPerPostYuan',
      reasoning: '−20% to +25%: the full cost of a post in Zhejiang counties (pay, benefits, pensions, overhead) is known only roughly.',
    },
  }),
};
