/** Levels, from the grid up to the level below the departments: their offices, staff, what their workers know and may decide, and how they pass cases on. */
import { z } from 'zod';
import { bool, dur, id, num, staffedUnit } from './fields.ts';

const forwardSchema = z
  .strictObject({
    delay: dur(60, 'exp'),
    returnProb: num('Chance a forwarded case is returned to the sender to be redone (control loss). ASSUMPTION.', 'share', 0.03, 0, 0.9, {
      a: {
        range: [0.5, 2],
        scale: true,
        reasoning:
          'Halved to doubled: no source counts returns between levels; studies of Chinese hotline referrals report a few per cent.',
      },
      zh: '上交的诉求被退回重办的概率（控制损失）。假设。',
    }),
    lostProb: num('Chance a forwarded case is lost on the way (control loss). ASSUMPTION.', 'share', 0.002, 0, 0.5, {
      a: {
        range: [0.5, 2],
        scale: true,
        reasoning: 'Halved to doubled: losses are rare and unrecorded; the presets’ 0.1–0.2% is an order of magnitude.',
      },
    }),
    infoKept: num(
      'Share of the information about a case that survives the hand-off (Williamson’s α; control loss). The level that finally resolves the case gets it wrong, and must redo it, with chance 1 − (product of α over the hops it took). 1 turns the rule off. ASSUMPTION.',
      'share',
      1,
      0.01,
      1,
      {
        a: { range: [0.9, 0.99], reasoning: 'Williamson’s control-loss models use α between 0.9 and 0.99 per hierarchical link.' },
        zh: '转交时保留的诉求信息比例（Williamson 的 α，控制损失）。最终办理的层级以 1 −（各次转交 α 之积）的概率办错返工。1 表示关闭此规则。假设。',
      },
    ),
  })
  .meta({ description: 'What happens when a case is passed up from this level.' });

/**
 * What a level's workers know and what it may decide (Garicano: knowledge is held by people).
 * See sim/submodels/competence.ts: a worker knows cases up to knowledgePerTraining × training
 * (the office's senior, whom the others ask, seniorFactor times as much, plus cadres sent down
 * in their own domains and the platform's knowledge base); powers cap what the level may
 * resolve whoever knows it.
 */
export const competenceSchema = z
  .strictObject({
    training: num(
      'Training of this level’s own staff, in staff-equivalents per post (1 = a trained full-function worker). ASSUMPTION.',
      '×',
      1,
      0,
      10,
      {
        a: { range: [0.75, 1.25], scale: true, reasoning: '±25% of each level’s training: no source measures it.' },
        zh: '本层级人员的培训程度，按每个岗位折合的标准人员计（1 = 受过全科培训的工作人员）。假设。',
      },
    ),
    powers: num(
      'Share of the powers needed to close local cases that this level holds by law or by list (devolved functions, admission and power lists). It caps what the level may resolve, whatever its staff know.',
      'share',
      0.5,
      0,
      1,
      {
        zh: '本层级依法或依清单持有的、办结基层诉求所需权限的比例（下放职能、准入清单、权力清单）。无论人员能力多强，权限封顶其可办结的难度。',
      },
    ),
    powersByDomain: z.record(id, z.number().min(0).max(1)).default({}).meta({
      unit: 'share',
      description:
        'Powers in particular domains, where the law or a list gives this level more or fewer than `powers` (e.g. the 95 township functions devolved to communities by law, 000). Domains not listed have `powers`.',
    }),
  })
  .nullable()
  .default(null)
  .meta({
    description:
      'Competence from resources: when given, what each of the level’s workers knows follows their training, cadres sent down and the platform, and what the level may decide follows its powers, instead of a fixed hardest case it resolves.',
    descriptionZh:
      '按资源计算办结能力：给出时，本层级每位工作人员掌握的知识取决于培训、下沉干部和平台，可决定的事项取决于权限，不再使用固定的可办结最大难度。',
  });

export const levelSchema = z
  .strictObject({
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    nameZh: z.string().optional().meta({ description: 'Display name in Chinese.' }),
    kind: z
      .enum(['grid', 'community', 'intermediate'])
      .default('intermediate')
      .meta({ description: 'grid and community levels count as local resolution.' }),
    units: num('Number of offices at this level (grids, communities, towns…).', 'offices', 1, 1, 1_000_000, {
      int: true,
      zh: '本层级的机构数（网格、社区、乡镇……）。',
    }),
    staffPerUnit: num(
      'Staff per office. 0 makes a relay that forwards without handling (e.g. a zone with no fixed staff).',
      'posts',
      5,
      0,
      100_000,
      { zh: '每个机构的人员。0 表示只转交不办理的中转层（如无固定编制的片区）。' },
    ),
    ...staffedUnit,
    threshold: z.number().min(0).nullable().default(null).meta({
      unit: 'difficulty',
      description: 'Competence Z: cases with difficulty up to Z are resolved here (Garicano). null: no limit.',
      descriptionZh: '办结能力 Z：难度不超过 Z 的诉求在本层级办结（Garicano）。null 表示不设上限。',
    }),
    competence: competenceSchema,
    burdenOnBelowHoursPerWeek: num(
      'Administrative work each office of this level puts on every office below it: reports, meetings, inspections, campaigns ("上面千条线，下面一根针", 003). It is taken from the case time of those below. ASSUMPTION.',
      'h/week per office below',
      0,
      0,
      168,
      {
        a: {
          range: [0.5, 2],
          scale: true,
          factor: 'layerBurden',
          reasoning: 'Halved to doubled: reports of ‘上面千条线’ describe the burden, not its hours.',
        },
        zh: '本层级每个机构给其下每个机构摊派的行政事务（报表、会议、检查、活动，“上面千条线，下面一根针”，003），占用下级办件时间。假设。',
      },
    ),
    spanHoursPerUnitPerWeek: num(
      'Time each office of this level spends on each office it supervises (instructions, inspections, replies, assessment): a wider span leaves less time for cases. ASSUMPTION.',
      'h/week per subordinate office',
      0,
      0,
      168,
      {
        a: { range: [0.5, 2], scale: true, factor: 'layerSpan', reasoning: 'Halved to doubled: supervision time is not recorded.' },
        zh: '本层级每个机构对其管理的每个下级机构所花的时间（布置、检查、答复、考核）：管理幅度越大，办件时间越少。假设。',
      },
    ),
    solve: dur(60),
    examine: dur(15),
    visitsSite: bool('Whether staff go on site for every field case they handle, even to pass it on (grid patrols do).', false),
    travel: bool('Whether field cases handled here need travel from the office (Larson–Odoni distance).', true),
    forward: forwardSchema.prefault({}),
    operatingCostPerUnitYuan: num('Annual operating cost of one office (premises, vehicles, IT). ASSUMPTION.', 'yuan/year', 0, 0, 1e10, {
      a: {
        range: [0.5, 1.5],
        scale: true,
        factor: 'officeOperatingCost',
        reasoning: '±50%: premises and vehicle costs are not published.',
      },
    }),
    cadresPerUnit: num(
      'City cadres sent down to work in each office, besides its own staff; they handle cases and remain city posts.',
      'posts',
      0,
      0,
      100_000,
    ),
    cadreDomains: z.record(id, z.number().min(0).max(100_000)).default({}).meta({
      unit: 'posts',
      description:
        'Cadres sent down per office by the case domain they know (their department’s domains); they raise competence in those domains only. Set by the lever “cadres sent down to communities”.',
    }),
    cadreCostPerPostYuan: num(
      'Annual cost of a cadre sent down: they keep their city pay. ASSUMPTION: the departments’ cost per post.',
      'yuan/year',
      150_000,
      0,
      10_000_000,
      { a: { range: [0.8, 1.25], scale: true, reasoning: 'As the cost of a post.' } },
    ),
    surgeStaffPerUnit: num(
      'Staff lent to each office while a demand shock is on (floating posts); they are counted and paid where they come from (the departments’ posts lent in surges).',
      'posts',
      0,
      0,
      100_000,
    ),
    cityPosts: bool(
      'Whether its staff hold city (or county) administrative and public-institution posts (编制), as town and street staff do; community and grid workers do not.',
      false,
    ),
    patrol: z
      .strictObject({
        discoveryProb: num('Chance that patrol finds a problem residents did not report.', 'share', 0, 0, 1),
        meanMinutes: num('Mean time from problem to its discovery on patrol.', 'min', 1440, 1, 1e6),
      })
      .default({ discoveryProb: 0, meanMinutes: 1440 })
      .meta({ description: 'Patrol: grid workers find unreported problems.' }),
  })
  .meta({ description: 'One level of the hierarchy between residents and the city departments.' });
export type Level = z.infer<typeof levelSchema>;
