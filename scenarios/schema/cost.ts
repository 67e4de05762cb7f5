/** Cost terms that follow the structure and its load. */
import { z } from 'zod';
import { num } from './fields.ts';

/** Overheads, overtime and the cost of delay. */
export const costSchema = z
  .strictObject({
    organOverheadPerPostYuan: num(
      'Running cost of an organ per post it has (premises, vehicles, IT, meetings), on top of the posts’ own cost. An organ with no staff costs nothing. ASSUMPTION.',
      'yuan/year',
      0,
      0,
      1e7,
      { a: { range: [50000, 150000], reasoning: 'Half to one and a half times the 100,000 yuan default.' } },
    ),
    overtimePremium: num(
      'Cost of an hour of overtime relative to an hour of the post’s ordinary cost. ASSUMPTION (labour law: 1.5 on weekdays).',
      '×',
      1.5,
      0,
      10,
      { a: { range: [1.5, 3], reasoning: 'Labour law: 1.5 on weekdays, 2 on rest days, 3 on holidays.' } },
    ),
    delayYuanPerCaseDay: num(
      'Cost to residents and the public of each day a case stays open past its deadline (lost time, harm growing). Counted separately from the administrative cost. ASSUMPTION.',
      'yuan/day',
      0,
      0,
      1e6,
      { a: { range: [50, 500], reasoning: '50–500 yuan a day: a resident’s lost half-day to a growing harm.' } },
    ),
  })
  .prefault({})
  .meta({ description: 'Cost terms that follow the structure and its load.' });
