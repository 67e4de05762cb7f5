import { describe, expect, it } from 'vitest';
import { totalPosts } from '../scenarios/parts.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { AllocationError, allocationPlaces, allocationScenario, shippedAllocation } from './allocation.ts';

const lg = loadPreset('longgang-2021');

describe('allocating city posts', () => {
  it('reproduces the shipped structure from its own allocation', () => {
    const s = allocationScenario(lg, shippedAllocation(lg));
    expect({ ...s, id: lg.id, name: lg.name, nameZh: lg.nameZh }).toEqual(lg);
  });

  it('holds the total of city posts (1,863) and places them as asked', () => {
    expect(totalPosts(lg, 'city')).toBeCloseTo(1863, 6);
    for (const x of [
      { middleUnits: 14, middlePosts: 500, centrePosts: 120, hotlinePosts: 60 },
      { middleUnits: 102, middlePosts: 150, centrePosts: 5, hotlinePosts: 5 },
      { middleUnits: 0, middlePosts: 300, centrePosts: 30, hotlinePosts: 20 },
    ]) {
      const s = allocationScenario(lg, x);
      const p = allocationPlaces(s);
      expect(p.total).toBeCloseTo(1863, 6);
      expect(p.middleUnits).toBe(x.middleUnits);
      expect(p.middle).toBeCloseTo(x.middleUnits === 0 ? 0 : x.middlePosts, 6);
      expect(p.centre).toBe(x.centrePosts);
      expect(p.hotline).toBe(x.hotlinePosts);
      // The departments keep their shares among themselves.
      const ratio = s.departments.map((d, i) => d.staff / lg.departments[i].staff);
      for (const r of ratio) expect(r).toBeCloseTo(ratio[0], 9);
    }
    // No middle level: the communities face the city.
    expect(
      allocationScenario(lg, { middleUnits: 0, middlePosts: 300, centrePosts: 30, hotlinePosts: 20 }).levels.map((l) => l.kind),
    ).toEqual(['grid', 'community']);
  });

  it('refuses an allocation out of range, naming the dimension', () => {
    expect(() => allocationScenario(lg, { middleUnits: 2.5, middlePosts: 300, centrePosts: 30, hotlinePosts: 20 })).toThrow(
      /middleUnits: expected a whole number in \[0, 102\], got 2.5/,
    );
    expect(() => allocationScenario(lg, { middleUnits: 26, middlePosts: 300, centrePosts: 30, hotlinePosts: 20 }, 400)).toThrow(
      AllocationError,
    );
    // Fewer than one case worker per middle unit: the scenario's own rule refuses it.
    expect(() => allocationScenario(lg, { middleUnits: 102, middlePosts: 40, centrePosts: 30, hotlinePosts: 20 })).toThrow(
      /levels\[2\]\.staffPerUnit: expected .*at least one case worker/,
    );
  });
});
