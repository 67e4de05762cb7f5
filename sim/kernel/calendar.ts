/**
 * Weekly working calendars. Simulated time is in minutes from Monday 00:00 of week 0.
 */
import type { Calendar } from '../../scenarios/schema.ts';

export const MINUTES_PER_DAY = 1440;
const WEEK = 7 * MINUTES_PER_DAY;

export interface CompiledCalendar {
  start: number;
  end: number;
  workday: boolean[];
  /** Open all the time: no boundaries. */
  always: boolean;
  /** Working minutes in one working day. */
  dayLength: number;
}

export function compileCalendar(c: Calendar): CompiledCalendar {
  const workday = Array.from({ length: 7 }, (_, d) => c.days.includes(d));
  return {
    start: c.start,
    end: c.end,
    workday,
    always: c.start === 0 && c.end === MINUTES_PER_DAY && workday.every(Boolean),
    dayLength: c.end - c.start,
  };
}

export function isOpen(c: CompiledCalendar, t: number): boolean {
  if (c.always) return true;
  const day = Math.floor(t / MINUTES_PER_DAY);
  const m = t - day * MINUTES_PER_DAY;
  return c.workday[day % 7] && m >= c.start && m < c.end;
}

/** The first time strictly after t at which the calendar opens or closes; Infinity if never. */
export function nextBoundary(c: CompiledCalendar, t: number): number {
  if (c.always) return Infinity;
  let day = Math.floor(t / MINUTES_PER_DAY);
  for (let k = 0; k < 8; k++, day++) {
    if (!c.workday[day % 7]) continue;
    const base = day * MINUTES_PER_DAY;
    if (base + c.start > t) return base + c.start;
    if (base + c.end > t) return base + c.end;
  }
  return Infinity;
}

/** The time at which `minutes` of working time have passed after t. */
export function addWorkingMinutes(c: CompiledCalendar, t: number, minutes: number): number {
  if (c.always) return t + minutes;
  let left = minutes;
  let day = Math.floor(t / MINUTES_PER_DAY);
  let now = t;
  // Skip whole weeks first so long deadlines stay cheap.
  const perWeek = c.workday.filter(Boolean).length * c.dayLength;
  if (perWeek > 0 && left > perWeek) {
    const weeks = Math.floor(left / perWeek) - 1;
    if (weeks > 0) {
      left -= weeks * perWeek;
      now += weeks * WEEK;
      day += weeks * 7;
    }
  }
  for (let guard = 0; guard < 100_000; guard++, day++) {
    if (!c.workday[day % 7]) continue;
    const base = day * MINUTES_PER_DAY;
    const from = Math.max(now, base + c.start);
    const to = base + c.end;
    if (from >= to) continue;
    if (to - from >= left) return from + left;
    left -= to - from;
  }
  return Infinity;
}

/**
 * A part-time worker's presence: in each open period of a working day, split into two halves,
 * the worker is present during the first `share` of each half (mornings and afternoons both
 * served). Whether t falls in such a window.
 */
export function inPresenceWindow(c: CompiledCalendar, share: number, t: number): boolean {
  if (!(share > 0)) return false;
  if (share >= 1) return isOpen(c, t);
  const day = Math.floor(t / MINUTES_PER_DAY);
  if (!c.workday[day % 7]) return false;
  const m = t - day * MINUTES_PER_DAY;
  if (m < c.start || m >= c.end) return false;
  const half = (c.end - c.start) / 2;
  const from = m < c.start + half ? c.start : c.start + half;
  return m < from + share * half;
}

/** The first time strictly after t at which a part-time worker of `share` arrives or leaves; Infinity if never. */
export function nextPresenceBoundary(c: CompiledCalendar, share: number, t: number): number {
  if (!(share > 0) || share >= 1) return Infinity;
  const half = (c.end - c.start) / 2;
  let day = Math.floor(t / MINUTES_PER_DAY);
  for (let k = 0; k < 9; k++, day++) {
    if (!c.workday[day % 7]) continue;
    const base = day * MINUTES_PER_DAY + c.start;
    for (const p of [base, base + share * half, base + half, base + half + share * half]) if (p > t) return p;
  }
  return Infinity;
}
