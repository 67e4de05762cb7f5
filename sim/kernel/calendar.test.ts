import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, compileCalendar, isOpen, nextBoundary } from './calendar.ts';

const office = compileCalendar({ start: 510, end: 1050, days: [0, 1, 2, 3, 4] });
const day = 1440;

describe('working calendar', () => {
  it('is open on weekdays from 8:30 to 17:30 only', () => {
    expect(isOpen(office, 9 * 60)).toBe(true); // Monday 9:00
    expect(isOpen(office, 8 * 60)).toBe(false);
    expect(isOpen(office, 1050)).toBe(false);
    expect(isOpen(office, 5 * day + 600)).toBe(false); // Saturday
    expect(isOpen(office, 7 * day + 600)).toBe(true); // next Monday
  });

  it('finds the next opening or closing', () => {
    expect(nextBoundary(office, 0)).toBe(510);
    expect(nextBoundary(office, 510)).toBe(1050);
    expect(nextBoundary(office, 4 * day + 1050)).toBe(7 * day + 510); // Friday evening → Monday
  });

  it('counts five working days over a weekend', () => {
    // Thursday 10:00 + 5 working days of 540 min → the next Thursday 10:00.
    const thu10 = 3 * day + 600;
    expect(addWorkingMinutes(office, thu10, 5 * 540)).toBe(10 * day + 600);
    // Saturday: counting starts Monday 8:30 and ends Friday 17:30.
    expect(addWorkingMinutes(office, 5 * day, 5 * 540)).toBe(11 * day + 1050);
    // Long spans skip whole weeks and agree with walking day by day.
    expect(addWorkingMinutes(office, thu10, 50 * 540)).toBe(thu10 + 10 * 7 * day);
  });

  it('treats a 24/7 calendar as always open', () => {
    const always = compileCalendar({ start: 0, end: 1440, days: [0, 1, 2, 3, 4, 5, 6] });
    expect(nextBoundary(always, 123)).toBe(Infinity);
    expect(addWorkingMinutes(always, 100, 50)).toBe(150);
  });
});
