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
