/**
 * A structure in an experiment can take parts from other presets or files in one line, and
 * be held at another's posts: the plan resolves it to exactly what the library's functions
 * give, and names every problem with its path.
 */
import { describe, expect, it } from 'vitest';
import { composeScenario, postsByPlace, totalPosts, withPostsOf } from '../scenarios/parts.ts';
import { loadPreset, presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { ExperimentError } from './experiment.ts';
import { parseAndPlanExperiment } from './plan.ts';

const files: Record<string, unknown> = { 'lg.json': presetJson('longgang-2021') };
const load = (r: { preset?: string; file?: string; scenario?: unknown }) => {
  if (r.preset !== undefined) return presetJson(r.preset);
  if (r.file !== undefined) {
    if (!(r.file in files)) throw new Error(`cannot read ${r.file}: no such file`);
    return files[r.file];
  }
  return r.scenario;
};
const plan = (structures: unknown[]) => parseAndPlanExperiment({ structures, replications: 2, days: 5 }, load);
const problems = (structures: unknown[]) => {
  try {
    plan(structures);
  } catch (e) {
    if (e instanceof ExperimentError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('a structure’s parts and equal posts in an experiment', () => {
  const county = loadPreset('traditional-county');
  const lg = loadPreset('longgang-2021');

  it('"parts" takes a part from a preset or a file: the scenario composeScenario gives', () => {
    const p = plan([
      { preset: 'traditional-county', parts: { policy: 'longgang-2021' } },
      { preset: 'traditional-county', parts: { policy: { file: 'lg.json' }, calendars: { preset: 'longgang-2021' } }, label: 'two' },
    ]);
    expect(p.structures[0].scenario).toEqual(composeScenario({ structure: county, policy: lg }));
    expect(p.structures[0].label).toBe('traditional-county-with-policy-longgang-2021');
    expect(p.structures[1].scenario).toEqual(composeScenario({ structure: county, policy: lg, calendars: lg }));
  });

  it('"equalPosts" scales the structure, after its parts and overrides, to another’s posts', () => {
    const p = plan([
      { preset: 'longgang-2021', equalPosts: 'traditional-county' },
      {
        preset: 'traditional-county',
        parts: { policy: 'longgang-2021' },
        overrides: { 'levels[town].units': 12 },
        equalPosts: { preset: 'longgang-2021', posts: 'city' },
      },
    ]);
    expect(p.structures[0].scenario).toEqual(withPostsOf(lg, county));
    expect(totalPosts(p.structures[0].scenario)).toBeCloseTo(totalPosts(county), 6);
    const second = p.structures[1].scenario;
    expect(second.levels.find((l) => l.id === 'town')!.units).toBe(12);
    expect(totalPosts(second, 'city')).toBeCloseTo(totalPosts(lg, 'city'), 6);
    // Grid and community workers are not city posts: they stay (the cadres sent down to communities are).
    for (const id of ['grid', 'community']) {
      const staff = (x: typeof county) => x.levels.find((l) => l.id === id)!.staffPerUnit;
      expect(staff(second), id).toBe(staff(county));
    }
    expect(postsByPlace(second).grid).toBe(postsByPlace(county).grid);
    expect(second.platform.enabled).toBe(true);
  });

  it('names every problem: an unknown part, a preset or file that is not there, a scaling that leaves no case worker', () => {
    const msgs = problems([
      { preset: 'traditional-county', equalPosts: 'longgang-2021' },
      { preset: 'traditional-county', parts: { policy: 'nope', calendars: { file: 'missing.json' } } },
      { preset: 'longgang-2021', parts: { polcy: 'x' }, equalPosts: 3 },
      { preset: 'longgang-2021', parts: { policy: { preset: 'longgang-2021', file: 'lg.json' } } },
    ]);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^structures\[0\]\.equalPosts: scaling the 5,021 posts of traditional-county to the 3,063 of longgang-2021 \(× 0\.610\) leaves levels\[0\]\.staffPerUnit: .*at least one case worker.*; hold city posts equal instead/,
        ),
        `structures[1].parts.policy: unknown preset "nope": expected one of ${PRESET_IDS.join(', ')}`,
        'structures[1].parts.calendars: cannot read missing.json: no such file',
        'structures[2].parts: unknown field "polcy"',
        expect.stringMatching(/^structures\[2\]\.equalPosts: expected a preset id, or an object with one of preset, file or scenario/),
        'structures[3].parts.policy: expected exactly one of preset, file or scenario',
      ]),
    );
  });
});
