/** Named shocks: a block takes its template's values, and the fields given override them. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from './presets.ts';
import { validateScenario } from './validate.ts';

describe('named shocks', () => {
  it('a typhoon block takes its template values and the fields given override them', () => {
    const p = loadPreset('longgang-2021') as unknown as Record<string, unknown>;
    const r = validateScenario({ ...p, shocks: [{ kind: 'typhoon', startDay: 200, days: 3 }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.shocks[0]).toMatchObject({
      name: 'Typhoon',
      startDay: 200,
      days: 3,
      demandMultiplier: 3,
      fieldShare: 0.8,
      capacityMultiplier: 0.8,
    });
  });
});
