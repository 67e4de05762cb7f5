/** The offices above the levels: the social governance centre, the hotline and the platform. */
import { z } from 'zod';
import { bool, dur, num, staffedUnit } from './fields.ts';

/** The social governance centre. */
export const centreSchema = z
  .strictObject({
    enabled: bool(
      'Whether a social governance centre triages and coordinates hard cases.',
      false,
      '是否由社会治理中心分拨并协调复杂、疑难诉求。',
    ),
    staff: num('Staff of the centre.', 'posts', 20, 0, 100_000),
    ...staffedUnit,
    triage: dur(30),
    coordinationPerDepartment: num('Coordination work per extra department in a collaborative case.', 'min', 120, 0, 1e5),
    moduleHandoff: num('Coordination work per extra domain handled inside one department (between its modules).', 'min', 20, 0, 1e5),
    spanHoursPerUnitPerWeek: num(
      'Time the centre spends on each office of the top level it coordinates (dispatch meetings, follow-up, assessment). ASSUMPTION.',
      'h/week per subordinate office',
      0,
      0,
      168,
      { a: { range: [0.5, 2], scale: true, reasoning: 'Halved to doubled: the centre’s dispatch meetings are not timed.' } },
    ),
    operatingCostYuan: num('Annual operating cost of the centre. ASSUMPTION.', 'yuan/year', 0, 0, 1e11, {
      a: { range: [0.5, 1.5], scale: true, reasoning: '±50%: not published.' },
    }),
  })
  .prefault({});

/** The 12345 hotline. */
export const hotlineSchema = z
  .strictObject({
    staff: num('Hotline operators (12345).', 'posts', 20, 1, 100_000, { zh: '热线（12345）接线员。' }),
    ...staffedUnit,
    triage: dur(10),
    dispatchDelayPerLevel: dur(120, 'exp'),
    costPerContactYuan: num('Extra cost of a hotline contact over a grid report. ASSUMPTION.', 'yuan', 50, 0, 1e6, {
      a: { range: [20, 100], reasoning: '20–100 yuan: an operator’s time and the call’s overhead.' },
    }),
    petitionCostYuan: num('Cost of a petition to higher levels. ASSUMPTION.', 'yuan', 3000, 0, 1e7, {
      a: {
        range: [1000, 10000],
        reasoning: '1,000–10,000 yuan: staff time of the offices that receive, forward and answer a petition.',
      },
    }),
  })
  .prefault({});

/** The digital platform. */
export const platformSchema = z
  .strictObject({
    enabled: bool(
      'Digital platform ("one network manages all"): dispatch straight to the level able to resolve.',
      false,
      '数字平台（“一网统管”）：直接派给能办结的层级，不再逐级转交。',
    ),
    dispatchDelay: dur(20, 'exp'),
    returnProb: num('Chance a platform dispatch is returned as misrouted. ASSUMPTION.', 'share', 0.01, 0, 0.9, {
      a: { range: [0.5, 2], scale: true, reasoning: 'Halved to doubled.' },
    }),
    lostProb: num('Chance a platform dispatch is lost. ASSUMPTION.', 'share', 0, 0, 0.5, {
      a: { range: [0, 0.002], reasoning: 'At most the hand-off loss of a paper referral.' },
    }),
    infoKept: num(
      'Share of a case’s information kept by a platform dispatch (the record travels with the case). ASSUMPTION.',
      'share',
      1,
      0.01,
      1,
      { a: { range: [0.97, 1], reasoning: 'The record travels with the case: little is lost.' } },
    ),
    operatingCostYuan: num('Annual cost of running the platform. ASSUMPTION.', 'yuan/year', 5_000_000, 0, 1e11, {
      a: { range: [0.5, 2], scale: true, reasoning: 'Halved to doubled: IT budgets vary widely.' },
    }),
  })
  .prefault({});
