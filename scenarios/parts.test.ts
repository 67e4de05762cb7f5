import { describe, expect, it } from 'vitest';
import { fieldRows } from './fieldTable.ts';
import { COMPARED_PARTS, composeScenario, partOf, postsByPlace, scalePosts, totalPosts, withPostsOf } from './parts.ts';
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

describe('equal posts', () => {
  const county = loadPreset('traditional-county');
  const lg = loadPreset('longgang-2021');
  const shares = (x: Record<string, number>) => {
    const sum = Object.values(x).reduce((a, b) => a + b, 0);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v / sum]));
  };

  it('scalePosts multiplies every place’s posts alike, so each keeps its share, and changes nothing else', () => {
    const before = structuredClone(lg);
    const s = scalePosts(lg, 1.5);
    expect(lg).toEqual(before); // pure
    expect(totalPosts(s)).toBeCloseTo(1.5 * totalPosts(lg), 6);
    const [a, b] = [postsByPlace(lg), postsByPlace(s)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const [k, v] of Object.entries(shares(a))) expect(shares(b)[k], k).toBeCloseTo(v, 12);
    // What a post is, and the policy, stay.
    s.levels.forEach((l, i) => {
      expect(l.units).toBe(lg.levels[i].units);
      expect(l.caseworkShare).toBe(lg.levels[i].caseworkShare);
      expect(l.contractHoursPerWeek).toBe(lg.levels[i].contractHoursPerWeek);
      expect(l.costPerPostYuan).toBe(lg.levels[i].costPerPostYuan);
    });
    expect(s.levers).toEqual(lg.levers);
    expect(() => scalePosts(lg, 0)).toThrow(/expected a factor > 0, got 0/);
  });

  it('withPostsOf gives a structure another’s total posts, every place keeping its share', () => {
    const s = withPostsOf(lg, county);
    parseScenario(s);
    expect(totalPosts(s)).toBeCloseTo(totalPosts(county), 6);
    for (const [k, v] of Object.entries(shares(postsByPlace(lg)))) expect(shares(postsByPlace(s))[k], k).toBeCloseTo(v, 12);
    expect(s.levels.map((l) => l.units)).toEqual(lg.levels.map((l) => l.units));
    expect(s.id).toBe('longgang-2021-at-posts-of-traditional-county');
    expect(s.name).toMatch(/^Longgang 2021, at the posts of Traditional county: /);
  });

  it('with city posts, only the city’s posts are scaled: grid and community workers stay', () => {
    const s = withPostsOf(county, lg, 'city');
    parseScenario(s);
    expect(totalPosts(s, 'city')).toBeCloseTo(totalPosts(lg, 'city'), 6);
    const [a, b] = [postsByPlace(county), postsByPlace(s)];
    expect(b.grid).toBe(a.grid);
    expect(b.community).toBe(a.community);
    const city = (x: Record<string, number>) => ({ town: x.town, departments: x.departments, hotline: x.hotline });
    for (const [k, v] of Object.entries(shares(city(a)))) expect(shares(city(b))[k as 'town'], k).toBeCloseTo(v, 12);
    expect(s.name).toMatch(/^Traditional county, at the city posts of Longgang 2021: /);
  });

  it('counts posts as the levers leave them: cadres sent down stay posts, wherever they work', () => {
    const s = structuredClone(lg);
    s.levers.cadresSentDown = 0;
    expect(totalPosts(s)).toBeCloseTo(totalPosts(lg), 6);
    expect(postsByPlace(s).community).toBeLessThan(postsByPlace(lg).community);
  });

  it('a composed structure says what it is made of before its colon', () => {
    const s = withPostsOf(composeScenario({ structure: county, policy: lg }), lg);
    expect(s.name.split(':')[0]).toBe('Traditional county with policy of Longgang 2021, at the posts of Longgang 2021');
    expect(s.nameZh!.split('：')[0]).toBe('传统县（政策取自龙港2021）（按龙港2021的人员总数）');
  });
});
