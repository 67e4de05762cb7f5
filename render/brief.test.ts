/** The brief's chart axes: ticks are round numbers covering the range. */
import { describe, expect, it } from 'vitest';
import { niceTicks } from './brief.ts';

describe('niceTicks', () => {
  it('gives round steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 192, 4)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 365, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(0, 1, 4).map((v) => Math.round(v * 100))).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 5, 4)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
