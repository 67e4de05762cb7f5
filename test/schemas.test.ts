/**
 * The JSON Schemas editors use: current with the code, accepting every shipped example as
 * flatgov itself does, and named by `$schema` in each file; `$schema` never fails validation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../scenarios/jsonSchema.ts';
import { withFieldTable } from '../scenarios/fieldTable.ts';
import { presetJson } from '../scenarios/presets.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { scenarioWarnings } from '../scenarios/warnings.ts';
import { experimentJsonSchemaText } from '../experiments/experiment-schema.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planFrom } from '../lib/batch.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const examples = fs
  .readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => `examples/${f}`);
const isExperiment = (f: string) => f.endsWith('.experiment.json');

function validators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(read('scenarios/scenario.schema.json'), 'scenario.schema.json');
  return { scenario: ajv.getSchema('scenario.schema.json')!, experiment: ajv.compile(read('scenarios/experiment.schema.json')) };
}

describe('JSON Schema files', () => {
  it('are current (npm run scenario -- schema [--experiment] --write after changing a schema)', () => {
    expect(fs.readFileSync(path.join(root, 'scenarios/scenario.schema.json'), 'utf8') === scenarioJsonSchemaText()).toBe(true);
    expect(fs.readFileSync(path.join(root, 'scenarios/experiment.schema.json'), 'utf8') === experimentJsonSchemaText()).toBe(true);
  });

  it('accept every example and name it by $schema, as flatgov accepts it', () => {
    const v = validators();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const f of examples) {
      const json = read(f);
      expect(json.$schema, f).toBe(isExperiment(f) ? '../scenarios/experiment.schema.json' : '../scenarios/scenario.schema.json');
      const check = isExperiment(f) ? v.experiment : v.scenario;
      expect(check(json), `${f}: ${JSON.stringify(check.errors)}`).toBe(true);
      if (isExperiment(f)) expect(planFrom(json, { baseDir: path.join(root, 'examples') }).structures.length).toBeGreaterThan(0);
      else expect(validateScenario(json).ok, f).toBe(true);
    }
  });

  it('catch what flatgov refuses: an unknown field, a value out of range', () => {
    const v = validators();
    const p = presetJson('longgang-2021') as Record<string, any>;
    expect(v.scenario({ ...p, colour: 'red' })).toBe(false);
    expect(v.scenario({ ...p, population: { ...p.population, residents: 0 } })).toBe(false);
    expect(v.experiment({ structures: [{ preset: 'longgang-2021' }], replications: 1 })).toBe(false);
    expect(v.experiment({ structures: [{ scenario: { ...p, colour: 'red' } }] })).toBe(false);
  });
});

describe('presets', () => {
  it('name the scenario schema by $schema and pass it, as they pass flatgov', () => {
    const v = validators();
    for (const f of fs.readdirSync(path.join(root, 'scenarios', 'presets'))) {
      const json = read(`scenarios/presets/${f}`);
      expect(json.$schema, f).toBe('../scenario.schema.json');
      expect(v.scenario(json), `${f}: ${JSON.stringify(v.scenario.errors)}`).toBe(true);
      expect(validateScenario(json).ok, f).toBe(true);
    }
  });
});

describe('$schema in a file', () => {
  it('is accepted by validation, and must be a string', () => {
    const p = presetJson('longgang-2021') as Record<string, unknown>;
    expect(validateScenario({ $schema: './node_modules/flatgov/scenarios/scenario.schema.json', ...p }).ok).toBe(true);
    const bad = validateScenario({ ...p, $schema: 3 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: '$schema', message: expect.stringMatching(/expected a string/) });
    expect(parseExperiment({ $schema: 'x', structures: [{ preset: 'longgang-2021' }] }).structures).toHaveLength(1);
  });
});

describe('level kinds', () => {
  it('warns when a level is named grid or community but is not of that kind; the presets and examples give no warning', () => {
    const p = validateScenario(read('examples/my-county.json'));
    if (!p.ok) throw new Error('example invalid');
    expect(scenarioWarnings(p.scenario)).toEqual([]);
    const input = read('examples/my-county.json');
    delete input.levels[1].kind;
    const r = validateScenario(input);
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.levels[1].kind).toBe('intermediate');
    expect(scenarioWarnings(r.scenario)).toEqual([
      expect.stringMatching(
        /^levels\[community\] is named like a community level but its kind is "intermediate" \(the default\).*"kind": "community"/,
      ),
    ]);
    for (const id of ['traditional-county', 'longgang-2019', 'longgang-2020', 'longgang-2021', 'proposal-3']) {
      const s = validateScenario(presetJson(id));
      if (s.ok) expect(scenarioWarnings(s.scenario), id).toEqual([]);
    }
  });
});

describe('the scenario guide', () => {
  it('lists every field of the current schema (npm run scenario -- schema --write refreshes it)', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'scenarios.md'), 'utf8');
    expect(doc === withFieldTable(doc)).toBe(true);
    for (const field of ['`levels[].kind`', '`levels[].threshold`', '`population.residents`', '`departments[].domains`'])
      expect(doc).toContain(field);
  });

  it('its worked example is the shipped examples/my-county.json, level by level', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'scenarios.md'), 'utf8');
    const example = read('examples/my-county.json');
    // The guide's fragments ("key": value, …) put together.
    const shown = Object.assign({}, ...[...doc.matchAll(/```json\n("[\s\S]*?)\n```/g)].map((m) => JSON.parse(`{${m[1]}}`)));
    for (const key of ['population', 'demand', 'domains', 'departments', 'levels', 'calendars'])
      expect(shown[key], key).toEqual(example[key]);
  });
});
