/**
 * The metrics a user can ask for by name, each with its unit, its label and its definition in
 * English and Chinese, read from a run's summary. Experiments, exports, the command line's
 * tables, the app's headline strip, charts, story and brief all name figures from this one
 * list, so that one label always means one quantity.
 */
import type { Summary } from './metrics.ts';

export interface MetricInfo {
  id: string;
  unit: string;
  label: string;
  labelZh: string;
  /** What the figure counts, in a sentence or two (what a reader needs to tell it from a neighbour). */
  definition: string;
  definitionZh: string;
  /** Whether more is better (for colouring differences). */
  higherIsBetter: boolean;
  get: (s: Summary) => number;
}

/** Units of the catalogue's figures as a reader sees them, in English and Chinese. */
export const UNITS: Record<string, { en: string; zh: string }> = {
  share: { en: '%', zh: '%' },
  h: { en: 'h', zh: '小时' },
  yuan: { en: 'yuan', zh: '元' },
  'yuan/year': { en: 'yuan/year', zh: '元/年' },
  cases: { en: 'cases', zh: '件' },
  'cases/day': { en: 'cases/day', zh: '件/天' },
  hops: { en: 'hand-offs per case', zh: '次/件' },
  returns: { en: 'returns per case', zh: '次/件' },
  'redos/case': { en: 'redos per case', zh: '次/件' },
  contacts: { en: 'contacts', zh: '次' },
  petitions: { en: 'petitions', zh: '件' },
  organs: { en: 'organs', zh: '个' },
  posts: { en: 'posts', zh: '个' },
  staff: { en: 'staff', zh: '人' },
  problems: { en: 'problems', zh: '个' },
  questions: { en: 'questions', zh: '个' },
  '0/1': { en: '1 = yes, 0 = no', zh: '1 = 是，0 = 否' },
};

type Words = readonly [en: string, zh: string];

const m = (
  id: string,
  unit: string,
  label: Words,
  definition: Words,
  higherIsBetter: boolean,
  get: (s: Summary) => number,
): MetricInfo => ({
  id,
  unit,
  label: label[0],
  labelZh: label[1],
  definition: definition[0],
  definitionZh: definition[1],
  higherIsBetter,
  get,
});

export const METRICS: MetricInfo[] = [
  m(
    'localResolutionShare',
    'share',
    ['Closed at grid or community (of all cases raised)', '网格或社区办结占比（占全部诉求）'],
    [
      'Cases closed by a grid worker or a community, as a share of every case raised; cases still open or lost count against it.',
      '由网格员或社区办结的诉求占全部诉求的比例；未办结和丢失的诉求也计入分母。',
    ],
    true,
    (s) => s.localResolutionShare,
  ),
  m(
    'localShareOfClosed',
    'share',
    ['Closed at grid or community (of cases closed)', '网格或社区办结占比（占已办结）'],
    [
      'Cases closed by a grid worker or a community, as a share of the cases closed only (how an office reports its own closures).',
      '由网格员或社区办结的诉求占已办结诉求的比例（各单位上报自身办结情况的口径）。',
    ],
    true,
    (s) => s.localShareOfClosed,
  ),
  m(
    'hoursToClose.mean',
    'h',
    ['Mean time to close, closed cases', '平均办结时长（已办结）'],
    [
      'Hours from when a case is raised to when it is closed, averaged over the cases closed; cases still open are left out, which understates the time when many are open.',
      '从诉求提出到办结的小时数，对已办结诉求取平均；未办结诉求不计入，积压多时会低估。',
    ],
    false,
    (s) => s.hoursToClose.mean,
  ),
  m(
    'hoursToClose.p50',
    'h',
    ['Median time to close, closed cases', '办结时长中位数（已办结）'],
    [
      'Half of the cases closed took this long or longer; cases still open are left out.',
      '已办结诉求中一半用时不少于此；未办结诉求不计入。',
    ],
    false,
    (s) => s.hoursToClose.p50,
  ),
  m(
    'hoursToClose.p90',
    'h',
    ['90th percentile time to close, closed cases', '办结时长90分位（已办结）'],
    [
      'One case closed in ten took this long or longer; cases still open are left out.',
      '已办结诉求中十分之一用时不少于此；未办结诉求不计入。',
    ],
    false,
    (s) => s.hoursToClose.p90,
  ),
  m(
    'hoursToClose.p99',
    'h',
    ['99th percentile time to close, closed cases', '办结时长99分位（已办结）'],
    [
      'One case closed in a hundred took this long or longer; cases still open are left out.',
      '已办结诉求中百分之一用时不少于此；未办结诉求不计入。',
    ],
    false,
    (s) => s.hoursToClose.p99,
  ),
  m(
    'hoursToCloseAll.mean',
    'h',
    ['Mean time to close, open cases at their age', '平均办结时长（含未办结，按已等待时长）'],
    [
      'Like the mean time to close, but cases still open count with the hours they have waited so far: a lower bound of the true mean.',
      '与平均办结时长相同，但未办结诉求按至今已等待的小时数计入：真实平均值的下限。',
    ],
    false,
    (s) => s.hoursToCloseAll.mean,
  ),
  m(
    'hoursToCloseAll.p50',
    'h',
    ['Median time to close, open cases counted', '办结时长中位数（含未办结）'],
    [
      'Half of all cases take this long or longer to close, cases still open counted (Kaplan–Meier); “not reached” when fewer than half closed within the run.',
      '全部诉求中一半办结用时不少于此，未办结诉求也计入（Kaplan–Meier 方法）；运行期内办结不足一半时为“未达到”。',
    ],
    false,
    (s) => s.hoursToCloseAll.p50,
  ),
  m(
    'hoursToCloseAll.p90',
    'h',
    ['90th percentile time to close, open cases counted', '办结时长90分位（含未办结）'],
    [
      'One case in ten takes this long or longer to close, cases still open counted (Kaplan–Meier); “not reached” when fewer than 90% closed within the run.',
      '全部诉求中十分之一办结用时不少于此，未办结诉求也计入（Kaplan–Meier 方法）；运行期内办结不足90%时为“未达到”。',
    ],
    false,
    (s) => s.hoursToCloseAll.p90,
  ),
  m(
    'sla.accept30m',
    'share',
    ['Accepted within 30 min (non-field)', '30分钟内受理（非现场）'],
    [
      'Non-field cases taken up within 30 minutes of being raised, as a share of those due (target of seed document 004); one still waiting past 30 minutes counts as a miss.',
      '非现场诉求在提出后30分钟内被受理的比例（004号文件的时限）；超过30分钟仍未受理的计为未达标。',
    ],
    true,
    (s) => s.sla.accept30m,
  ),
  m(
    'sla.onsite1h',
    'share',
    ['On site within 1 h (field)', '1小时内到场（现场）'],
    [
      'Field cases where someone reached the site within an hour, as a share of those due (target of seed document 004).',
      '现场诉求在1小时内有人到场的比例（004号文件的时限）。',
    ],
    true,
    (s) => s.sla.onsite1h,
  ),
  m(
    'sla.close24h',
    'share',
    ['Closed within 24 h (non-field)', '24小时内办结（非现场）'],
    [
      'Non-field cases closed with feedback within 24 hours, as a share of those due (target of seed document 004); open cases past 24 hours and lost ones count as misses.',
      '非现场诉求在24小时内办结并反馈的比例（004号文件的时限）；超过24小时未办结或丢失的计为未达标。',
    ],
    true,
    (s) => s.sla.close24h,
  ),
  m(
    'sla.difficult5wd',
    'share',
    ['Difficult closed within 5 working days', '疑难诉求5个工作日内办结'],
    [
      'Difficult cases closed with feedback within 5 working days, as a share of those due (target of seed document 004).',
      '疑难诉求在5个工作日内办结并反馈的比例（004号文件的时限）。',
    ],
    true,
    (s) => s.sla.difficult5wd,
  ),
  m(
    'throughputPerDay',
    'cases/day',
    ['Cases closed per day', '日均办结量'],
    ['Cases closed in the run, divided by its days.', '运行期内办结的诉求数除以天数。'],
    true,
    (s) => s.throughputPerDay,
  ),
  m(
    'hopsPerCase',
    'hops',
    ['Hand-offs per case', '每件流转次数'],
    ['Times a case was passed from one office to another, per case.', '诉求在单位之间转交的次数，按件平均。'],
    false,
    (s) => s.hopsPerCase,
  ),
  m(
    'bouncedPerCase',
    'returns',
    ['Returns per case', '每件退回次数'],
    ['Times a case was sent back to the office that passed it on, per case.', '诉求被退回转交单位的次数，按件平均。'],
    false,
    (s) => s.bouncedPerCase,
  ),
  m(
    'cases.created',
    'cases',
    ['Cases raised', '诉求总数'],
    ['Cases residents raised (or patrols found) in the run.', '运行期内居民提出（或巡查发现）的诉求数。'],
    false,
    (s) => s.cases.created,
  ),
  m(
    'cases.closed',
    'cases',
    ['Cases closed', '已办结诉求'],
    ['Cases closed in the run.', '运行期内办结的诉求数。'],
    true,
    (s) => s.cases.closed,
  ),
  m(
    'cases.open',
    'cases',
    ['Open at the end', '期末未办结'],
    ['Cases still open when the run ended.', '运行结束时仍未办结的诉求数。'],
    false,
    (s) => s.cases.open,
  ),
  m(
    'cases.lost',
    'cases',
    ['Cases lost', '丢失的诉求'],
    ['Cases dropped on the way (lost in a hand-off or given up), never closed.', '在流转中丢失或被放弃、未能办结的诉求数。'],
    false,
    (s) => s.cases.lost,
  ),
  m(
    'backlog.overdue',
    'cases',
    ['Open past their deadline at the end', '期末逾期未办结'],
    ['Cases open when the run ended whose deadline had passed.', '运行结束时已超过时限仍未办结的诉求数。'],
    false,
    (s) => s.backlog.overdue,
  ),
  m(
    'rework.perCase',
    'redos/case',
    ['Work redone per case (information lost on the way)', '每件返工次数（转交中信息损失）'],
    [
      'Times work on a case was done again because information was lost when it was passed on, per case closed.',
      '因转交中信息损失而重新处理的次数，按已办结诉求平均。',
    ],
    false,
    (s) => s.rework.perCase,
  ),
  m(
    'contacts.repeat',
    'contacts',
    ['Repeat contacts about overdue cases', '逾期诉求的重复来电'],
    ['Calls residents made again about a case past its deadline.', '居民就逾期诉求再次来电的次数。'],
    false,
    (s) => s.contacts.repeat,
  ),
  m(
    'petitions',
    'petitions',
    ['Petitions, first and repeat', '信访（首次和重复）'],
    [
      'Cases residents took to petition instead of waiting, first petitions and repeat ones.',
      '居民不再等待、转为信访的诉求数，含首次和重复信访。',
    ],
    false,
    (s) => s.petitions,
  ),
  m(
    'cost.annualYuan',
    'yuan/year',
    ['Annual administrative cost', '年度行政成本'],
    [
      'What the structure costs its government in a year: posts and running costs set by the structure, plus overtime and failure demand (hotline calls, petitions, repeat contacts) produced by the run. Residents’ delay is not in it.',
      '该结构一年的政府开支：结构决定的编制和运行费用，加上运行中产生的加班和失败需求（热线、信访、重复来电）。不含居民承担的延误成本。',
    ],
    false,
    (s) => s.cost.annualYuan,
  ),
  m(
    'cost.fixedAnnualYuan',
    'yuan/year',
    ['Annual cost set by the structure (posts, running costs)', '结构决定的年度成本（编制、运行费用）'],
    [
      'Posts times their unit costs, plus operating costs: accounting from the structure’s resources, not from the run.',
      '编制数乘以单位成本，加上运行费用：按结构的资源核算，与运行无关。',
    ],
    false,
    (s) => s.cost.fixedAnnualYuan,
  ),
  m(
    'cost.producedAnnualYuan',
    'yuan/year',
    ['Annual cost produced by the run (overtime, failure demand)', '运行产生的年度成本（加班、失败需求）'],
    [
      'Overtime and failure demand (hotline calls, petitions, repeat contacts) of the run, scaled to a year.',
      '运行中的加班和失败需求（热线、信访、重复来电），折算为一年。',
    ],
    false,
    (s) => s.cost.producedAnnualYuan,
  ),
  m(
    'cost.perCaseYuan',
    'yuan',
    ['Administrative cost per case closed', '每件办结的行政成本'],
    [
      'Administrative cost of the run (set by the structure and produced by the run) divided by the cases closed in it.',
      '运行期内的行政成本（结构决定的与运行产生的）除以办结的诉求数。',
    ],
    false,
    (s) => s.cost.perCaseYuan,
  ),
  m(
    'cost.variablePerCaseYuan',
    'yuan',
    ['Cost per case closed produced by the run (overtime, failure demand)', '运行产生的每件成本（加班、失败需求）'],
    ['Overtime and failure demand of the run, divided by the cases closed.', '运行中的加班和失败需求成本除以办结的诉求数。'],
    false,
    (s) => s.cost.variablePerCaseYuan,
  ),
  m(
    'cost.delayYuan',
    'yuan',
    ['Cost of delay to residents (not administrative)', '居民承担的延误成本（不计入行政成本）'],
    [
      'Case-days past the deadline times a cost per day, borne by residents; reported apart from administrative cost.',
      '逾期天数乘以每日成本，由居民承担；与行政成本分开报告。',
    ],
    false,
    (s) => s.cost.delayYuan,
  ),
  m(
    'organs.total',
    'organs',
    ['Party and government organs', '党政机构数'],
    ['Party and government organs of the structure, as the sources count them.', '按来源文件口径统计的党政机构数。'],
    false,
    (s) => s.organs.total,
  ),
  m(
    'staff.cityPosts',
    'posts',
    ['City posts', '行政事业编制'],
    [
      'Administrative and public-service posts (编制), grid and community workers not counted.',
      '行政和事业编制数，不含网格员和社区工作人员。',
    ],
    false,
    (s) => s.staff.cityPosts,
  ),
  m(
    'staff.total',
    'staff',
    ['Staff, all posts', '全部人员'],
    [
      'Everyone who handles cases: grid and community workers, offices, departments, centre and hotline.',
      '所有处理诉求的人员：网格员、社区工作人员、各级机关、部门、中心和热线。',
    ],
    false,
    (s) => s.staff.total,
  ),
  m(
    'trust.mean',
    'share',
    ['Mean resident trust', '居民平均信任度'],
    [
      'Residents’ trust in the grid and community at the end (0 to 100%), averaged over residents; it falls when their cases close late.',
      '运行结束时居民对网格和社区的信任度（0至100%）的平均值；诉求逾期办结时下降。',
    ],
    true,
    (s) => s.trust.mean,
  ),
  m(
    'trust.p10',
    'share',
    ['Resident trust, 10th percentile', '居民信任度10分位'],
    ['One resident in ten trusts less than this at the end.', '运行结束时十分之一居民的信任度低于此值。'],
    true,
    (s) => s.trust.p10,
  ),
  m(
    'satisfaction',
    'share',
    ['Contacts satisfied (closed by the deadline, not returned, redone or reopened)', '诉求满意率（按时办结，未退回、返工或重开）'],
    [
      'Cases that ended (closed or lost) whose resident was satisfied: closed by the deadline, not returned, redone or reopened.',
      '已结束（办结或丢失）的诉求中居民满意的比例：按时办结、未被退回、返工或重开。',
    ],
    true,
    (s) => s.satisfaction,
  ),
  m(
    'problems.reportedAtOnce',
    'problems',
    ['Problems reported as soon as they arose', '问题发生即被反映的数量'],
    [
      'Problems residents reported at once, rather than keeping them to themselves at first.',
      '居民在问题发生时即反映（而非先搁置）的问题数。',
    ],
    true,
    (s) => s.problems.reportedAtOnce,
  ),
  m(
    'problems.discovered',
    'problems',
    ['Problems found on patrol before anyone reported them', '巡查发现、无人反映的问题'],
    ['Problems grid workers found on their rounds before any resident raised them.', '网格员巡查时发现、尚无居民反映的问题数。'],
    true,
    (s) => s.problems.discovered,
  ),
  m(
    'problems.meanHoursUnreported',
    'h',
    ['Mean time problems found on patrol went unreported', '巡查发现的问题此前未被反映的平均时长'],
    [
      'How long, on average, a problem found on patrol had existed unreported; 0 when none was found.',
      '巡查发现的问题此前未被反映的平均时长；未发现问题时为 0。',
    ],
    false,
    // No problem found on patrol: none went unreported.
    (s) => (s.problems.discovered > 0 ? s.problems.meanHoursUnreported : 0),
  ),
  m(
    'help.timedOut',
    'questions',
    ['Questions passed up unanswered (the senior was busy)', '未获答复而上交的请教（骨干繁忙）'],
    [
      'Questions a worker asked a senior colleague that went unanswered in time, so the case was passed up.',
      '工作人员向骨干请教但未及时获得答复、因而上交的次数。',
    ],
    false,
    (s) => s.help.timedOut,
  ),
  m(
    'help.escalatedOverdue',
    'cases',
    ['Overdue cases that climbed', '逾期上升的诉求'],
    ['Cases passed up a level because they were past their deadline.', '因逾期而上交上一级的诉求数。'],
    false,
    (s) => s.help.escalatedOverdue,
  ),
  m(
    'help.reopened',
    'cases',
    ['Hurried cases reopened', '赶工后重开的诉求'],
    ['Cases closed in a hurry under load that came back.', '高负荷下仓促办结后又重开的诉求数。'],
    false,
    (s) => s.help.reopened,
  ),
  m(
    'stability.stable',
    '0/1',
    ['Steady state reached (1) or not (0)', '是否达到稳态（1 是，0 否）'],
    [
      'Whether the run settled: no office at or over capacity and no backlog trending up over the second half.',
      '运行是否趋于稳定：没有单位满负荷或超负荷，后半程积压没有上升趋势。',
    ],
    true,
    (s) => (s.stability.stable ? 1 : 0),
  ),
  m(
    'stability.openGrowthPerDay',
    'cases/day',
    ['Growth of open cases a day over the second half of the run', '后半程未办结诉求每日增长'],
    ['The trend of open cases over the second half of the run, per day.', '运行后半程未办结诉求数的日均变化趋势。'],
    false,
    (s) => s.stability.openGrowthPerDay,
  ),
  m(
    'bypassShare',
    'share',
    ['Bypass to hotline or petition', '绕过网格（热线、信访）'],
    [
      'Cases raised through the hotline or by petition instead of the grid, as a share of all cases.',
      '通过热线或信访而非网格提出的诉求占全部诉求的比例。',
    ],
    false,
    (s) => s.bypassShare,
  ),
  m(
    'cost.overtimeYuan',
    'yuan',
    ['Overtime paid in the window', '统计期内的加班费用'],
    ['Busy staff time after hours, paid at the overtime rate, over the window.', '统计期内下班后的在办时间，按加班费率计。'],
    false,
    (s) => s.cost.overtimeYuan,
  ),
  m(
    'contacts.failureDemand',
    'contacts',
    ['Hotline calls and petitions, first and repeat (failure demand)', '热线来电和信访（首次和重复；失败需求）'],
    [
      'Cases raised by the hotline or by petition in the window, and repeat contacts about overdue cases: demand caused by a failure to resolve.',
      '统计期内通过热线或信访提出的诉求，加上就逾期诉求的重复来电：因未能解决而产生的需求。',
    ],
    false,
    // Bypasses raised in the window (byChannel also counts the cases carried in from the warm-up).
    (s) => {
      const all = s.warmup.carriedIn + s.cases.created;
      return (all > 0 ? Math.round(s.bypassShare * all) : 0) + s.contacts.repeat;
    },
  ),
];
export const METRIC_IDS = METRICS.map((x) => x.id);
export const METRIC_BY_ID = new Map(METRICS.map((x) => [x.id, x]));

export const DEFAULT_METRICS = [
  'localResolutionShare',
  'hoursToClose.mean',
  'hoursToClose.p90',
  'sla.accept30m',
  'sla.onsite1h',
  'sla.close24h',
  'sla.difficult5wd',
  'throughputPerDay',
  'hopsPerCase',
  'cases.open',
  'cost.annualYuan',
  'cost.perCaseYuan',
  'trust.mean',
  'bypassShare',
];

/** End-of-run figures of one level or department, asked for as `levels[id].field` or `departments[id].field`: unit, label, definition. */
export const LEVEL_FIELDS = {
  utilisation: ['share', 'Utilisation', '利用率', 'Share of its staff time on duty spent busy.', '在岗时间中忙碌的比例。'],
  meanQueue: ['cases', 'Mean queue', '平均排队', 'Cases waiting for its staff, averaged over time.', '等待处理的诉求数的时间平均。'],
  meanPresent: [
    'cases',
    'Mean cases present',
    '平均在办',
    'Cases waiting, in service or on their way to it, averaged over time.',
    '等待、在办或在转交途中的诉求数的时间平均。',
  ],
  meanWaitHours: [
    'h',
    'Mean wait before service',
    '平均等待',
    'Hours a case waited in its queue before service.',
    '诉求在其队列中等待处理的平均小时数。',
  ],
  served: [
    'cases',
    'Cases taken into service',
    '受理量',
    'Cases its staff took up (a case passed on counts at each level).',
    '其工作人员接手的诉求数（转交的诉求在每一级都计数）。',
  ],
  closed: ['cases', 'Closed here', '在此办结', 'Cases closed at this level.', '在此层级办结的诉求数。'],
  staff: ['staff', 'Staff', '人员', 'Its staff, all offices together.', '其全部单位的人员数。'],
  overtimeShare: [
    'share',
    'Share of busy time after hours',
    '加班占比',
    'Share of its busy staff time worked after hours, finishing cases.',
    '忙碌时间中下班后为办完诉求而加班的比例。',
  ],
} as const;
const DEPARTMENT_FIELDS = ['utilisation', 'meanQueue', 'meanWaitHours', 'served', 'staff', 'overtimeShare'] as const;

const PER_UNIT = /^(levels|departments)\[([^\]]+)\]\.(\w+)$/;

/**
 * A metric by id: one of METRICS, or a level's or department's figure such as
 * `levels[community].utilisation` or `departments[civil-affairs].meanQueue` (NaN in a
 * structure without that level or department). Undefined if the id means nothing.
 */
export function metricInfo(id: string): MetricInfo | undefined {
  const known = METRIC_BY_ID.get(id);
  if (known) return known;
  const m = PER_UNIT.exec(id);
  if (!m) return undefined;
  const [, group, unitId, field] = m;
  if (!(field in LEVEL_FIELDS) || (group === 'departments' && !(DEPARTMENT_FIELDS as readonly string[]).includes(field))) return undefined;
  const [unit, label, labelZh, definition, definitionZh] = LEVEL_FIELDS[field as keyof typeof LEVEL_FIELDS];
  return {
    id,
    unit,
    label: `${label}, ${unitId}`,
    labelZh: `${unitId} ${labelZh}`,
    definition: `${unitId}: ${definition}`,
    definitionZh: `${unitId}：${definitionZh}`,
    higherIsBetter: field === 'closed' || field === 'served',
    get: (s) => {
      const rows: readonly Record<string, unknown>[] = group === 'levels' ? s.levels : s.departments;
      const v = rows.find((r) => r.id === unitId)?.[field];
      return typeof v === 'number' ? v : NaN;
    },
  };
}

/** What a metric id should look like, for error messages. */
export const METRIC_ID_HINT = `a metric id (${METRIC_IDS.join(', ')}), or levels[<level id>].<${Object.keys(LEVEL_FIELDS).join('|')}>, or departments[<department id>].<${DEPARTMENT_FIELDS.join('|')}>`;
