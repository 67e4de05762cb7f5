import { describe, expect, it } from 'vitest';
import { getPath, parsePath, setPath } from './path.ts';
import { loadPreset } from './presets.ts';

describe('parameter paths', () => {
  it('parse names, ids and indices', () => {
    expect(parsePath('levels[community].staffPerUnit')).toEqual(['levels', { id: 'community' }, 'staffPerUnit']);
    expect(parsePath('departments[0].staff')).toEqual(['departments', 0, 'staff']);
    expect(() => parsePath('levels[].x')).toThrow(/empty brackets/);
  });
  it('read and write a copy, leaving the original alone', () => {
    const s = loadPreset('longgang-2021');
    const t = setPath(s, 'levels[community].staffPerUnit', 11);
    expect(getPath(t, 'levels[community].staffPerUnit')).toBe(11);
    expect(getPath(s, 'levels[community].staffPerUnit')).toBe(8);
  });
  it('name what is wrong in a bad path', () => {
    const s = loadPreset('longgang-2021');
    expect(() => setPath(s, 'levels[town].units', 3)).toThrow(/no item with id "town" \(ids: grid, community, unit\)/);
    expect(() => setPath(s, 'demand.casesPerResident', 3)).toThrow(/no parameter "casesPerResident"/);
  });
});

describe('parameter paths never reach a prototype', () => {
  const hostile = [
    '__proto__.toString',
    '__proto__.hasOwnProperty',
    'levels.__proto__.map',
    'constructor.prototype.polluted',
    'levels[0].__proto__.x',
    'levels[__proto__].x',
    'demand.constructor',
    'prototype',
    'levels.constructor.name',
  ];
  for (const p of hostile) {
    it(`refuses ${p} and leaves Object.prototype and Array.prototype alone`, () => {
      const s = loadPreset('longgang-2021');
      expect(() => setPath(s, p, 'pwned')).toThrow(/is not a parameter \(it would reach the object's prototype\)/);
      expect(Object.prototype.toString).toBeTypeOf('function');
      expect(Object.prototype.hasOwnProperty).toBeTypeOf('function');
      expect(Array.prototype.map).toBeTypeOf('function');
      expect(String({})).toBe('[object Object]');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
  it('does not follow inherited properties such as levels.map or demand.toString', () => {
    const s = loadPreset('longgang-2021');
    expect(() => setPath(s, 'levels.map', 1)).toThrow(/"map" is not a parameter/);
    expect(() => setPath(s, 'demand.toString', 1)).toThrow(/no parameter "toString"/);
    expect(() => setPath(s, 'demand.hasOwnProperty.x', 1)).toThrow(/no parameter "hasOwnProperty"/);
    expect(getPath(s, 'demand.toString')).toBeUndefined();
    expect(Array.prototype.map).toBeTypeOf('function');
  });
});

describe("a list's own properties are not parameters", () => {
  // `levels.length = 1e8` used to grow the list to a hundred million holes, which validation then walked.
  const s = loadPreset('longgang-2021');
  for (const p of [
    'levels.length',
    'departments.length',
    'domains.length',
    'calendars.office.days.length',
    'levels.0.units',
    'shocks.length',
  ])
    it(`refuses ${p} at once, and reading it gives nothing`, () => {
      const t0 = performance.now();
      expect(() => setPath(s, p, 1e6)).toThrow(/is not a parameter \(the items of a list are chosen by index or id/);
      expect(performance.now() - t0).toBeLessThan(100);
      expect(getPath(s, p)).toBeUndefined();
      expect(s.levels).toHaveLength(3);
    });
  it('still reaches items by index and by id', () => {
    expect(getPath(setPath(s, 'levels[0].units', 7), 'levels[grid].units')).toBe(7);
    expect(getPath(setPath(s, 'calendars.office.days[0]', 1), 'calendars.office.days')).toEqual([1, 1, 2, 3, 4]);
  });
  it('refuses a path longer than any parameter', () => {
    expect(() => parsePath(`demand.${'x'.repeat(400)}`)).toThrow(/longer than 300 characters/);
  });
});
