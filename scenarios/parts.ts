/**
 * Structure apart from policy. Every field of a scenario belongs to one part:
 *
 * - structure: levels and their units, organs and the domains they own, who reports to whom
 *   (spans follow from units), offices' and organs' running costs;
 * - resources: the posts placed in the structure and what a post brings — training, contract
 *   hours, its cost, cadres posted explicitly;
 * - policy: what a county could adopt without reorganising — the platform, the centre, the
 *   reform levers, powers delegated, casework shares, burden and supervision asked of others,
 *   procedures (service times, forwarding, patrols);
 * - calendars: office hours, on-call cover, night and weekend rotas;
 * - setting: what every structure compared faces alike — population, demand, residents'
 *   behaviour, the mechanisms' assumptions, unit costs of contacts and delay, the targets.
 *
 * `partOf(path)` says which part a field belongs to; `composeScenario` builds a scenario from
 * parts of different scenarios ("the traditional county's structure with Longgang 2021's
 * policy"). Resources, policy and calendars are carried across by kind of level (grid,
 * community, intermediate) and, for organs, by id where the structure has the same organ;
 * posts are carried as totals by kind and shared among the structure's units in proportion to
 * its own (a structure is how the posts are divided). A part taken from the structure's own
 * scenario leaves it unchanged, so composing a scenario with itself gives it back exactly.
 *
 * Equal terms: `withPostsOf(s, target)` gives a structure the total posts of another (all
 * posts, or city posts only), every place keeping its share (`scalePosts`), so that a
 * comparison is of how posts are organised, not of how many there are.
 */
import { applyLevers } from './levers.ts';
import type { Department, Level, Scenario } from './schema.ts';

export const PARTS = ['structure', 'resources', 'policy', 'calendars', 'setting'] as const;
export type Part = (typeof PARTS)[number];
/** The parts a comparison decomposes a difference into (the setting is held alike). */
export const COMPARED_PARTS = ['structure', 'resources', 'policy', 'calendars'] as const;

/** Fields that only name or document a scenario: part of none. */
const LABELS = /^(\$schema|schemaVersion|id|name|nameZh|description|descriptionZh|notes|notesZh|sources|assumptions)(\.|\[|$)/;

const UNIT_STRUCTURE = new Set([
  'id',
  'name',
  'nameZh',
  'kind',
  'units',
  'cityPosts',
  'visitsSite',
  'travel',
  'domains',
  'bases',
  'operatingCostPerUnitYuan',
  'operatingCostYuan',
]);
const UNIT_RESOURCES = new Set([
  'staffPerUnit',
  'cadresPerUnit',
  'cadreDomains',
  'cadreCostPerPostYuan',
  'costPerPostYuan',
  'contractHoursPerWeek',
  'staff',
]);
const UNIT_CALENDARS = new Set(['calendar', 'onCallShare']);

/** The part a field belongs to, by its path (`levels[].staffPerUnit`, `platform.enabled`, …); undefined for labels and for the centre and hotline blocks, whose fields belong to several. */
export function partOf(path: string): Part | undefined {
  if (LABELS.test(path) || path === 'centre' || path === 'hotline') return undefined;
  const m = /^(levels|departments|centre|hotline)(?:\[[^\]]*\])?\.([A-Za-z]+)(?:\.([A-Za-z]+))?/.exec(path);
  if (m) {
    const [, block, field, sub] = m;
    if (field === 'competence') return sub === 'training' ? 'resources' : 'policy';
    if (UNIT_CALENDARS.has(field)) return 'calendars';
    if (block === 'centre' && (field === 'operatingCostYuan' || field === 'enabled')) return 'policy';
    if (block === 'hotline' && (field === 'costPerContactYuan' || field === 'petitionCostYuan')) return 'setting';
    if (UNIT_RESOURCES.has(field)) return 'resources';
    if (UNIT_STRUCTURE.has(field)) return 'structure';
    return 'policy';
  }
  if (/^(levels|departments)(\[|$)/.test(path)) return 'structure';
  if (/^calendars(\.|\[|$)/.test(path)) return 'calendars';
  if (/^(platform|levers|otherCostsYuan)(\.|\[|$)/.test(path)) return 'policy';
  if (/^domains\[[^\]]*\]\.(id|name|nameZh)$/.test(path)) return 'structure';
  return 'setting';
}

/** Where each part of a composed scenario comes from. */
export type Parts = Record<Part, Scenario>;

const KINDS = ['grid', 'community', 'intermediate'] as const;

/** The levels of each kind, bottom up. */
function byKind(s: Scenario): Record<(typeof KINDS)[number], Level[]> {
  return {
    grid: s.levels.filter((l) => l.kind === 'grid'),
    community: s.levels.filter((l) => l.kind === 'community'),
    intermediate: s.levels.filter((l) => l.kind === 'intermediate'),
  };
}

/** The level of `from` that stands for the i-th level of its kind in another structure (the last of the kind if fewer), or undefined. */
function match(from: Level[], i: number): Level | undefined {
  return from.length === 0 ? undefined : from[Math.min(i, from.length - 1)];
}

const posts = (ls: Level[]) => ls.reduce((a, l) => a + l.units * l.staffPerUnit, 0);
const cadres = (ls: Level[]) => ls.reduce((a, l) => a + l.units * l.cadresPerUnit, 0);
const deptPosts = (ds: Department[]) => ds.reduce((a, d) => a + d.staff, 0);

function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = structuredClone(from[k]);
  return out;
}

const LEVEL_POLICY = [
  'caseworkShare',
  'burdenOnBelowHoursPerWeek',
  'spanHoursPerUnitPerWeek',
  'solve',
  'examine',
  'forward',
  'patrol',
  'surgeStaffPerUnit',
  'threshold',
] as const;
const LEVEL_RES_QUALITY = ['costPerPostYuan', 'contractHoursPerWeek', 'cadreCostPerPostYuan'] as const;
const DEPT_POLICY = ['caseworkShare', 'burdenOnBelowHoursPerWeek', 'spanHoursPerUnitPerWeek', 'solve', 'lentInSurges'] as const;
const CENTRE_POLICY = [
  'enabled',
  'caseworkShare',
  'triage',
  'coordinationPerDepartment',
  'moduleHandoff',
  'spanHoursPerUnitPerWeek',
  'operatingCostYuan',
] as const;
const HOTLINE_POLICY = ['caseworkShare', 'triage', 'dispatchDelayPerLevel'] as const;
const STAFFED_RES = ['staff', 'costPerPostYuan', 'contractHoursPerWeek'] as const;
const SETTING = ['population', 'demand', 'residents', 'mechanisms', 'cost', 'travel', 'targets', 'shocks'] as const;

/** Resources of `r` placed in the structure `s` (changed in place). */
function placeResources(s: Scenario, r: Scenario): void {
  if (r === s) return;
  const sk = byKind(s);
  const rk = byKind(r);
  for (const kind of KINDS) {
    const mine = sk[kind];
    if (mine.length === 0) continue;
    const theirs = rk[kind];
    const same = mine.length === theirs.length && mine.every((l, i) => l.units === theirs[i].units);
    const total = posts(theirs);
    const totalCadres = cadres(theirs);
    const own = posts(mine);
    const ownCadres = cadres(mine);
    mine.forEach((l, i) => {
      const t = match(theirs, i);
      if (same) {
        l.staffPerUnit = theirs[i].staffPerUnit;
        l.cadresPerUnit = theirs[i].cadresPerUnit;
        l.cadreDomains = { ...theirs[i].cadreDomains };
      } else {
        // The kind's posts, shared among this structure's units as its own posts are (evenly if it has none).
        const share = own > 0 ? (l.units * l.staffPerUnit) / own : 1 / mine.length;
        l.staffPerUnit = (total * share) / l.units;
        const cshare = ownCadres > 0 ? (l.units * l.cadresPerUnit) / ownCadres : share;
        const k = l.units > 0 ? (totalCadres * cshare) / l.units : 0;
        const known = t ? Object.values(t.cadreDomains).reduce((a, x) => a + x, 0) : 0;
        l.cadreDomains = t && known > 0 ? Object.fromEntries(Object.entries(t.cadreDomains).map(([d, x]) => [d, (x / known) * k])) : {};
        l.cadresPerUnit = k;
      }
      if (t) {
        Object.assign(l, pick(t, LEVEL_RES_QUALITY));
        if (l.competence && t.competence) l.competence.training = t.competence.training;
      }
    });
  }
  // Departments: by id where the organ exists in both; the rest share what remains, as this structure's organs do.
  const rById = new Map(r.departments.map((d) => [d.id, d]));
  const sameSet = s.departments.length === r.departments.length && s.departments.every((d) => rById.has(d.id));
  if (sameSet) for (const d of s.departments) Object.assign(d, pick(rById.get(d.id)!, STAFFED_RES));
  else {
    const total = deptPosts(r.departments);
    const own = deptPosts(s.departments);
    const mean = weightedMean(r.departments);
    for (const d of s.departments) {
      d.staff = own > 0 ? (total * d.staff) / own : total / s.departments.length;
      d.costPerPostYuan = mean.costPerPostYuan;
      d.contractHoursPerWeek = mean.contractHoursPerWeek;
    }
  }
  Object.assign(s.centre, pick(r.centre, STAFFED_RES));
  Object.assign(s.hotline, pick(r.hotline, STAFFED_RES));
}

function weightedMean(ds: Department[]): { costPerPostYuan: number; contractHoursPerWeek: number; caseworkShare: number } {
  const w = deptPosts(ds) || ds.length;
  const f = (g: (d: Department) => number) => ds.reduce((a, d) => a + g(d) * (deptPosts(ds) ? d.staff : 1), 0) / w;
  return {
    costPerPostYuan: f((d) => d.costPerPostYuan),
    contractHoursPerWeek: f((d) => d.contractHoursPerWeek),
    caseworkShare: f((d) => d.caseworkShare),
  };
}

/** Policy of `p` applied to the structure `s` (changed in place). */
function applyPolicy(s: Scenario, p: Scenario): void {
  if (p === s) return;
  s.platform = structuredClone(p.platform);
  s.levers = structuredClone(p.levers);
  s.otherCostsYuan = p.otherCostsYuan;
  Object.assign(s.centre, pick(p.centre, CENTRE_POLICY));
  Object.assign(s.hotline, pick(p.hotline, HOTLINE_POLICY));
  const sk = byKind(s);
  const pk = byKind(p);
  for (const kind of KINDS)
    sk[kind].forEach((l, i) => {
      const t = match(pk[kind], i);
      if (!t) return;
      Object.assign(l, pick(t, LEVEL_POLICY));
      if (l.competence && t.competence) {
        l.competence.powers = t.competence.powers;
        l.competence.powersByDomain = { ...t.competence.powersByDomain };
      }
    });
  const pById = new Map(p.departments.map((d) => [d.id, d]));
  const typical = p.departments.reduce<Department | undefined>((a, d) => (!a || d.staff > a.staff ? d : a), undefined);
  const cw = weightedMean(p.departments).caseworkShare;
  for (const d of s.departments) {
    const t = pById.get(d.id);
    if (t) Object.assign(d, pick(t, DEPT_POLICY));
    else if (typical) {
      Object.assign(d, pick(typical, ['burdenOnBelowHoursPerWeek', 'spanHoursPerUnitPerWeek', 'solve'] as const));
      d.caseworkShare = cw;
      d.lentInSurges = 0;
    }
  }
}

/** Calendars of `k` kept by the structure `s` (changed in place). */
function applyCalendars(s: Scenario, k: Scenario): void {
  if (k === s) return;
  s.calendars = { ...structuredClone(s.calendars), ...structuredClone(k.calendars) };
  const sk = byKind(s);
  const kk = byKind(k);
  for (const kind of KINDS)
    sk[kind].forEach((l, i) => {
      const t = match(kk[kind], i);
      if (t) Object.assign(l, pick(t, ['calendar', 'onCallShare'] as const));
    });
  const kById = new Map(k.departments.map((d) => [d.id, d]));
  const common = mostCommon(k.departments.map((d) => d.calendar)) ?? 'office';
  const onCall = k.departments.length ? k.departments.reduce((a, d) => a + d.onCallShare, 0) / k.departments.length : 0.1;
  for (const d of s.departments) {
    const t = kById.get(d.id);
    d.calendar = t ? t.calendar : common;
    d.onCallShare = t ? t.onCallShare : onCall;
  }
  Object.assign(s.centre, pick(k.centre, ['calendar', 'onCallShare'] as const));
  Object.assign(s.hotline, pick(k.hotline, ['calendar', 'onCallShare'] as const));
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * A scenario whose structure, resources, policy, calendars and setting come from the scenarios
 * given (each validated). Parts from the structure's own scenario leave it as it is.
 */
export function composeScenario(parts: Partial<Parts> & { structure: Scenario }): Scenario {
  const s = structuredClone(parts.structure);
  const from = {
    resources: parts.resources ?? parts.structure,
    policy: parts.policy ?? parts.structure,
    calendars: parts.calendars ?? parts.structure,
    setting: parts.setting ?? parts.structure,
  };
  const same = (x: Scenario) => x === parts.structure;
  if (!same(from.setting)) {
    const ids = (x: Scenario) => x.domains.map((d) => d.id).join(',');
    if (ids(from.setting) !== ids(s))
      throw new Error(`setting: expected the same case domains as the structure (${ids(s)}), got ${ids(from.setting)}`);
    for (const k of SETTING) (s as Record<string, unknown>)[k] = structuredClone(from.setting[k]);
    s.domains = s.domains.map((d, i) => ({ ...d, weight: from.setting.domains[i].weight }));
    s.hotline.costPerContactYuan = from.setting.hotline.costPerContactYuan;
    s.hotline.petitionCostYuan = from.setting.hotline.petitionCostYuan;
  }
  if (!same(from.resources)) placeResources(s, from.resources);
  if (!same(from.policy)) applyPolicy(s, from.policy);
  if (!same(from.calendars)) applyCalendars(s, from.calendars);
  const others = (['resources', 'policy', 'calendars', 'setting'] as const).filter((p) => !same(from[p]));
  if (others.length > 0) {
    s.id = `${parts.structure.id}-with-${others.map((p) => `${p}-${from[p].id}`).join('-')}`.slice(0, 120);
    // The short name (before its colon) says what was composed, so that a title cut at the colon keeps it.
    s.name = renamed(parts.structure.name, ` with ${others.map((p) => `${p} of ${shortName(from[p].name)}`).join(', ')}`);
    s.nameZh = renamed(
      parts.structure.nameZh ?? parts.structure.name,
      `（${others.map((p) => `${PART_ZH[p]}取自${shortName(from[p].nameZh ?? from[p].name)}`).join('，')}）`,
    );
  }
  return s;
}

/** A name's short part: before its first colon ("Longgang 2021" of "Longgang 2021: communities in …"). */
export function shortName(name: string): string {
  return name.split(/[:：]/)[0].trim();
}

/** A name with `more` added to its short part, the rest after the colon kept. */
function renamed(name: string, more: string): string {
  const m = /^([^:：]*)([:：][\s\S]*)?$/.exec(name)!;
  return `${m[1].trimEnd()}${more}${m[2] ?? ''}`;
}

// ------------------------------------------------------------------ equal posts

/**
 * Which posts a comparison holds equal: every post the structure places (grid workers,
 * community staff, middle units, cadres, departments, the centre when it runs, the hotline),
 * or the city's administrative and public-institution posts only (编制: the levels whose posts
 * are city posts, cadres, departments, the centre and the hotline; grid and community workers
 * are not).
 */
export const POST_BASES = ['all', 'city'] as const;
export type PostBasis = (typeof POST_BASES)[number];

/**
 * Posts by where they sit, as the simulation counts them (after the reform levers, which
 * move posts — cadres sent down, one approval bureau — but only in proportion to them):
 * each level by id, `departments`, `centre` (when it runs) and `hotline`.
 */
export function postsByPlace(s: Scenario, basis: PostBasis = 'all'): Record<string, number> {
  const x = applyLevers(s);
  const out: Record<string, number> = {};
  for (const l of x.levels) out[l.id] = l.units * ((basis === 'all' || l.cityPosts ? l.staffPerUnit : 0) + l.cadresPerUnit);
  out.departments = deptPosts(x.departments);
  out.centre = x.centre.enabled ? x.centre.staff : 0;
  out.hotline = x.hotline.staff;
  return out;
}

/** Total posts of a scenario (see postsByPlace). */
export function totalPosts(s: Scenario, basis: PostBasis = 'all'): number {
  return Object.values(postsByPlace(s, basis)).reduce((a, b) => a + b, 0);
}

/**
 * The same structure with its posts multiplied by `factor` wherever they sit, so that every
 * place keeps its share of the posts: each level's staff (with `basis` "city", only levels
 * whose posts are city posts) and cadres, the departments, the centre and the hotline. A
 * new scenario; the one given is not changed. What a post is — its training, hours, cost —
 * and the policy (floating posts, posts lent in surges) stay as they are.
 */
export function scalePosts(s: Scenario, factor: number, basis: PostBasis = 'all'): Scenario {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError(`scalePosts: expected a factor > 0, got ${factor}`);
  const out = structuredClone(s);
  for (const l of out.levels) {
    if (basis === 'all' || l.cityPosts) l.staffPerUnit *= factor;
    l.cadresPerUnit *= factor;
    l.cadreDomains = Object.fromEntries(Object.entries(l.cadreDomains).map(([d, x]) => [d, x * factor]));
  }
  for (const d of out.departments) d.staff *= factor;
  out.centre.staff *= factor;
  out.hotline.staff *= factor;
  return out;
}

/**
 * The structure `s` at the total posts of `target` (all posts, or city posts), every place
 * keeping its share: "the traditional county at Longgang 2021's posts". Its id and name say
 * so. Throws when `s` has no such posts to scale.
 */
export function withPostsOf(s: Scenario, target: Scenario, basis: PostBasis = 'all'): Scenario {
  const own = totalPosts(s, basis);
  const want = totalPosts(target, basis);
  if (!(own > 0)) throw new RangeError(`equal posts: ${s.id} has no ${basis === 'city' ? 'city ' : ''}posts to scale`);
  const out = scalePosts(s, want / own, basis);
  const what = basis === 'city' ? 'city posts' : 'posts';
  out.id = `${s.id}-at-${basis === 'city' ? 'city-' : ''}posts-of-${target.id}`.slice(0, 160);
  out.name = renamed(s.name, `, at the ${what} of ${shortName(target.name)}`);
  out.nameZh = renamed(
    s.nameZh ?? s.name,
    `（按${shortName(target.nameZh ?? target.name)}的${basis === 'city' ? '行政事业编制' : '人员总数'}）`,
  );
  return out;
}

export const PART_ZH: Record<Part, string> = {
  structure: '结构',
  resources: '资源',
  policy: '政策',
  calendars: '工作时间',
  setting: '环境',
};
