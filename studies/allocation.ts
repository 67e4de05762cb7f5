/**
 * Allocating a structure's city posts (Longgang's 1,863 administrative and public-institution
 * posts, 行政事业编制): the number of middle-level units (0 removes the level: the
 * communities face the city) and the posts of the middle level (shared equally by its
 * units), of the centre and of the hotline; the departments take the rest of the total,
 * each keeping its share among them, and the cadres the reform sends down to the
 * communities move with the departments' posts as the lever says, so the total of city posts
 * is held exactly. Grid workers and community staff are not city posts and stay as the
 * structure has them; so do training, hours, calendars and policy. The search over these
 * allocations is optimise-posts.ts.
 */
import type { Dimension } from '../analysis/index.ts';
import { postsByPlace, totalPosts } from '../scenarios/parts.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { validateScenario } from '../scenarios/validate.ts';

/** The figures every run reports; the first is the objective. */
export const ALLOCATION_METRICS = [
  'hoursToCloseAll.mean',
  'cost.annualYuan',
  'sla.close24h',
  'sla.difficult5wd',
  'sla.accept30m',
  'sla.onsite1h',
  'localResolutionShare',
  'hoursToCloseAll.p90',
] as const;

/** A service target: the metric's mean at least `min`. */
export interface ServiceTarget {
  metric: 'sla.close24h' | 'sla.difficult5wd' | 'sla.accept30m' | 'sla.onsite1h' | 'localResolutionShare';
  min: number;
}

export const ALLOCATION_DIMENSIONS: readonly Dimension[] = [
  { name: 'middleUnits', lo: 0, hi: 102, integer: true },
  { name: 'middlePosts', lo: 30, hi: 700 },
  { name: 'centrePosts', lo: 5, hi: 200 },
  { name: 'hotlinePosts', lo: 5, hi: 120 },
];

/** With `postsPareto`: the total of city posts, as a multiple of the structure's own. */
export const TOTAL_DIMENSION: Dimension = { name: 'totalPosts', lo: 0.6, hi: 1.4 };

const middleOf = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'intermediate');

/** The structure's own allocation, as the dimensions name it. */
export function shippedAllocation(s: Scenario): Record<string, number> {
  const i = middleOf(s);
  const l = i >= 0 ? s.levels[i] : undefined;
  return {
    middleUnits: l ? l.units : 0,
    middlePosts: l ? l.units * l.staffPerUnit : 0,
    centrePosts: s.centre.enabled ? s.centre.staff : 0,
    hotlinePosts: s.hotline.staff,
  };
}

/** An allocation out of range or impossible (the departments would have no posts left). */
export class AllocationError extends RangeError {}

/**
 * The structure `s` with its city posts allocated as `x` says, the total of its city posts
 * held at `total` (default its own); see the module comment. A new scenario.
 */
export function allocationScenario(s: Scenario, x: Record<string, number>, total = totalPosts(s, 'city')): Scenario {
  const mi = middleOf(s);
  if (mi < 0) throw new AllocationError(`${s.id}: has no middle level to allocate posts to`);
  if (!s.centre.enabled) throw new AllocationError(`${s.id}: has no social governance centre to allocate posts to`);
  if (!s.levels[mi].cityPosts) throw new AllocationError(`${s.id}: its middle level's posts are not city posts`);
  for (const d of ALLOCATION_DIMENSIONS) {
    const v = x[d.name];
    if (!(Number.isFinite(v) && v >= d.lo && v <= d.hi) || (d.integer && !Number.isInteger(v)))
      throw new AllocationError(`${d.name}: expected ${d.integer ? 'a whole number' : 'a number'} in [${d.lo}, ${d.hi}], got ${v}`);
  }
  const out = structuredClone(s);
  const units = x.middleUnits;
  if (units === 0) out.levels.splice(mi, 1);
  else {
    out.levels[mi].units = units;
    out.levels[mi].staffPerUnit = x.middlePosts / units;
  }
  out.centre.staff = x.centrePosts;
  out.hotline.staff = x.hotlinePosts;
  // The departments take the rest. Total city posts are linear in a common factor of the
  // departments' posts (the cadres sent down move in proportion), so two evaluations solve it.
  const own = out.departments.map((d) => d.staff);
  const at = (f: number) => {
    out.departments.forEach((d, i) => (d.staff = own[i] * f));
    return totalPosts(out, 'city');
  };
  const t0 = at(0);
  const t1 = at(1);
  const f = (total - t0) / (t1 - t0);
  if (!(f > 0.05))
    throw new AllocationError(
      `posts: the middle level, centre and hotline (${Math.round(t0)} city posts) leave the departments too few of ${Math.round(total)}`,
    );
  at(f);
  const places = allocationPlaces(out);
  out.id = `${s.id}-allocated`;
  out.name = `${s.name.split(/[:：]/)[0].trim()}, posts allocated: ${allocationText(places)}`;
  out.nameZh = `${(s.nameZh ?? s.name).split(/[:：]/)[0].trim()}（编制重新分配）`;
  // An allocation the schema refuses (fewer than one case worker per middle unit, say) cannot be run.
  const v = validateScenario(out);
  if (!v.ok)
    throw new AllocationError(
      `the allocation gives a scenario that is not valid: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return out;
}

export interface AllocationPlaces {
  middleUnits: number;
  middle: number;
  centre: number;
  hotline: number;
  departments: number;
  /** Cadres the reform sends down to the communities (city posts working there). */
  communityCadres: number;
  total: number;
}

/** City posts by where they sit. */
export function allocationPlaces(s: Scenario): AllocationPlaces {
  const p = postsByPlace(s, 'city');
  const mi = middleOf(s);
  const middle = mi >= 0 ? (p[s.levels[mi].id] ?? 0) : 0;
  const community = s.levels.filter((l) => l.kind === 'community').reduce((a, l) => a + (p[l.id] ?? 0), 0);
  return {
    middleUnits: mi >= 0 ? s.levels[mi].units : 0,
    middle,
    centre: p.centre ?? 0,
    hotline: p.hotline ?? 0,
    departments: p.departments ?? 0,
    communityCadres: community,
    total: Object.values(p).reduce((a, b) => a + b, 0),
  };
}

export const int = (v: number) => Math.round(v).toLocaleString('en');

/** "26 middle units × 11.5, centre 30, hotline 20, departments 1,386, community cadres 127". */
export function allocationText(p: AllocationPlaces): string {
  const mid = p.middleUnits === 0 ? 'no middle level' : `${p.middleUnits} middle units × ${(p.middle / p.middleUnits).toFixed(1)}`;
  return `${mid}, centre ${int(p.centre)}, hotline ${int(p.hotline)}, departments ${int(p.departments)}, community cadres ${int(p.communityCadres)}`;
}
