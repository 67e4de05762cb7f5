/**
 * The parameters panel, built from the schema's plain-data view (virtual:scenario-data) with
 * no validator loaded: every preset gets its controls, each with the range, unit and
 * description of its schema field, and the presets carry their defaults.
 */
import { describe, expect, it } from 'vitest';
import { getPath } from '../scenarios/path.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { paramSections } from './params.ts';
import { PRESET_IDS, presetScenario } from './state.ts';

describe('the parameters panel', () => {
  it('offers every preset its controls, each value within the range of its field', () => {
    for (const id of PRESET_IDS) {
      const s = presetScenario(id);
      const sections = paramSections(s);
      for (const sec of sections.filter((x) => x.id !== 'departments')) expect(sec.fields.length, `${id} ${sec.id}`).toBeGreaterThan(0);
      for (const f of sections.flatMap((x) => x.fields)) {
        const v = getPath(s, f.path);
        if (f.kind === 'switch') expect(typeof v, f.path).toBe('boolean');
        else {
          expect(v, `${id} ${f.path}`).toBeGreaterThanOrEqual(f.min);
          expect(v, `${id} ${f.path}`).toBeLessThanOrEqual(f.max);
          expect(f.min, f.path).toBeLessThan(f.max);
        }
      }
      // One control of offices per level, whole numbers, in offices; described in both languages.
      const units = sections.find((x) => x.id === 'levels')!.fields.filter((f) => f.path.endsWith('].units'));
      expect(units.map((f) => f.path)).toEqual(s.levels.map((l) => `levels[${l.id}].units`));
      for (const f of units) expect([f.unit, f.step, f.min, !!f.help?.en, !!f.help?.zh]).toEqual(['offices', 1, 1, true, true]);
    }
  });

  it('shows shares as percentages from 0 to 100%', () => {
    const f = paramSections(presetScenario('longgang-2021'))
      .flatMap((x) => x.fields)
      .find((x) => x.path === 'demand.fieldShare')!;
    expect([f.kind, f.percent, f.min, f.max, f.unit]).toEqual(['slider', true, 0, 1, 'share']);
  });

  it('helps in plain words: no file of the code, no field name in code type, in either language', () => {
    for (const id of PRESET_IDS)
      for (const f of paramSections(presetScenario(id)).flatMap((x) => x.fields))
        for (const text of [f.help?.en ?? '', f.help?.zh ?? '', f.label.en, f.label.zh]) {
          expect(text, `${id} ${f.path}`).not.toMatch(/\.ts\b|`|\bsim\//);
          expect(text, `${id} ${f.path}`).not.toMatch(/^[a-z]+[A-Z]\w*$/);
        }
  });

  it('starts from the presets as validation gives them, defaults filled', () => {
    for (const id of PRESET_IDS) expect(presetScenario(id), id).toEqual(loadPreset(id));
  });
});
