/**
 * The scenario schema: the one source of truth for every parameter of flatgov.
 *
 * Each number carries its unit, default, range and a one-line description in its
 * metadata (`.meta({ unit, description })`), from which validation messages, the JSON
 * Schema file and the app's controls are all derived. Defaults marked ASSUMPTION are not
 * in the source documents (see docs/ODD.md); each says why it was chosen.
 */
import { z } from 'zod';

/**
 * Current schema version. A scenario written for version 1 is migrated (scenarios/migrate.ts,
 * with a note of every change); one written for another version is refused by name.
 */
export const SCHEMA_VERSION = 2;

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

function num(
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

function bool(description: string, def: boolean, zh?: string) {
  return z
    .boolean()
    .default(def)
    .meta({ description, ...(zh ? { descriptionZh: zh } : {}) });
}

const id = z
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

const dur = (mean: number, dist: 'exp' | 'lognormal' | 'fixed' = 'lognormal', cv = 1) => durationSchema.default({ dist, mean, cv });

const calendarSchema = z
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

const staffedUnit = {
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
      'Competence from resources: when given, what each of the level’s workers knows follows their training, cadres sent down and the platform, and what the level may decide follows its powers (sim/submodels/competence.ts), instead of `threshold`.',
    descriptionZh:
      '按资源计算办结能力：给出时，本层级每位工作人员掌握的知识取决于培训、下沉干部和平台，可决定的事项取决于权限（sim/submodels/competence.ts），不再用 threshold。',
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
        'Cadres sent down per office by the case domain they know (their department’s domains); they raise competence in those domains only. Set by the cadresSentDown lever.',
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
      'Staff lent to each office while a demand shock is on (floating posts); they are counted and paid where they come from (departments’ lentInSurges).',
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
      'Leaders’ field day ("Tuesday, no meetings", 000): a rule for leaders. The leaders among department and centre posts (leaderShare) turn fieldDayGain of their non-case time into case time; other posts are unchanged.',
      false,
      '领导“周二无会日”（000）：针对领导的规定。部门和治理中心岗位中的领导（leaderShare）把 fieldDayGain 比例的非办件时间用于办件，其他岗位不变。',
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
      'Modules inside departments (002, "大科室模块化"): a collaborative case whose domains sit in one department is coordinated between its modules (centre.moduleHandoff) rather than as separate departments (centre.coordinationPerDepartment).',
      true,
      '大科室模块化（002）：同一部门内的多个领域在模块之间协调，而不是当作不同部门协调。',
    ),
  })
  .meta({ description: 'Reform levers, each a switch or a number mapped to parameter changes.' });
export type Levers = z.infer<typeof leversSchema>;

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'Version of the scenario schema.' }),
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    nameZh: z.string().optional().meta({ description: 'Display name in Chinese.' }),
    description: z.string().default('').meta({ description: 'What this structure is.' }),
    descriptionZh: z.string().optional().meta({ description: 'What this structure is, in Chinese (the app falls back to English).' }),
    notes: z.string().default('').meta({ description: 'Calibration notes: what the preset reaches and what it does not.' }),
    notesZh: z.string().optional().meta({ description: 'Calibration notes in Chinese (the app falls back to English).' }),
    sources: z
      .array(z.strictObject({ param: z.string(), seed: z.string(), fact: z.string(), factZh: z.string().optional() }))
      .default([])
      .meta({ description: 'Calibrated parameters with the seed document and fact they come from (factZh: the fact in Chinese).' }),
    assumptions: z
      .array(z.strictObject({ param: z.string(), reasoning: z.string(), reasoningZh: z.string().optional() }))
      .default([])
      .meta({ description: 'Parameters no source gives, each with its reasoning.' }),
    population: z
      .strictObject({
        residents: num('Resident population. ASSUMPTION for Longgang: about 465,000.', 'residents', 465_000, 1, 20_000_000, {
          a: { range: [0.9, 1.1], scale: true, reasoning: '±10%: registered and resident population differ by about that much.' },
          int: true,
        }),
        microGrids: num('Number of micro-grids residents live in (003: 3,229).', 'micro-grids', 3229, 1, 1_000_000, { int: true }),
        areaKm2: num('Area served. ASSUMPTION for Longgang: about 184 km².', 'km²', 184, 0.01, 100_000, {
          a: { range: [0.95, 1.05], scale: true, reasoning: '±5%: the area is known; boundaries changed slightly in 2019.' },
        }),
      })
      .default({ residents: 465_000, microGrids: 3229, areaKm2: 184 }),
    demand: z
      .strictObject({
        casesPerResidentYear: num(
          'Problems a resident raises a year. ASSUMPTION: about 0.5 (Beijing Dongcheng: 40,000 cases a month for 0.9 million people).',
          '1/resident/year',
          0.5,
          0,
          10_000,
          {
            a: {
              range: [0.6, 1.6],
              scale: true,
              reasoning:
                '0.3–0.8 per resident-year around the 0.5 default: reported grid and hotline volumes per resident in Chinese cities span that range.',
            },
            zh: '每位居民每年提出的诉求数。假设：约0.5（北京东城网格每月约4万件，约90万人）。',
          },
        ),
        frequentShare: num('Share of residents who raise problems more often than others. ASSUMPTION.', 'share', 0.1, 0, 1, {
          a: { range: [0.05, 0.2], reasoning: 'A minority of frequent callers, 5–20%, as hotline studies report.' },
        }),
        frequentMultiplier: num('How many times more often frequent residents raise problems. ASSUMPTION.', '×', 3, 1, 100, {
          a: { range: [2, 5], reasoning: 'Frequent callers call two to five times as often.' },
        }),
        fieldShare: num('Share of cases that need someone on site. ASSUMPTION.', 'share', 0.4, 0, 1, {
          a: { range: [0.3, 0.5], reasoning: '30–50%: the source gives field targets, not the share of field cases.' },
          zh: '需要有人到场处置的诉求比例。假设。',
        }),
        nightStartMinute: num(
          'Start of the night, when residents raise fewer problems (minutes after midnight). ASSUMPTION: 22:00.',
          'min',
          1320,
          0,
          1439,
          { int: true, a: { range: [1260, 1380], reasoning: '21:00 to 23:00: when hotline volumes fall off in the evening.' } },
        ),
        nightEndMinute: num('End of the night (minutes after midnight). ASSUMPTION: 07:00.', 'min', 420, 0, 1439, {
          int: true,
          a: { range: [360, 480], reasoning: '06:00 to 08:00: when hotline volumes pick up in the morning.' },
        }),
        nightFactor: num(
          'Rate of problems between 22:00 and 07:00 relative to the day (the daily total is kept). ASSUMPTION.',
          '×',
          0.2,
          0,
          1,
          { a: { range: [0.1, 0.3], reasoning: 'Night-time hotline volume is a tenth to a third of the day’s.' } },
        ),
        difficultyRate: num(
          'λ of the exponential difficulty distribution (Garicano); mean difficulty is 1/λ.',
          '1/difficulty',
          1,
          0.001,
          1000,
          { zh: '诉求难度的指数分布参数 λ（Garicano）；平均难度为 1/λ。' },
        ),
        collaborativeAbove: num('Difficulty above which a case needs several domains (collaborative).', 'difficulty', 3, 0, 1e6),
        difficultAbove: num(
          'Difficulty above which a case is difficult (5-working-day target, coordinated by the centre).',
          'difficulty',
          4,
          0,
          1e6,
        ),
        collaborativeDomainsMean: num('Mean number of domains a collaborative case needs (at least 2).', 'domains', 2.5, 2, 30),
        collaborativeWork: num('Work multiplier for collaborative cases.', '×', 1.5, 0.01, 100),
        difficultWork: num('Work multiplier for difficult cases.', '×', 3, 0.01, 100),
      })
      .prefault({}),
    domains: z.array(domainSchema).min(1).max(30).meta({ description: 'Case domains (at most 30).' }),
    residents: z
      .strictObject({
        feedback: bool('Whether residents’ trust moves with their cases’ outcomes.', true),
        initialTrust: num('Trust each resident starts with. ASSUMPTION.', 'share', 0.7, 0, 1, {
          a: { range: [0.5, 0.85], reasoning: 'Surveys of trust in local government in China give 50–85% trusting.' },
          zh: '每位居民的初始信任度。假设。',
        }),
        trustLearningRate: num(
          'How far a resident’s trust moves towards what a contact gave them (1 if satisfied: closed by the deadline, not returned, redone or reopened; 0 otherwise): t ← t + rate × (satisfaction − t). Trust thus follows experience, not its starting value. ASSUMPTION.',
          'share',
          0.2,
          0,
          1,
          {
            a: {
              range: [0.1, 0.4],
              reasoning:
                'A contact moves an opinion a tenth to two fifths of the way: studies of satisfaction with public services find the last few contacts weigh most.',
            },
            zh: '每次诉求结束后，居民信任向这次体验（满意为1：按时办结、未退回、未返工、未重开；否则为0）移动的比例。信任由经历决定，而非初始值。假设。',
          },
        ),
        wordOfMouth: num(
          'Weight of the community’s reputation (what neighbours’ recent cases gave them) against a resident’s own trust when deciding how to report a problem. ASSUMPTION.',
          'share',
          0.3,
          0,
          1,
          {
            a: {
              range: [0.1, 0.5],
              reasoning:
                'Neighbours’ experience counts for a tenth to a half: surveys of trust in local government find both own contact and hearsay matter.',
            },
            zh: '居民决定如何反映问题时，社区口碑（邻居近期诉求的体验）相对自身信任的权重。假设。',
          },
        ),
        reputationRate: num(
          'How far a community’s reputation moves towards the satisfaction of each case of its residents that ends. ASSUMPTION.',
          'share',
          0.02,
          0,
          1,
          {
            a: { range: [0.01, 0.05], reasoning: 'A community’s reputation reflects its last twenty to a hundred cases.' },
          },
        ),
        trustLost: num('Share of trust lost when a case is lost. ASSUMPTION.', 'share', 0.4, 0, 1, {
          a: { range: [0.2, 0.6], reasoning: 'A lost case costs much trust; a factor of 1.5 either way.' },
        }),
        bypassBase: num('Chance a resident with full trust goes straight to the hotline. ASSUMPTION.', 'share', 0.05, 0, 1, {
          a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
        }),
        bypassLowTrust: num('Extra chance of bypass at zero trust (scales with 1 − trust). ASSUMPTION.', 'share', 0.35, 0, 1, {
          a: { range: [0.2, 0.45], reasoning: 'Distrustful residents often bypass the grid.' },
          zh: '信任为零时额外绕过网格（打热线）的概率，随 1 − 信任度变化。假设。',
        }),
        silentBase: num(
          'Chance a resident with full trust keeps a problem they do not take round the grid to themselves. ASSUMPTION.',
          'share',
          0.1,
          0,
          1,
          {
            a: {
              range: [0.05, 0.15],
              reasoning: 'Victim and service surveys find 5–15% of problems go unreported even by satisfied residents.',
            },
          },
        ),
        silentLowTrust: num(
          'Extra chance of not reporting at zero trust (scales with 1 − trust): problems residents keep to themselves when they expect nothing to come of reporting them, and report once they do (induced demand). ASSUMPTION.',
          'share',
          0.2,
          0,
          1,
          {
            a: {
              range: [0.1, 0.6],
              reasoning:
                'From a fifth more to most problems unreported at zero trust: Beijing’s hotline took about five times as many calls once it answered them (2018–2023), most of them problems people had not reported before.',
            },
            zh: '信任为零时额外不反映问题的概率（随 1 − 信任度变化）：居民认为反映无用时自己消化的问题，信任回升后又会反映（诱发需求）。假设。',
          },
        ),
        petitionShare: num('Share of bypasses at zero trust that become petitions to higher levels. ASSUMPTION.', 'share', 0.1, 0, 1, {
          a: { range: [0.05, 0.2], reasoning: 'A factor of two either way.' },
        }),
        waitingTrustPerDay: num(
          'Share of trust a resident loses for each day one of their cases stays open past its deadline (waiting lowers trust before the case closes). ASSUMPTION.',
          'share/day',
          0,
          0,
          1,
          {
            a: { range: [0.01, 0.04], reasoning: 'Halved to doubled around the presets’ 0.02 a day.' },
            zh: '诉求超过时限仍未办结时，居民每天失去的信任比例（等待本身降低信任）。假设。',
          },
        ),
        repeatContactPerDay: num(
          'Chance a day, at zero trust, that a resident whose case is past its deadline contacts again (failure demand: a hotline call, or at low trust a petition); it scales with 1 − trust. ASSUMPTION.',
          '1/day',
          0,
          0,
          1,
          {
            a: { range: [0.1, 0.3], reasoning: 'Repeat calls about overdue cases: one every three to ten days at zero trust.' },
            zh: '信任为零时，诉求逾期的居民每天再次来电（失败需求：热线，低信任时信访）的概率，随 1 − 信任度变化。假设。',
          },
        ),
        resurfaceMeanDays: num(
          'Mean time after which a problem nobody reported or found comes back to its resident’s mind: they decide again, by their trust then, whether to raise it or keep it to themselves a while longer (it stays a problem, and grows). ASSUMPTION.',
          'days',
          30,
          0.01,
          10_000,
          { a: { range: [15, 60], reasoning: 'Two weeks to two months.' } },
        ),
        resurfaceGrowth: num(
          'Multiplier on a problem’s difficulty when it resurfaces after going unreported (problems left alone grow). ASSUMPTION.',
          '×',
          1,
          1,
          10,
          { a: { range: [1.1, 1.5], reasoning: 'Problems left alone grow by 10–50%.' } },
        ),
      })
      .prefault({}),
    calendars: z
      .record(id, calendarSchema)
      .default({
        office: { start: 510, end: 1050, days: [0, 1, 2, 3, 4] },
        grid: { start: 480, end: 1200, days: [0, 1, 2, 3, 4, 5, 6] },
        always: { start: 0, end: 1440, days: [0, 1, 2, 3, 4, 5, 6] },
      })
      .meta({ description: 'Named working calendars.' }),
    levels: z.array(levelSchema).min(1).max(12).meta({ description: 'Levels from the bottom (grid) up, below the departments.' }),
    departments: z.array(departmentSchema).max(200).meta({ description: 'City departments.' }),
    centre: z
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
      .prefault({}),
    hotline: z
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
      .prefault({}),
    platform: z
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
      .prefault({}),
    travel: z
      .strictObject({
        speedKmh: num('Travel speed to field cases on the street grid. ASSUMPTION.', 'km/h', 20, 0.1, 200, {
          a: { range: [12, 30], reasoning: '12–30 km/h: scooter or car in town traffic.' },
        }),
      })
      .default({ speedKmh: 20 }),
    targets: z
      .strictObject({
        acceptMinutes: num('Non-field cases accepted within (004: 30 minutes).', 'min', 30, 0, 1e6),
        onsiteMinutes: num('Field cases on site within (004: 1 hour).', 'min', 60, 0, 1e6),
        closeHours: num('Cases closed with feedback within (004: 24 hours).', 'h', 24, 0, 1e6),
        difficultWorkingDays: num('Difficult cases closed within (004: 5 working days).', 'working days', 5, 0, 1000),
        calendar: z.string().default('office').meta({ description: 'Calendar that defines a working day.' }),
      })
      .prefault({}),
    shocks: z.array(shockSchema).default([]).meta({ description: 'Time-bounded surges and absences.' }),
    mechanisms: z
      .strictObject({
        competence: bool(
          'Competence follows resources (sim/submodels/competence.ts). Off: a level with a competence block resolves up to its powers’ ceiling alone, whatever its staff, training, cadres or platform.',
          true,
          '办结能力取决于资源（sim/submodels/competence.ts）。关闭时，有能力设定的层级只按权限上限办结，与人员、培训、下沉干部和平台无关。',
        ),
        workload: bool(
          'Layers and spans cost staff time (sim/submodels/workload.ts): burden from the layers above and time spent on each supervised office are taken from case time. Off: no burden, no span cost.',
          true,
          '层级与幅度占用人员时间（sim/submodels/workload.ts）：上级摊派和管理下级所花时间从办件时间中扣除。关闭则不计。',
        ),
        controlLoss: bool(
          'Information lost at each hand-off makes the resolving office redo work (sim/submodels/control-loss.ts). Off: α = 1 everywhere.',
          true,
          '每次转交损失信息，导致办理单位返工（sim/submodels/control-loss.ts）。关闭时 α = 1。',
        ),
        residentsRespond: bool(
          'Residents respond while they wait (sim/submodels/residents.ts): overdue cases lower trust and bring repeat contacts; unreported problems resurface. Off: trust moves only when a case ends, and unreported problems are counted and dropped.',
          true,
          '居民在等待中作出反应（sim/submodels/residents.ts）：逾期诉求降低信任并引来重复来电；未报告的问题会再次出现。关闭时信任只在诉求结束时变化。',
        ),
        askForHelp: bool(
          'Workers who know or ask (Garicano; sim/submodels/competence.ts): a worker who does not know how to resolve a case asks the office’s senior, who spends the help time on the question whether or not they know the answer, when free; unanswered within helpWaitMinutes, the worker passes the case up. Off: an office resolves what its senior knows, without asking or waiting.',
          true,
          '会则办、不会则问（Garicano）：不会办的工作人员向本机构骨干请教，骨干空闲时花费请教时间，无论能否解答；超过等待时限未获答复则上交。关闭时按骨干的知识直接办结，不需请教和等待。',
        ),
        escalateOverdue: bool(
          'Overdue cases climb (004; the platform escalates overdue cases, 000): once a day, a case still waiting in a level’s queue escalateAfterHours past its deadline is taken out and passed up — to the governance centre where there is a platform and a centre, else to the level above.',
          true,
          '逾期诉求上升（004；平台将逾期诉求升级，000）：每天一次，在某层级排队超过时限的诉求被提出并上交——有平台和治理中心时交治理中心，否则交上一级。',
        ),
        escalateAfterHours: num(
          'How long past its deadline a case waits at a level before it climbs (the platform flags it at once; it is taken away once it is this late). ASSUMPTION.',
          'h',
          24,
          0,
          10_000,
          { a: { range: [8, 48], reasoning: 'From a working day to two days past the deadline.' } },
        ),
        hurry: bool(
          'Staff hurry under backlog: when an office’s queue exceeds hurryQueuePerServer cases per server on duty, its work takes hurryFactor of the time, and a hurried case is reopened (the resident comes back) with chance hurryReopenProb.',
          true,
          '积压时赶工：某机构排队超过每名在岗人员 hurryQueuePerServer 件时，办理时间缩短为 hurryFactor，赶出来的诉求以 hurryReopenProb 的概率被重开（居民再来）。',
        ),
        knowledgePerTraining: num(
          'Difficulty up to which a worker of training 1 knows how to resolve a case (Garicano’s knowledge; difficulty is Exp(1) by default, so 2 covers 86% of cases). ASSUMPTION.',
          'difficulty',
          2,
          0,
          100,
          {
            a: {
              range: [1.5, 2.5],
              reasoning: 'A trained full-function worker resolves three quarters to nine tenths of what reaches them.',
            },
          },
        ),
        seniorFactor: num(
          'How many times a junior’s knowledge the office’s senior (its head or most experienced worker, whom the others ask) has. ASSUMPTION.',
          '×',
          1.5,
          1,
          10,
          { a: { range: [1.25, 2], reasoning: 'Community heads and section chiefs have years more experience than their staff.' } },
        ),
        help: durationSchema.default({ dist: 'exp', mean: 15, cv: 1 }).meta({
          description:
            'Time the senior spends on a question (Garicano’s h), whether or not they know the answer. ASSUMPTION: 15 minutes on average.',
        }),
        helpWaitMinutes: num(
          'How long a worker waits for the senior to take up a question before passing the case up (Jin & Levitt’s wait limit). ASSUMPTION.',
          'min',
          120,
          0,
          100_000,
          { a: { range: [60, 240], reasoning: 'An hour to half a working day.' } },
        ),
        hurryQueuePerServer: num(
          'Cases waiting per case worker on duty above which an office hurries. ASSUMPTION.',
          'cases/server',
          4,
          0,
          1000,
          { a: { range: [2, 8], reasoning: 'A morning’s work to two days’ work waiting per worker.' } },
        ),
        hurryFactor: num('Share of the usual time a hurried piece of work takes. ASSUMPTION.', 'share', 0.75, 0.1, 1, {
          a: { range: [0.6, 0.9], reasoning: 'Hurrying cuts a tenth to two fifths of the time.' },
        }),
        hurryReopenProb: num('Chance a hurried case is not truly resolved and comes back (reopened). ASSUMPTION.', 'share', 0.1, 0, 1, {
          a: { range: [0.05, 0.2], reasoning: 'One hurried case in twenty to one in five comes back.' },
        }),
        reopenAfterDays: num(
          'Mean time after which a resident comes back about a case that was not resolved. ASSUMPTION.',
          'days',
          3,
          0.01,
          1000,
          {
            a: { range: [1, 7], reasoning: 'A day to a week.' },
          },
        ),
        powersCeiling: num(
          'Difficulty a level holding all local powers (powers = 1) may resolve at most; harder cases need departments. ASSUMPTION.',
          'difficulty',
          6,
          0,
          1000,
          { a: { range: [4, 8], reasoning: 'The hardest local cases are 4–8 times the mean difficulty.' } },
        ),
        cadreExpertise: num(
          'Training-equivalents a cadre sent down adds, while present, to what the office’s most knowledgeable person knows in the domains of the cadre’s department (they know its rules and people). ASSUMPTION.',
          '×',
          0.5,
          0,
          10,
          {
            a: {
              range: [0.25, 1],
              reasoning: 'A quarter to a whole trained worker’s knowledge: cadres know their department’s rules and people.',
            },
          },
        ),
        platformSupport: num(
          'Training-equivalents the digital platform’s case records and knowledge base add to every worker of an office that uses it. ASSUMPTION.',
          '×',
          0.25,
          0,
          10,
          { a: { range: [0, 0.5], reasoning: 'None to half a trained worker’s knowledge.' } },
        ),
        minCaseTimeShare: num(
          'Share of its case time an office keeps, however much burden and span work fall on it (cases are never abandoned entirely). ASSUMPTION.',
          'share',
          0.1,
          0.01,
          1,
          { a: { range: [0.05, 0.2], reasoning: '5–20%: an office always keeps some time for cases.' } },
        ),
      })
      .prefault({})
      .meta({ description: 'The mechanisms through which structure decides the outcome, each a switch with its parameters.' }),
    cost: z
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
      .meta({ description: 'Cost terms that follow the structure and its load.' }),
    otherCostsYuan: num(
      'Other annual costs of the structure not tied to posts or offices (e.g. services bought from social organisations).',
      'yuan/year',
      0,
      0,
      1e12,
    ),
    levers: leversSchema.prefault({}),
  })
  .superRefine(checkConsistency);

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

function checkConsistency(s: z.output<z.ZodObject<any>> & Record<string, any>, ctx: z.RefinementCtx) {
  const sc = s as unknown as Scenario;
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const calendars = new Set(Object.keys(sc.calendars));
  const checkCal = (path: (string | number)[], name: string) => {
    if (!calendars.has(name)) issue(path, `expected one of the calendars ${[...calendars].join(', ')}, got "${name}"`);
  };
  for (const [name, c] of Object.entries(sc.calendars)) {
    if (c.end <= c.start) issue(['calendars', name, 'end'], `expected end (${c.end} min) after start (${c.start} min)`);
    if (c.days.length === 0) issue(['calendars', name, 'days'], 'expected at least one working day');
  }
  const ids = new Map<string, string>();
  const unique = (path: (string | number)[], v: string) => {
    if (ids.has(v)) issue(path, `expected a unique id, but "${v}" is also used at ${ids.get(v)}`);
    else ids.set(v, path.join('.'));
  };
  let prev = -Infinity;
  sc.levels.forEach((l, i) => {
    unique(['levels', i, 'id'], l.id);
    checkCal(['levels', i, 'calendar'], l.calendar);
    const staff = l.staffPerUnit + l.cadresPerUnit;
    if (staff === 0 && i === 0) issue(['levels', 0, 'staffPerUnit'], 'expected staff > 0 at the bottom level, which takes cases in');
    if (staff > 0 && staff * l.caseworkShare < 0.5)
      issue(
        ['levels', i, 'staffPerUnit'],
        `expected (staffPerUnit + cadresPerUnit) × caseworkShare ≥ 0.5 (at least one case worker), got ${staff * l.caseworkShare}`,
      );
    if (l.competence) {
      // Computed from resources (sim/submodels/competence.ts): finite, and never below the level below's.
      if (l.threshold !== null)
        issue(['levels', i, 'threshold'], 'expected null when `competence` is given (the threshold is computed from resources)');
      return;
    }
    const z = l.threshold ?? Infinity;
    if (z < prev) issue(['levels', i, 'threshold'], `expected a competence threshold ≥ the level below's (${prev}), got ${z}`);
    if (staff === 0 && z > prev && i > 0)
      issue(['levels', i, 'threshold'], `a level with no staff cannot resolve cases: expected threshold ≤ ${prev} (the level below's)`);
    prev = z;
    if (z === Infinity && i < sc.levels.length - 1)
      issue(['levels', i, 'threshold'], 'only the top level may have no competence limit (null), or give it a `competence` block');
  });
  const top = sc.levels[sc.levels.length - 1];
  const lastUnlimited = top !== undefined && top.competence === null && top.threshold === null;
  if (sc.departments.length === 0 && !lastUnlimited)
    issue(
      ['departments'],
      'expected at least one department, or a top level with no competence limit (threshold null, no competence block)',
    );
  if (sc.departments.length > 0 && lastUnlimited && sc.levels.length > 0)
    issue(
      ['levels', sc.levels.length - 1, 'threshold'],
      'expected a finite threshold or a `competence` block below the departments (null means the level resolves everything)',
    );
  const domainIds = new Set<string>();
  sc.domains.forEach((d, i) => {
    unique(['domains', i, 'id'], d.id);
    domainIds.add(d.id);
  });
  if (sc.domains.every((d) => d.weight === 0)) issue(['domains'], 'expected at least one domain with weight > 0');
  const covered = new Set<string>();
  sc.departments.forEach((d, i) => {
    unique(['departments', i, 'id'], d.id);
    checkCal(['departments', i, 'calendar'], d.calendar);
    d.domains.forEach((dom, j) => {
      if (!domainIds.has(dom)) issue(['departments', i, 'domains', j], `expected a domain id (${[...domainIds].join(', ')}), got "${dom}"`);
      covered.add(dom);
    });
  });
  if (sc.departments.length > 0)
    for (const [i, d] of sc.domains.entries())
      if (!covered.has(d.id)) issue(['domains', i], `domain "${d.id}" is covered by no department`);
  for (const lever of ['oneSeal', 'oneEnforcement'] as const)
    if (sc.levers[lever].enabled)
      sc.levers[lever].domains.forEach((d, i) => {
        if (!domainIds.has(d)) issue(['levers', lever, 'domains', i], `expected a domain id (${[...domainIds].join(', ')}), got "${d}"`);
      });
  checkCal(['centre', 'calendar'], sc.centre.calendar);
  checkCal(['hotline', 'calendar'], sc.hotline.calendar);
  checkCal(['targets', 'calendar'], sc.targets.calendar);
  if (sc.centre.enabled && sc.centre.staff * sc.centre.caseworkShare < 0.5)
    issue(['centre', 'staff'], 'expected at least one case worker (staff × caseworkShare ≥ 0.5) when the centre is enabled');
  const r = sc.residents;
  if (r.bypassBase + r.bypassLowTrust > 1)
    issue(['residents', 'bypassLowTrust'], `expected bypassBase + bypassLowTrust ≤ 1 (a chance), got ${r.bypassBase + r.bypassLowTrust}`);
  if (r.silentBase + r.silentLowTrust > 1)
    issue(['residents', 'silentLowTrust'], `expected silentBase + silentLowTrust ≤ 1 (a chance), got ${r.silentBase + r.silentLowTrust}`);
  const targets = new Set([...sc.levels.map((l) => l.id), ...sc.departments.map((d) => d.id), 'centre', 'hotline']);
  sc.shocks.forEach((sh, i) =>
    sh.appliesTo.forEach((t, j) => {
      if (!targets.has(t)) issue(['shocks', i, 'appliesTo', j], `expected a level or department id, "centre" or "hotline", got "${t}"`);
    }),
  );
}
