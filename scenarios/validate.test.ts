/** Validation: every problem with its path, what was expected and the unit. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from './presets.ts';
import { validateScenario } from './validate.ts';

describe('validation messages', () => {
  it('lists every problem with its path, the expected value and the unit', () => {
    const p = loadPreset('longgang-2021') as unknown as Record<string, any>;
    const r = validateScenario({
      ...p,
      travel: { speedKmh: 0 },
      demand: { ...p.demand, nightFactor: 2 },
      levels: [{ ...p.levels[0], units: 1.5 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((x) => `${x.path}: ${x.message}`);
    expect(text).toContain('travel.speedKmh: expected ≥ 0.1 km/h, got 0');
    expect(text).toContain('demand.nightFactor: expected ≤ 1 ×, got 2');
    expect(text.some((t) => t.startsWith('levels[0].units: expected int'))).toBe(true);
  });
});
