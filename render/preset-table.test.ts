/** The presets table's intervals use the Student t quantile for any number of seeds. */
import { describe, expect, it } from 'vitest';
import { fmt } from './preset-table.ts';

describe('scenario table intervals', () => {
  it('use t with n − 1 degrees of freedom, not 1.96, for 12 seeds', () => {
    // 12 values with sample standard deviation 1: half-width t(0.975, 11) / √12 = 2.201 / 3.464.
    const xs = [-1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1].map((x) => x * Math.sqrt(11 / 12));
    expect(fmt(xs, (x) => x.toFixed(3))).toBe(`0.000 ± ${(2.200985 / Math.sqrt(12)).toFixed(3)}`);
  });
});
