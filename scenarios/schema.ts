/**
 * The scenario schema: the one source of truth for every parameter of flatgov.
 *
 * Each number carries its unit, default, range and a one-line description in its
 * metadata (`.meta({ unit, description })`), from which validation messages, the JSON
 * Schema file and the app's controls are all derived. Defaults marked ASSUMPTION are not
 * in the source documents (see docs/ODD.md); each says why it was chosen.
 */
import { z } from 'zod';

/** Current schema version. A scenario written for another version is refused by name. */
export const SCHEMA_VERSION = 1;

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
 * What a level can resolve, derived from what it has (Garicano: knowledge is acquired by
 * people). See sim/submodels/competence.ts for the rule: Z = min(powersCeiling × powers,
 * knowledgePerLog × ln(1 + expertise / expertiseScale)), expertise = staff × training
 * (+ cadres sent down in their own domains, + platform support).
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
  })
  .nullable()
  .default(null)
  .meta({
    description:
      'Competence from resources: when given, the level’s threshold is computed from its staff, training, cadres sent down, powers and the platform (sim/submodels/competence.ts) instead of `threshold`.',
    descriptionZh:
      '按资源计算办结能力：给出时，本层级的办结门槛由人员、培训、下沉干部、权限和平台计算（sim/submodels/competence.ts），不再用 threshold。',
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
    leadersFieldDay: bool(
      'Leaders’ field day ("Tuesday, no meetings", 000): department and centre staff gain one day in five of meeting time for cases (casework share + 20% of the rest).',
      false,
      '领导“周二无会日”（000）：部门和治理中心人员把五分之一的会议时间用于办件。',
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
        trustUp: num('Share of the way to full trust gained when a case closes on time. ASSUMPTION.', 'share', 0.05, 0, 1, {
          a: { range: [0.02, 0.1], reasoning: 'Trust rises slowly after good service; a factor of two either way.' },
        }),
        trustDown: num('Share of trust lost when a case closes late. ASSUMPTION.', 'share', 0.15, 0, 1, {
          a: { range: [0.08, 0.25], reasoning: 'Losses weigh more than gains (about three times), within a factor of two.' },
        }),
        trustBounced: num('Extra share of trust lost when a case was returned on the way. ASSUMPTION.', 'share', 0.05, 0, 1, {
          a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
        }),
        trustLost: num('Share of trust lost when a case is lost. ASSUMPTION.', 'share', 0.4, 0, 1, {
          a: { range: [0.2, 0.6], reasoning: 'A lost case costs much trust; a factor of 1.5 either way.' },
        }),
        bypassBase: num('Chance a resident with full trust goes straight to the hotline. ASSUMPTION.', 'share', 0.05, 0, 1, {
          a: { range: [0.02, 0.1], reasoning: 'A factor of two either way.' },
        }),
        bypassLowTrust: num('Extra chance of bypass at zero trust (scales with 1 − trust). ASSUMPTION.', 'share', 0.35, 0, 1, {
          a: { range: [0.2, 0.45], reasoning: 'Distrustful residents often bypass the grid; the sum with the silence chances stays ≤ 1.' },
          zh: '信任为零时额外绕过网格（打热线）的概率，随 1 − 信任度变化。假设。',
        }),
        silentBase: num('Chance a resident with full trust does not report a problem. ASSUMPTION.', 'share', 0.1, 0, 1, {
          a: {
            range: [0.05, 0.15],
            reasoning: 'Victim and service surveys find 5–15% of problems go unreported even by satisfied residents.',
          },
        }),
        silentLowTrust: num('Extra chance of not reporting at zero trust. ASSUMPTION.', 'share', 0.2, 0, 1, {
          a: { range: [0.1, 0.3], reasoning: 'A factor of 1.5 either way.' },
        }),
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
          'Mean time after which a problem nobody reported or found is raised again by the resident (it stays a problem, does not vanish). ASSUMPTION.',
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
        knowledgePerLog: num(
          'Difficulty a level can resolve per e-fold of its expertise (Garicano’s knowledge: each doubling of trained staff adds the same reach). ASSUMPTION: 1, the simplest scale.',
          'difficulty',
          1,
          0,
          100,
          { a: { range: [0.7, 1.3], reasoning: '±30% around the simplest scale.' } },
        ),
        expertiseScale: num(
          'Expertise at which knowledge starts to pay (the 1 in ln(1 + e/scale)). ASSUMPTION: one trained worker.',
          'staff-equivalents',
          1,
          0.01,
          1000,
          { a: { range: [0.5, 2], reasoning: 'Half to two trained workers.' } },
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
          'Expertise a cadre sent down brings in the domains of the department they come from (they know its rules and people). ASSUMPTION.',
          'staff-equivalents',
          1.5,
          0,
          100,
          { a: { range: [0.5, 3], reasoning: 'Half to three trained workers’ worth: cadres know their department’s rules and people.' } },
        ),
        platformSupport: num(
          'Expertise the digital platform adds to every office that uses it (case records, a knowledge base, experts a message away). ASSUMPTION.',
          'staff-equivalents',
          0.5,
          0,
          100,
          { a: { range: [0, 1], reasoning: 'None to one trained worker’s worth.' } },
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
  if (r.bypassBase + r.bypassLowTrust + r.silentBase + r.silentLowTrust > 1)
    issue(
      ['residents'],
      `expected bypassBase + bypassLowTrust + silentBase + silentLowTrust ≤ 1, got ${r.bypassBase + r.bypassLowTrust + r.silentBase + r.silentLowTrust}`,
    );
  const targets = new Set([...sc.levels.map((l) => l.id), ...sc.departments.map((d) => d.id), 'centre', 'hotline']);
  sc.shocks.forEach((sh, i) =>
    sh.appliesTo.forEach((t, j) => {
      if (!targets.has(t)) issue(['shocks', i, 'appliesTo', j], `expected a level or department id, "centre" or "hotline", got "${t}"`);
    }),
  );
}
