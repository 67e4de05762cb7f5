import { describe, expect, it } from 'vitest';
import { checkParamPath } from './param-path.ts';
import { PathError } from './path.ts';
import { loadPreset, PRESET_IDS } from './presets.ts';

/** Every leaf of a scenario as a parameter path (lists by index, and by id where items have one). */
function leafPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v))
    return v.flatMap((x, i) => {
      const id = x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : undefined;
      return [...leafPaths(x, `${prefix}[${i}]`), ...(id ? leafPaths(x, `${prefix}[${id}]`) : [])];
    });
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('parameter paths against the scenario schema', () => {
  it('accept every field of every preset, by index and by id', () => {
    let n = 0;
    for (const id of PRESET_IDS)
      for (const p of leafPaths(loadPreset(id))) {
        expect(() => checkParamPath(p), p).not.toThrow();
        n++;
      }
    expect(n).toBeGreaterThan(1000);
  });
  const refused: [string, RegExp][] = [
    ['levels.length', /"length" is not a parameter \("levels" is a list: choose an item by index or id/],
    ['departments.length', /"departments" is a list/],
    ['domains.length', /"domains" is a list/],
    ['calendars.office.days.length', /"calendars.office.days" is a list: choose an item by index, e\.g\. \[0\]/],
    ['levels.0.staffPerUnit', /"0" is not a parameter/],
    ['levels.map', /"map" is not a parameter/],
    ['demand.toString', /"toString" is not a parameter of "demand" \(its fields: casesPerResidentYear/],
    ['demand.hasOwnProperty', /"hasOwnProperty" is not a parameter of "demand"/],
    ['valueOf', /"valueOf" is not a parameter of the scenario/],
    ['population.residents.x', /"x" is inside "population.residents", which is a value with no fields/],
    ['id.length', /"length" is inside "id", which is a value/],
    ['demand[0]', /\[0\] chooses an item of a list, but "demand" is an object/],
    ['calendars.office.days[monday]', /the items of "calendars.office.days" have no id/],
    ['levels[0][1]', /"levels\[0\]" is an object/],
    ['__proto__.x', /would reach the object's prototype/],
    ['calendars.constructor', /would reach the object's prototype/],
  ];
  for (const [p, message] of refused)
    it(`refuse ${p}`, () => {
      expect(() => checkParamPath(p)).toThrow(PathError);
      expect(() => checkParamPath(p)).toThrow(message);
    });
  it('accept the keys of maps, which the scenario names itself', () => {
    expect(checkParamPath('calendars.night.start')).toEqual(['calendars', 'night', 'start']);
    expect(checkParamPath('levels[community].cadreDomains.safety')).toEqual(['levels', { id: 'community' }, 'cadreDomains', 'safety']);
  });
});
