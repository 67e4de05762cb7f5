/**
 * The metrics a user can ask for by name, each with its unit and labels, read from a run's
 * summary. Experiments, exports and the app all name metrics from this one list.
 */
import type { Summary } from './metrics.ts';

export interface MetricInfo {
  id: string;
  unit: string;
  label: string;
  labelZh: string;
  /** Whether more is better (for colouring differences). */
  higherIsBetter: boolean;
  get: (s: Summary) => number;
}

const m = (id: string, unit: string, label: string, labelZh: string, higherIsBetter: boolean, get: (s: Summary) => number): MetricInfo => ({
  id,
  unit,
  label,
  labelZh,
  higherIsBetter,
  get,
});

export const METRICS: MetricInfo[] = [
  m(
    'localResolutionShare',
    'share',
    'Closed at grid or community (of all cases raised)',
    '网格或社区办结占比（占全部诉求）',
    true,
    (s) => s.localResolutionShare,
  ),
  m(
    'localShareOfClosed',
    'share',
    'Closed at grid or community (of cases closed)',
    '网格或社区办结占比（占已办结）',
    true,
    (s) => s.localShareOfClosed,
  ),
  m('hoursToClose.mean', 'h', 'Mean time to close (closed cases)', '平均办结时长（已办结）', false, (s) => s.hoursToClose.mean),
  m(
    'hoursToCloseAll.mean',
    'h',
    'Mean time to close, open cases at their age',
    '平均办结时长（含未办结，按已等待时长）',
    false,
    (s) => s.hoursToCloseAll.mean,
  ),
  m(
    'hoursToCloseAll.p90',
    'h',
    '90th percentile time to close, open cases counted (Kaplan–Meier)',
    '办结时长90分位（含未办结，Kaplan–Meier）',
    false,
    (s) => s.hoursToCloseAll.p90,
  ),
  m('backlog.overdue', 'cases', 'Open past their deadline at the end', '期末逾期未办结', false, (s) => s.backlog.overdue),
  m(
    'rework.perCase',
    'redos/case',
    'Work redone per case (information lost on the way)',
    '每件返工次数（转交中信息损失）',
    false,
    (s) => s.rework.perCase,
  ),
  m('contacts.repeat', 'contacts', 'Repeat contacts about overdue cases', '逾期诉求的重复来电', false, (s) => s.contacts.repeat),
  m('hoursToClose.p50', 'h', 'Median time to close', '办结时长中位数', false, (s) => s.hoursToClose.p50),
  m('hoursToClose.p90', 'h', '90th percentile time to close', '办结时长90分位', false, (s) => s.hoursToClose.p90),
  m('sla.accept30m', 'share', 'Accepted within 30 min (non-field)', '30分钟内受理（非现场）', true, (s) => s.sla.accept30m),
  m('sla.onsite1h', 'share', 'On site within 1 h (field)', '1小时内到场（现场）', true, (s) => s.sla.onsite1h),
  m('sla.close24h', 'share', 'Closed within 24 h (non-field)', '24小时内办结（非现场）', true, (s) => s.sla.close24h),
  m('sla.difficult5wd', 'share', 'Difficult closed within 5 working days', '疑难问题5个工作日内办结', true, (s) => s.sla.difficult5wd),
  m('throughputPerDay', 'cases/day', 'Cases closed per day', '日均办结量', true, (s) => s.throughputPerDay),
  m('hopsPerCase', 'hops', 'Hops per case', '每件流转次数', false, (s) => s.hopsPerCase),
  m('bouncedPerCase', 'returns', 'Returns per case', '每件退回次数', false, (s) => s.bouncedPerCase),
  m('cases.created', 'cases', 'Cases created in the window', '统计期内新建诉求', true, (s) => s.cases.created),
  m('cases.closed', 'cases', 'Cases closed in the window', '统计期内办结诉求', true, (s) => s.cases.closed),
  m('cases.open', 'cases', 'Open at the end', '期末未办结', false, (s) => s.cases.open),
  m('cases.lost', 'cases', 'Lost', '丢失', false, (s) => s.cases.lost),
  m(
    'cost.annualYuan',
    'yuan/year',
    'Annual administrative cost (set by the structure, plus overtime and failure demand)',
    '年度行政成本（结构决定的部分，加上加班和失败需求）',
    false,
    (s) => s.cost.annualYuan,
  ),
  m(
    'cost.fixedAnnualYuan',
    'yuan/year',
    'Annual cost set by the structure (posts, running costs)',
    '结构决定的年度成本（编制、运行费用）',
    false,
    (s) => s.cost.fixedAnnualYuan,
  ),
  m(
    'cost.producedAnnualYuan',
    'yuan/year',
    'Annual cost produced by the run (overtime, failure demand)',
    '运行产生的年度成本（加班、失败需求）',
    false,
    (s) => s.cost.producedAnnualYuan,
  ),
  m('cost.perCaseYuan', 'yuan', 'Administrative cost per case closed', '每件办结的行政成本', false, (s) => s.cost.perCaseYuan),
  m(
    'cost.variablePerCaseYuan',
    'yuan',
    'Cost per case closed produced by the run (overtime, failure demand)',
    '运行产生的每件成本（加班、失败需求）',
    false,
    (s) => s.cost.variablePerCaseYuan,
  ),
  m(
    'cost.delayYuan',
    'yuan',
    'Cost of delay to residents (case-days past deadline; not administrative)',
    '居民承担的延误成本（逾期天数；不计入行政成本）',
    false,
    (s) => s.cost.delayYuan,
  ),
  m('organs.total', 'organs', 'Party and government organs', '党政机构数', false, (s) => s.organs.total),
  m('staff.cityPosts', 'posts', 'City posts', '行政事业编制', false, (s) => s.staff.cityPosts),
  m('trust.mean', 'share', 'Mean resident trust', '居民平均信任度', true, (s) => s.trust.mean),
  m('trust.p10', 'share', 'Resident trust, 10th percentile', '居民信任度10分位', true, (s) => s.trust.p10),
  m(
    'satisfaction',
    'share',
    'Contacts satisfied (closed by the deadline, not returned, redone or reopened)',
    '诉求满意率（按时办结，未退回、返工或重开）',
    true,
    (s) => s.satisfaction,
  ),
  m(
    'problems.reportedAtOnce',
    'problems',
    'Problems reported as soon as they arose',
    '问题发生即被反映的数量',
    true,
    (s) => s.problems.reportedAtOnce,
  ),
  m(
    'problems.discovered',
    'problems',
    'Problems found on patrol before anyone reported them',
    '巡查发现、无人反映的问题',
    true,
    (s) => s.problems.discovered,
  ),
  m(
    'problems.meanHoursUnreported',
    'h',
    'Mean time problems found on patrol went unreported',
    '巡查发现的问题此前未被反映的平均时长',
    false,
    // No problem found on patrol: none went unreported.
    (s) => (s.problems.discovered > 0 ? s.problems.meanHoursUnreported : 0),
  ),
  m(
    'help.timedOut',
    'questions',
    'Questions passed up unanswered (the senior was busy)',
    '未获答复而上交的请教（骨干繁忙）',
    false,
    (s) => s.help.timedOut,
  ),
  m('help.escalatedOverdue', 'cases', 'Overdue cases that climbed', '逾期上升的诉求', false, (s) => s.help.escalatedOverdue),
  m('help.reopened', 'cases', 'Hurried cases reopened', '赶工后重开的诉求', false, (s) => s.help.reopened),
  m('stability.stable', '0/1', 'Steady state reached (1) or not (0)', '是否达到稳态（1 是，0 否）', true, (s) =>
    s.stability.stable ? 1 : 0,
  ),
  m(
    'stability.openGrowthPerDay',
    'cases/day',
    'Growth of open cases a day over the second half of the run',
    '后半程未办结诉求每日增长',
    false,
    (s) => s.stability.openGrowthPerDay,
  ),
  m('bypassShare', 'share', 'Bypass to hotline or petition', '绕过网格（热线、信访）', false, (s) => s.bypassShare),
  m(
    'cost.overtimeYuan',
    'yuan',
    'Overtime paid in the window (busy staff time after hours)',
    '统计期内的加班费用（下班后的在办时间）',
    false,
    (s) => s.cost.overtimeYuan,
  ),
  m(
    'contacts.failureDemand',
    'contacts',
    'Hotline calls and petitions, first and repeat (failure demand)',
    '热线来电和信访（首次和重复；失败需求）',
    false,
    // Bypasses raised in the window (byChannel also counts the cases carried in from the warm-up).
    (s) => {
      const all = s.warmup.carriedIn + s.cases.created;
      return (all > 0 ? Math.round(s.bypassShare * all) : 0) + s.contacts.repeat;
    },
  ),
  m('petitions', 'petitions', 'Petitions, first and repeat', '信访（首次和重复）', false, (s) => s.petitions),
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

/** End-of-run figures of one level or department, asked for as `levels[id].field` or `departments[id].field`. */
export const LEVEL_FIELDS = {
  utilisation: ['share', 'Utilisation', '利用率'],
  meanQueue: ['cases', 'Mean queue', '平均排队'],
  meanPresent: ['cases', 'Mean cases present', '平均在办'],
  meanWaitHours: ['h', 'Mean wait before service', '平均等待'],
  served: ['cases', 'Cases taken into service', '受理量'],
  closed: ['cases', 'Closed here', '在此办结'],
  staff: ['staff', 'Staff', '人员'],
  overtimeShare: ['share', 'Share of busy time after hours', '加班占比'],
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
  const [unit, label, labelZh] = LEVEL_FIELDS[field as keyof typeof LEVEL_FIELDS];
  return {
    id,
    unit,
    label: `${label}, ${unitId}`,
    labelZh: `${unitId} ${labelZh}`,
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
