import { describe, expect, it } from 'vitest';
import { fieldRows } from './fieldTable.ts';
import { COMPARED_PARTS, composeScenario, partOf } from './parts.ts';
import { loadPreset } from './presets.ts';
import { parseScenario } from './validate.ts';
import type { Scenario } from './schema.ts';

const withoutLabels = (s: Scenario) => {
  const { id: _id, name: _name, nameZh: _nameZh, ...rest } = s;
  return rest;
};

describe('the parts of a scenario', () => {
  it('every field of the schema belongs to one part, but the labels that only name or document a scenario', () => {
    const rows = fieldRows();
    const without = rows.filter((r) => !r[7]).map((r) => r[0].replace(/`/g, ''));
    for (const p of without)
      expect(p, p).toMatch(/^(schemaVersion|id|name|nameZh|description|descriptionZh|notes|notesZh|sources|assumptions)(\.|\[|$)/);
    expect(partOf('levels[].units')).toBe('structure');
    expect(partOf('levels[].staffPerUnit')).toBe('resources');
    expect(partOf('levels[].competence.training')).toBe('resources');
    expect(partOf('levels[].competence.powers')).toBe('policy');
    expect(partOf('platform.enabled')).toBe('policy');
    expect(partOf('levers.leadersFieldDay')).toBe('policy');
    expect(partOf('calendars.<name>.start')).toBe('calendars');
    expect(partOf('centre.calendar')).toBe('calendars');
    expect(partOf('demand.casesPerResidentYear')).toBe('setting');
  });

  it('composing a scenario from its own parts gives it back', () => {
    const a = loadPreset('longgang-2021');
    const same = composeScenario({
      structure: a,
      resources: loadPreset('longgang-2021'),
      policy: loadPreset('longgang-2021'),
      calendars: loadPreset('longgang-2021'),
    });
    expect(withoutLabels(same)).toEqual(withoutLabels(a));
  });

  it('the traditional county’s structure with Longgang 2021’s policy is one call, and a valid scenario', () => {
    const county = loadPreset('traditional-county');
    const lg = loadPreset('longgang-2021');
    const s = composeScenario({ structure: county, policy: lg });
    parseScenario(s);
    expect(s.levels.map((l) => [l.id, l.units])).toEqual(county.levels.map((l) => [l.id, l.units]));
    expect(s.departments.map((d) => d.id)).toEqual(county.departments.map((d) => d.id));
    expect(s.platform.enabled).toBe(true);
    expect(s.levers).toEqual(lg.levers);
    expect(s.levels[1].competence!.powers).toBe(lg.levels[1].competence!.powers);
    // Resources and calendars stay the county's.
    expect(s.levels[1].staffPerUnit).toBe(county.levels[1].staffPerUnit);
    expect(s.calendars).toEqual(county.calendars);
  });

  it('resources carry their posts by kind of level, shared among the structure’s own units', () => {
    const county = loadPreset('traditional-county');
    const lg = loadPreset('longgang-2021');
    const s = composeScenario({ structure: county, resources: lg });
    const posts = (x: Scenario, kind: string) => x.levels.filter((l) => l.kind === kind).reduce((a, l) => a + l.units * l.staffPerUnit, 0);
    for (const kind of ['grid', 'community', 'intermediate']) expect(posts(s, kind)).toBeCloseTo(posts(lg, kind), 6);
    const dept = (x: Scenario) => x.departments.reduce((a, d) => a + d.staff, 0);
    expect(dept(s)).toBeCloseTo(dept(lg), 6);
    expect(s.levels.map((l) => l.units)).toEqual(county.levels.map((l) => l.units));
    parseScenario(s);
  });

  it('every combination of two structures’ parts is a valid scenario', () => {
    const a = loadPreset('traditional-county');
    const b = loadPreset('longgang-2021');
    for (let mask = 0; mask < 1 << COMPARED_PARTS.length; mask++) {
      const pick = (i: number) => (mask & (1 << i) ? b : a);
      const s = composeScenario({ structure: pick(0), resources: pick(1), policy: pick(2), calendars: pick(3), setting: a });
      expect(() => parseScenario(s), `combination ${mask}`).not.toThrow();
    }
  });
});
