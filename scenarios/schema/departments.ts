/** City departments and the case domains they own. */
import { z } from 'zod';
import { dur, id, num, staffedUnit } from './fields.ts';

export const departmentSchema = z
  .strictObject({
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    nameZh: z.string().optional().meta({ description: 'Display name in Chinese.' }),
    staff: num(
      'Posts of the department (administrative and public-institution); casework share of them handle cases.',
      'posts',
      20,
      1,
      100_000,
      { zh: '部门编制（行政与事业）；其中按办件时间比例的人处理诉求。' },
    ),
    kind: z
      .enum(['party', 'government'])
      .default('government')
      .meta({ description: 'Party organ (党委部门) or government department (政府部门); both count as organs.' }),
    domains: z
      .array(id)
      .default([])
      .meta({ description: 'Ids of the case domains this department owns; empty for organs that take no grassroots cases.' }),
    ...staffedUnit,
    solve: dur(240),
    bases: num('Number of bases its field staff leave from.', 'bases', 1, 1, 10_000, { int: true }),
    burdenOnBelowHoursPerWeek: num(
      'Administrative work this organ puts on every office of every level below (its "line": reports, meetings, inspections, campaigns; 003). ASSUMPTION.',
      'h/week per office below',
      0,
      0,
      168,
      {
        a: {
          range: [0.5, 2],
          scale: true,
          factor: 'organBurden',
          reasoning: 'Halved to doubled: each organ’s ‘line’ is described (003), not measured.',
        },
      },
    ),
    spanHoursPerUnitPerWeek: num(
      'Time this organ spends on each office of the top level that it deals with directly (instructions, inspections, replies, assessment): 102 communities cost more than 26 units. ASSUMPTION.',
      'h/week per subordinate office',
      0,
      0,
      168,
      { a: { range: [0.5, 2], scale: true, factor: 'organSpan', reasoning: 'Halved to doubled: supervision time is not recorded.' } },
    ),
    lentInSurges: num('Posts the department lends to communities while a demand shock is on (floating posts).', 'posts', 0, 0, 100_000),
    operatingCostYuan: num('Annual operating cost of the organ. ASSUMPTION.', 'yuan/year', 0, 0, 1e11, {
      a: {
        range: [0.5, 1.5],
        scale: true,
        factor: 'organOperatingCost',
        reasoning: '±50%: organs’ operating budgets are not published by organ.',
      },
    }),
  })
  .meta({ description: 'A city (or county) department: the top of every chain.' });
export type Department = z.infer<typeof departmentSchema>;

export const domainSchema = z
  .strictObject({
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    nameZh: z.string().optional().meta({ description: 'Display name in Chinese.' }),
    weight: num('Relative frequency of cases in this domain.', 'weight', 1, 0, 1e6),
  })
  .meta({ description: 'A domain of cases (housing, safety, environment…).' });
