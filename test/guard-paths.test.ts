/**
 * Paths name only schema fields, at every door that takes one: an experiment's overrides,
 * sweep parameters and listed design points, a shared link's changes, and the library's
 * calls. `levels.length = 1e6` used to grow a list to a million holes that validation then
 * walked (seconds and hundreds of megabytes; a 60-byte link with 2³²−1 froze a tab).
 */
import { describe, expect, it } from 'vitest';
import { ExperimentError, parseExperiment, planFrom } from '../lib/experiments.ts';
import { PathError, setPath, parseScenario } from '../lib/scenarios.ts';
import { loadPreset } from '../lib/index.ts';
import { decodeState, defaultState } from '../ui/state.ts';

const base = { structures: [{ preset: 'longgang-2021' }, { preset: 'traditional-county' }], replications: 2, days: 1 };
const HUGE = 2 ** 32 - 1;

async function linkOf(payload: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(payload)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `#s=${btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The error fn throws (it must throw), and how long it took. */
function timedThrow(fn: () => unknown): { error: Error; ms: number } {
  const t0 = performance.now();
  try {
    fn();
  } catch (e) {
    return { error: e as Error, ms: performance.now() - t0 };
  }
  throw new Error('expected a refusal');
}

describe('an experiment naming a property of a list', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'an override',
      { ...base, structures: [{ preset: 'longgang-2021', overrides: { 'levels.length': HUGE } }] },
      /structures\[0\]\.overrides\["levels\.length"\]: parameter path "levels\.length": "length" is not a parameter \("levels" is a list/,
    ],
    [
      'a sweep parameter',
      { ...base, sweep: [{ param: 'departments.length', values: [1e8] }] },
      /sweep\[0\]\.param: parameter path "departments\.length": "length" is not a parameter/,
    ],
    [
      'a listed design point',
      { ...base, design: { type: 'list', points: [{ 'domains.length': HUGE }] } },
      /design\.points\[0\]\["domains\.length"\]: parameter path "domains\.length": "length" is not a parameter/,
    ],
    [
      'an override of an inherited property',
      { ...base, structures: [{ preset: 'longgang-2021', overrides: { 'demand.toString': 1 } }] },
      /"toString" is not a parameter of "demand"/,
    ],
  ];
  for (const [what, input, message] of cases)
    it(`is refused when read, naming the path (${what})`, () => {
      const { error, ms } = timedThrow(() => parseExperiment(input));
      expect(error).toBeInstanceOf(ExperimentError);
      expect(error.message).toMatch(message);
      expect(ms).toBeLessThan(500);
      // And when planned from code, before any scenario is built.
      expect(() => planFrom(input)).toThrow(message);
    });
});

describe('a library call naming a property of a list', () => {
  it('throws a PathError at once and leaves the scenario alone', () => {
    const s = loadPreset('longgang-2021');
    const { error, ms } = timedThrow(() => setPath(s, 'levels.length', 1e6));
    expect(error).toBeInstanceOf(PathError);
    expect(ms).toBeLessThan(100);
    expect(s.levels).toHaveLength(3);
    expect(() => parseScenario(s)).not.toThrow();
  });
});

describe('a shared link naming a property of a list', () => {
  for (const [path, value] of [
    ['levels.length', 1e6],
    ['departments.length', HUGE],
    ['domains.length', HUGE],
  ] as const)
    it(`drops ${path} = ${value} at once, says why, and keeps the rest`, async () => {
      const hash = await linkOf({
        v: 1,
        ...defaultState(),
        columns: [{ preset: 'longgang-2021', changes: { [path]: value, 'demand.casesPerResidentYear': 0.6 } }],
      });
      expect(hash.length).toBeLessThan(300);
      const t0 = performance.now();
      const d = await decodeState(hash);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(d!.state.columns[0].changes).toEqual({ 'demand.casesPerResidentYear': 0.6 });
      expect(d!.problems.join('\n')).toMatch(new RegExp(`structure 1, ${path.replace('.', '\\.')}: .*"length" is not a parameter`));
    });

  it('says so when changes make a run large, and drops one that makes it larger than a tab holds', async () => {
    // Three levels of a million offices: the engine holds them (about 600 MB), but every
    // calendar change and snapshot walks three million offices: minutes of computing.
    const offices = Object.fromEntries(['grid', 'community', 'unit'].map((id) => [`levels[${id}].units`, 1_000_000]));
    const big = await decodeState(await linkOf({ v: 1, ...defaultState(), columns: [{ preset: 'longgang-2021', changes: offices }] }));
    expect(big!.problems.join('\n')).toMatch(
      /levels\[grid\]\.units: with this change a 365-day run is large: about .* of memory and .* of computing .*kept/,
    );
    expect(big!.state.columns[0].changes).toEqual(offices);
    const huge = { 'population.residents': 1_000_000, 'demand.casesPerResidentYear': 100 };
    const d = await decodeState(await linkOf({ v: 1, ...defaultState(), columns: [{ preset: 'longgang-2021', changes: huge }] }));
    expect(d!.problems.join('\n')).toMatch(
      /demand\.casesPerResidentYear: with this change a 365-day run would need about [\d.]+ GB of memory \(estimate\), more than a browser tab has; the change was not kept/,
    );
    expect(d!.state.columns[0].changes).toEqual({ 'population.residents': 1_000_000 });
  });

  it('reads at most 300 changes of a structure, and refuses changes that are not an object', async () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`demand.casesPerResidentYear`.concat(i ? `x${i}` : ''), 0.5]));
    const t0 = performance.now();
    const d = await decodeState(
      await linkOf({
        v: 1,
        columns: [
          { preset: 'longgang-2021', changes: many },
          { preset: 'longgang-2021', changes: 'x'.repeat(10_000) },
        ],
      }),
    );
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(d!.problems.join('\n')).toMatch(/structure 1: 5000 changes, more than the 300 a link may carry/);
    expect(d!.problems.join('\n')).toMatch(/structure 2: changes: expected an object of parameter path → value/);
    expect(d!.state.columns[0].changes).toEqual({ 'demand.casesPerResidentYear': 0.5 });
  });
});
