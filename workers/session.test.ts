import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index.ts';
import { loadPreset, presetJson } from '../scenarios/presets.ts';
import { SimSession } from './session.ts';

describe('interactive session', () => {
  it('sends each snapshot once, as columns, and ends where simulate ends', () => {
    const s = new SimSession(presetJson('longgang-2021'), 3, 1440);
    const a = s.advanceTo(2.5);
    const b = s.advanceTo(6);
    expect(Array.from(a.series.day)).toEqual([1, 2]);
    expect(Array.from(b.series.day)).toEqual([3, 4, 5, 6]);
    const T = s.info.tiers.length;
    expect(b.series.perTier.utilisation.length).toBe(4 * T);
    expect(b.groupQueue.length).toBe(s.info.groups.length);
    const whole = simulate(loadPreset('longgang-2021'), { seed: 3, days: 6 });
    expect(b.series.values.closed[3]).toBe(whole.series[5].closed);
    expect(JSON.stringify(s.summary()) === JSON.stringify(whole.summary)).toBe(true);
    // Flows: every case created is closed somewhere, lost or open.
    const created = whole.summary.cases.created;
    expect(b.flows.reduce((x, y) => x + y, 0)).toBe(created);
  });

  it('refuses to go back in time', () => {
    const s = new SimSession(presetJson('longgang-2019'), 1, 1440);
    s.advanceTo(3);
    expect(() => s.advanceTo(2)).toThrow(/expected a day ≥ 3/);
  });
});
