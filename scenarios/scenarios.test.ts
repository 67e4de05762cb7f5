import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from './jsonSchema.ts';
import { diffScenarios } from './diff.ts';
import { loadPreset } from './presets.ts';
import { validateScenario } from './validate.ts';

describe('JSON Schema file', () => {
  it('is current with the schema (run `npm run scenario -- schema --write` after changing it)', () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, 'scenario.schema.json'), 'utf8');
    expect(file === scenarioJsonSchemaText()).toBe(true);
  });

  it('carries units, ranges, defaults and descriptions for numbers', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    const residents = schema.properties.population.properties.residents;
    expect(residents).toMatchObject({ unit: 'residents', minimum: 1, default: 465000, type: 'integer' });
    expect(residents.description).toMatch(/465,000/);
  });
});

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

  it.each(['typhoon', 'epidemic', 'demolition', 'staffShortage'])('a %s hurts service in any preset and conserves cases', async (kind) => {
    const { simulate } = await import('../sim/index.ts');
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
