/** Differences between two scenarios, parameter by parameter. */
import { describe, expect, it } from 'vitest';
import { diffScenarios } from './diff.ts';
import { loadPreset } from './presets.ts';

describe('scenario diff', () => {
  it('lists each differing parameter with its unit, matching levels by id', () => {
    const a = loadPreset('longgang-2021');
    const b = structuredClone(a);
    b.levels[1].units = 99;
    b.levels.splice(1, 0, { ...structuredClone(a.levels[1]), id: 'extra' });
    const d = diffScenarios(a, b);
    expect(d).toContainEqual({ path: 'levels[community].units', a: 102, b: 99, unit: 'offices' });
    expect(d).toContainEqual({ path: 'levels[extra]', a: undefined, b: 'present' });
    expect(d).toHaveLength(2);
  });
});
