/**
 * Compiles a validated scenario into the flat arrays the engine runs on: tiers (the
 * levels, then the department tier), office groups (one per level, per department, the
 * centre and the hotline) and offices. Nothing here knows any place by name.
 */
import type { Duration, Scenario } from '../../scenarios/schema.ts';
import { applyLevers } from '../../scenarios/levers.ts';
import { compileCalendar, type CompiledCalendar } from './calendar.ts';
import { knowledgeOf, type Knowledge } from '../submodels/competence.ts';
import { burdenOnLevels, spanOfLevel, spanOfTop, timeUse, type TimeUse } from '../submodels/workload.ts';
import { fixedCostYuanPerYear } from '../submodels/cost.ts';
import { travelMinutes } from '../submodels/service.ts';

export const MINUTES_PER_YEAR = 365 * 1440;

export type GroupKind = 'level' | 'department' | 'centre' | 'hotline';

export interface Group {
  kind: GroupKind;
  id: string;
  name: string;
  nameZh?: string;
  /** Tier index: level i → i, departments → levels.length, centre → levels.length + 1, hotline → -1. */
  tier: number;
  firstOffice: number;
  offices: number;
  staffPerOffice: number;
  /** Staff per office added (or, if negative, lent out) while a demand surge is on, and the case staff on duty they add. */
  surgeStaffPerOffice: number;
  surgeCaseStaffPerOffice: number;
  caseworkShare: number;
  /** Case workers on duty per office while open, in ordinary times (fractional), after hours, own duties, burden and span. */
  caseStaff: number;
  /** Whether its offices have a senior whom their workers ask (sim/submodels/competence.ts). */
  hasSenior: boolean;
  /** How one office's staff time divides (hours a week). */
  time: TimeUse;
  onCallShare: number;
  calendar: number;
  costPerPostYuan: number;
  /** One-way travel to a field case, in minutes; 0 where staff do not travel. */
  travelMinutes: number;
  visitsSite: boolean;
  solve: Duration;
  examine: Duration;
  relay: boolean;
}

export interface Tier {
  id: string;
  name: string;
  nameZh?: string;
  kind: 'grid' | 'community' | 'intermediate' | 'departments' | 'centre';
  units: number;
}

export interface CompiledModel {
  scenario: Scenario;
  calendars: CompiledCalendar[];
  calendarNames: string[];
  groups: Group[];
  /** Tiers where cases can close: the levels, the departments, the centre. */
  tiers: Tier[];
  levelCount: number;
  deptTier: number;
  centreTier: number;
  officeCount: number;
  officeGroup: Int32Array;
  centreOffice: number;
  hotlineOffice: number;
  deptGroup0: number;
  /** For each domain, the index of the department that owns it (first listed), or -1. */
  domainOwner: Int32Array;
  domainCumWeights: Float64Array;
  /** What each level's workers know and may decide, by level and domain (sim/submodels/competence.ts). */
  knowledge: Knowledge;
  domainCount: number;
  /** Posts by tier name, plus the hotline. */
  staffByLevel: Record<string, number>;
  staffTotal: number;
  /** City (county) administrative and public-institution posts (编制), wherever they work. */
  cityPosts: number;
  organs: { party: number; government: number; total: number };
  fixedCostYuanPerYear: number;
}

/** A shock that changes nothing: it lasts no time, or multiplies everything by 1 and keeps the share of field cases. */
export function inertShock(sh: Scenario['shocks'][number], s: Scenario): boolean {
  return (
    sh.days <= 0 ||
    (sh.demandMultiplier === 1 &&
      sh.difficultyMultiplier === 1 &&
      sh.capacityMultiplier === 1 &&
      (sh.fieldShare === null || sh.fieldShare === s.demand.fieldShare))
  );
}

/** Compile a validated scenario; its reform levers are applied first. */
export function compileModel(input: Scenario): CompiledModel {
  const s = applyLevers(input);
  const calendarNames = Object.keys(s.calendars);
  const calendars = calendarNames.map((n) => compileCalendar(s.calendars[n]));
  const calIndex = (n: string) => calendarNames.indexOf(n);
  const area = s.population.areaKm2;
  const travel = (bases: number) => travelMinutes(area, bases, s.travel.speedKmh);

  const groups: Group[] = [];
  const tiers: Tier[] = [];
  let office = 0;
  const staffByLevel: Record<string, number> = {};
  let cityPosts = 0;
  const m = s.mechanisms;
  const burden = burdenOnLevels(s);
  const use = (staff: number, share: number, cal: string, contract: number, b: number, span: number) =>
    timeUse(staff, share, s.calendars[cal], contract, b, m.workload ? span : 0, m.minCaseTimeShare);
  /** Case staff on duty that `posts` more posts add to an office (floating posts in a surge, or posts lent out). */
  const surgeCase = (posts: number, time: TimeUse, share: number) =>
    time.openHours > 0 ? (posts * time.postHours * share) / time.openHours : 0;
  s.levels.forEach((l, i) => {
    const staff = l.staffPerUnit + l.cadresPerUnit;
    const time = use(staff, l.caseworkShare, l.calendar, l.contractHoursPerWeek, burden[i], spanOfLevel(s, i) * l.spanHoursPerUnitPerWeek);
    groups.push({
      kind: 'level',
      id: l.id,
      name: l.name,
      nameZh: l.nameZh,
      tier: i,
      firstOffice: office,
      offices: l.units,
      staffPerOffice: staff,
      surgeStaffPerOffice: l.surgeStaffPerUnit,
      surgeCaseStaffPerOffice: surgeCase(l.surgeStaffPerUnit, time, l.caseworkShare),
      caseworkShare: l.caseworkShare,
      caseStaff: time.caseStaff,
      hasSenior: false,
      time,
      onCallShare: l.onCallShare,
      calendar: calIndex(l.calendar),
      costPerPostYuan: l.costPerPostYuan,
      travelMinutes: l.travel ? travel(l.units) : 0,
      visitsSite: l.visitsSite,
      solve: l.solve,
      examine: l.examine,
      relay: staff === 0,
    });
    tiers.push({ id: l.id, name: l.name, nameZh: l.nameZh, kind: l.kind, units: l.units });
    office += l.units;
    staffByLevel[l.id] = l.units * staff;
    cityPosts += l.units * ((l.cityPosts ? l.staffPerUnit : 0) + l.cadresPerUnit);
  });
  const levelCount = s.levels.length;
  const deptTier = levelCount;
  const centreTier = levelCount + 1;
  tiers.push({ id: 'departments', name: 'Departments', nameZh: '部门', kind: 'departments', units: s.departments.length });
  tiers.push({ id: 'centre', name: 'Governance centre', nameZh: '社会治理中心', kind: 'centre', units: s.centre.enabled ? 1 : 0 });
  const deptGroup0 = groups.length;
  const topSpan = spanOfTop(s);
  let deptStaff = 0;
  for (const d of s.departments) {
    const time = use(d.staff, d.caseworkShare, d.calendar, d.contractHoursPerWeek, 0, topSpan * d.spanHoursPerUnitPerWeek);
    groups.push({
      kind: 'department',
      id: d.id,
      name: d.name,
      nameZh: d.nameZh,
      tier: deptTier,
      firstOffice: office,
      offices: 1,
      staffPerOffice: d.staff,
      surgeStaffPerOffice: -d.lentInSurges,
      surgeCaseStaffPerOffice: surgeCase(-d.lentInSurges, time, d.caseworkShare),
      caseworkShare: d.caseworkShare,
      caseStaff: time.caseStaff,
      hasSenior: false,
      time,
      onCallShare: d.onCallShare,
      calendar: calIndex(d.calendar),
      costPerPostYuan: d.costPerPostYuan,
      travelMinutes: travel(d.bases),
      visitsSite: false,
      solve: d.solve,
      examine: d.solve,
      relay: false,
    });
    office += 1;
    deptStaff += d.staff;
    cityPosts += d.staff;
  }
  staffByLevel.departments = deptStaff;
  let centreOffice = -1;
  const c = s.centre;
  if (c.enabled) {
    centreOffice = office++;
    const time = use(c.staff, c.caseworkShare, c.calendar, c.contractHoursPerWeek, 0, topSpan * c.spanHoursPerUnitPerWeek);
    groups.push({
      kind: 'centre',
      id: 'centre',
      name: 'Governance centre',
      nameZh: '社会治理中心',
      tier: centreTier,
      firstOffice: centreOffice,
      offices: 1,
      staffPerOffice: c.staff,
      surgeStaffPerOffice: 0,
      surgeCaseStaffPerOffice: 0,
      caseworkShare: c.caseworkShare,
      caseStaff: time.caseStaff,
      hasSenior: false,
      time,
      onCallShare: c.onCallShare,
      calendar: calIndex(c.calendar),
      costPerPostYuan: c.costPerPostYuan,
      travelMinutes: 0,
      visitsSite: false,
      solve: c.triage,
      examine: c.triage,
      relay: false,
    });
    staffByLevel.centre = c.staff;
    cityPosts += c.staff;
  }
  const h = s.hotline;
  const hotlineOffice = office++;
  const hTime = use(h.staff, h.caseworkShare, h.calendar, h.contractHoursPerWeek, 0, 0);
  groups.push({
    kind: 'hotline',
    id: 'hotline',
    name: 'Hotline',
    nameZh: '热线',
    tier: -1,
    firstOffice: hotlineOffice,
    offices: 1,
    staffPerOffice: h.staff,
    surgeStaffPerOffice: 0,
    surgeCaseStaffPerOffice: 0,
    caseworkShare: h.caseworkShare,
    caseStaff: hTime.caseStaff,
    hasSenior: false,
    time: hTime,
    onCallShare: h.onCallShare,
    calendar: calIndex(h.calendar),
    costPerPostYuan: h.costPerPostYuan,
    travelMinutes: 0,
    visitsSite: false,
    solve: h.triage,
    examine: h.triage,
    relay: false,
  });
  staffByLevel.hotline = h.staff;
  cityPosts += h.staff;

  const officeGroup = new Int32Array(office);
  groups.forEach((g, gi) => officeGroup.fill(gi, g.firstOffice, g.firstOffice + g.offices));

  const domainOwner = new Int32Array(s.domains.length).fill(-1);
  s.domains.forEach((dom, i) => {
    domainOwner[i] = s.departments.findIndex((d) => d.domains.includes(dom.id));
  });
  const cum = new Float64Array(s.domains.length);
  let acc = 0;
  s.domains.forEach((d, i) => {
    acc += d.weight;
    cum[i] = acc;
  });
  for (let i = 0; i < cum.length; i++) cum[i] /= acc;

  const knowledge = knowledgeOf(s);
  groups.forEach((g) => (g.hasSenior = g.kind === 'level' && knowledge.canAsk[g.tier] === 1));
  const staffTotal = Object.values(staffByLevel).reduce((a, b) => a + b, 0);
  return {
    // A shock that changes nothing leaves the run as it was: without it, its start and end would
    // still cut the demand's rate into pieces and redraw the arrivals there.
    scenario: { ...s, shocks: s.shocks.filter((sh) => !inertShock(sh, s)) },
    calendars,
    calendarNames,
    groups,
    tiers,
    levelCount,
    deptTier,
    centreTier,
    officeCount: office,
    officeGroup,
    centreOffice,
    hotlineOffice,
    deptGroup0,
    domainOwner,
    domainCumWeights: cum,
    staffByLevel,
    knowledge,
    domainCount: s.domains.length,
    staffTotal,
    cityPosts,
    fixedCostYuanPerYear: fixedCostYuanPerYear(s),
    organs: {
      party: s.departments.filter((d) => d.kind === 'party' && d.staff > 0).length,
      government: s.departments.filter((d) => d.kind === 'government' && d.staff > 0).length,
      total: s.departments.filter((d) => d.staff > 0).length,
    },
  };
}
