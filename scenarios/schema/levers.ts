/** The reform levers, each a switch with its parameters (scenarios/levers.ts applies them). */
import { z } from 'zod';
import { bool, id, num } from './fields.ts';

/**
 * Reform levers. Each maps to concrete parameter changes, applied by applyLevers()
 * (scenarios/levers.ts) before a run; the digital platform is the `platform` block.
 */
export const leversSchema = z
  .strictObject({
    cadresSentDown: num(
      'Share of agency cadres who serve in communities (000: 70%). Moves that share of each department’s agency cadres to the community level, where they handle cases; they stay city posts.',
      'share',
      0,
      0,
      1,
      { zh: '常态下沉社区服务的机关干部比例（000：70%）。将各部门该比例的机关干部移到社区层级办件，编制不变。' },
    ),
    cadreTimeShare: num(
      'Share of their working time that cadres sent down spend in communities ("常态下沉": regular service, not a transfer). The lever moves cadres × this share as post-equivalents.',
      'share',
      1,
      0,
      1,
      { zh: '下沉干部在社区服务的时间比例（“常态下沉”是经常性服务，不是调动）。按干部数 × 该比例折算岗位。' },
    ),
    agencyCadreShare: num(
      'Share of department posts that are agency cadres (机关干部), the rest being public-institution staff. ASSUMPTION.',
      'share',
      0.6,
      0,
      1,
      {
        a: {
          range: [0.4, 0.8],
          reasoning: 'Agency (行政) posts are 40–80% of a Zhejiang county department’s posts, the rest public-institution (事业) staff.',
        },
      },
    ),
    leaderShare: num(
      'Share of department and centre posts held by leaders (bureau heads, deputies, section chiefs), whose meeting time the field day frees. ASSUMPTION.',
      'share',
      0.15,
      0,
      1,
      {
        a: { range: [0.1, 0.2], reasoning: 'Leading posts (领导职数) are a tenth to a fifth of a county bureau’s posts.' },
        zh: '部门和治理中心岗位中领导岗位（局长、副局长、科长）的比例，“周二无会日”释放的是他们的会议时间。假设。',
      },
    ),
    fieldDayGain: num(
      'Share of a leader’s non-case time the field day turns into case time (one day in five without meetings: 0.2). ASSUMPTION.',
      'share',
      0.2,
      0,
      1,
      { a: { range: [0.1, 0.2], reasoning: 'At most the one day in five; less where the day is kept only in part.' } },
    ),
    leadersFieldDay: bool(
      'Leaders’ field day ("Tuesday, no meetings", 000): a rule for leaders. The leaders among department and centre posts (their share is an assumption, “share of posts held by leaders”) turn part of their non-case time into case time (the assumption “case time the leaders’ field day frees”); other posts are unchanged.',
      false,
      '领导“周二无会日”（000）：针对领导的规定。部门和治理中心岗位中的领导（其比例见假设“领导职数的比例”）把一部分非办件时间（见假设“周二无会日腾出的办件时间”）用于办件，其他岗位不变。',
    ),
    floatingPosts: num(
      'Floating posts for surges (000, 002): department posts, taken in proportion to department size, that join the community level while a demand shock is on.',
      'posts',
      0,
      0,
      100_000,
      { zh: '机动岗（000、002）：按部门规模抽调的编制，在需求冲击期间支援社区。' },
    ),
    socialOrganisations: z
      .strictObject({
        workShare: num(
          'Share of community-level work transferred to social organisations (002: 85 items; 003: 112 purchased services). Community solve times shrink by this share.',
          'share',
          0,
          0,
          0.9,
          { zh: '转给社会组织的社区工作比例（002：85项；003：112项购买服务）。社区办理时间相应缩短。' },
        ),
        annualCostYuan: num('Annual cost of the services bought from social organisations. ASSUMPTION.', 'yuan/year', 0, 0, 1e11, {
          a: { range: [0.5, 1.5], scale: true, reasoning: '±50%: the purchase budget is not published.' },
        }),
      })
      .prefault({}),
    oneSeal: z
      .strictObject({
        enabled: bool(
          'One approval bureau ("one seal", 002: 7 approving departments → 1, 17 seals → 1): the listed domains move, with the staff who handle them, to the department owning the first.',
          false,
          '一枚印章管审批（002：7个审批部门合为1个，17枚印章合为1枚）：所列领域连同办理人员并入第一个领域所属部门。',
        ),
        domains: z.array(id).default(['economy', 'land']).meta({ description: 'Domains whose approvals the one bureau takes over.' }),
        staffSaving: num(
          'Share of the approval posts moved that the one bureau no longer needs (002: 56 approval staff became 26, a saving of 0.54).',
          'share',
          0.54,
          0,
          1,
        ),
      })
      .prefault({}),
    oneEnforcement: z
      .strictObject({
        enabled: bool(
          'One enforcement team (002: 3,043 items from 9 departments in one bureau): the listed domains move, with their staff, to the department owning the first, whose field staff leave from `bases` bases.',
          false,
          '一支队伍管执法（002：9个部门3043项执法事项归一个局）：所列领域连同人员并入一个部门，外勤从多个基地出发。',
        ),
        domains: z
          .array(id)
          .default(['environment', 'construction', 'market'])
          .meta({ description: 'Domains whose enforcement the one team takes over.' }),
        bases: num('Bases of the enforcement team (002: 8 brigades + 26 joint-duty station groups).', 'bases', 34, 1, 10_000, {
          int: true,
        }),
      })
      .prefault({}),
    admissionList: num(
      'Community admission list (社区事项准入, 003): share of the administrative work pushed down from above that communities and grids may refuse.',
      'share',
      0,
      0,
      1,
      { zh: '社区事项准入清单（003）：社区和网格可拒绝的上级摊派事务比例。' },
    ),
    modules: bool(
      'Modules inside departments (002, "大科室模块化"): a collaborative case whose domains sit in one department is coordinated between its modules, with the centre’s shorter hand-off between modules, rather than as separate departments, with its coordination time per department.',
      true,
      '大科室模块化（002）：同一部门内的多个领域在模块之间协调，而不是当作不同部门协调。',
    ),
  })
  .meta({ description: 'Reform levers, each a switch or a number mapped to parameter changes.' });
export type Levers = z.infer<typeof leversSchema>;
