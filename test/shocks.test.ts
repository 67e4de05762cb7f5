/** Every named shock hurts service in the presets it is added to, and cases are conserved. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { validateScenario } from '../scenarios/validate.ts';

describe('named shocks', () => {
  it.each(['typhoon', 'epidemic', 'demolition', 'staffShortage'])('a %s hurts service in any preset and conserves cases', (kind) => {
    for (const id of ['traditional-county', 'longgang-2021']) {
      const base = loadPreset(id);
      const r = validateScenario({ ...base, shocks: [{ kind, startDay: 10 }] });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const calm = simulate(base, { seed: 3, days: 120, snapshotEveryMinutes: 0 }).summary;
      const hit = simulate(r.scenario, { seed: 3, days: 120, snapshotEveryMinutes: 0 }).summary;
      expect(hit.conservation.ok).toBe(true);
      expect(hit.hoursToClose.mean, `${kind} in ${id}`).toBeGreaterThan(calm.hoursToClose.mean);
    }
  });
});
