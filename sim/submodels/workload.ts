/**
 * Hours: how many staff-hours an office has, how they divide between cases and everything
 * else, and what layers and spans take from them.
 *
 * - Contract hours: a post works `contractHoursPerWeek` (at most the hours the office is
 *   open). An office open longer than that — a 24-hour seat, a grid open every day — is
 *   covered in shifts, so fewer of its posts are on duty at any open hour.
 * - Own duties: a share 1 − caseworkShare of every post's hours goes to work other than cases.
 * - Burden from above ("上面千条线，下面一根针", 003): every organ and every office of each
 *   level above puts reports, meetings, inspections and campaigns on each office below it
 *   (burdenOnBelowHoursPerWeek) — down to the communities, the needle every line runs
 *   through. A grid worker answers to their community alone: a grid office carries only the
 *   burden of the level directly above it. The community admission list lets communities and
 *   grids refuse a share of it. Removing a layer removes its burden.
 * - Span (Williamson; Guimerà et al.): an office spends spanHoursPerUnitPerWeek on each
 *   office it supervises — an intermediate office on its share of the level below, every
 *   organ and the centre on each office of the top level, which they deal with directly.
 *   Removing a layer widens the spans above it.
 *
 * Burden and span are taken from case time, down to a floor (minCaseTimeShare of it). What
 * is left, divided by the open hours, is how many case workers are on duty on average while
 * the office is open (sim/submodels/service.ts turns that into whole workers).
 */
import type { Calendar, Scenario } from '../../scenarios/schema.ts';

/** Hours a week an office keeping calendar c is open. */
export function openHoursPerWeek(c: Calendar): number {
  return ((c.end - c.start) / 60) * new Set(c.days).size;
}

export interface TimeUse {
  /** Posts per office. */
  staff: number;
  /** Hours a week the office is open, and the hours one post works in them. */
  openHours: number;
  postHours: number;
  /** Staff-hours a week per office: own duties, burden from above, span duties, and case time left. */
  ownDutiesHours: number;
  burdenHours: number;
  spanHours: number;
  caseHours: number;
  /** Case workers on duty on average while the office is open (fractional): caseHours / openHours. */
  caseStaff: number;
}

export function timeUse(
  staff: number,
  casework: number,
  calendar: Calendar,
  contractHours: number,
  burden: number,
  span: number,
  floor: number,
): TimeUse {
  const open = openHoursPerWeek(calendar);
  const postHours = Math.min(contractHours, open);
  const total = staff * postHours;
  const caseBefore = total * casework;
  const taken = Math.min(burden + span, caseBefore * (1 - floor));
  // Burden and span share the cut in proportion, so the parts add up to the total.
  const k = burden + span > 0 ? taken / (burden + span) : 0;
  const caseHours = caseBefore - taken;
  return {
    staff,
    openHours: open,
    postHours,
    ownDutiesHours: total - caseBefore,
    burdenHours: burden * k,
    spanHours: span * k,
    caseHours,
    caseStaff: open > 0 ? caseHours / open : 0,
  };
}

/** Burden from above on each office of each level (h/week), after the admission list. */
export function burdenOnLevels(s: Scenario): number[] {
  if (!s.mechanisms.workload) return s.levels.map(() => 0);
  const fromOrgans = s.departments.reduce((a, d) => a + (d.staff > 0 ? d.burdenOnBelowHoursPerWeek : 0), 0);
  return s.levels.map((l, i) => {
    let b: number;
    if (l.kind === 'grid') b = i + 1 < s.levels.length ? s.levels[i + 1].burdenOnBelowHoursPerWeek : 0;
    else {
      b = fromOrgans;
      for (let k = i + 1; k < s.levels.length; k++) b += s.levels[k].burdenOnBelowHoursPerWeek;
    }
    const local = l.kind === 'grid' || l.kind === 'community';
    return local ? b * (1 - s.levers.admissionList) : b;
  });
}

/** Offices each office of level i supervises (those of the level below, shared out). */
export function spanOfLevel(s: Scenario, i: number): number {
  return i === 0 ? 0 : s.levels[i - 1].units / s.levels[i].units;
}

/** Offices each organ and the centre deal with directly: those of the top level. */
export function spanOfTop(s: Scenario): number {
  return s.levels[s.levels.length - 1].units;
}
