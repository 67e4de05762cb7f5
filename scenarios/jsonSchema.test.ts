/** The JSON Schema written from the scenario schema. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from './jsonSchema.ts';

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
