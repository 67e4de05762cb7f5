/**
 * Experiment files are user input: every problem is reported at once, with its path, and
 * nothing in them reaches a prototype.
 */
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { ExperimentError, parseExperiment, planExperiment } from './experiment.ts';

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);
const problemsOf = (input: unknown): string => {
  try {
    planExperiment(parseExperiment(input), load);
  } catch (e) {
    if (e instanceof ExperimentError) return e.message;
    throw e;
  }
  return '';
};

describe('experiment overrides and sweeps', () => {
  it('refuse a path through __proto__ with a clear problem, not a TypeError, and pollute nothing', () => {
    const msg = problemsOf({
      structures: [{ preset: 'longgang-2021' }, { preset: 'traditional-county', overrides: { '__proto__.hasOwnProperty': 1 } }],
      replications: 2, days: 5,
    });
    expect(msg).toMatch(/structures\[1\]\.overrides\["__proto__\.hasOwnProperty"\]: .*"__proto__" is not a parameter/);
    expect(Object.prototype.hasOwnProperty).toBeTypeOf('function');
  });
  it('refuse a sweep over levels.__proto__.map', () => {
    const msg = problemsOf({ structures: [{ preset: 'longgang-2021' }], sweep: [{ param: 'levels.__proto__.map', values: [1] }] });
    expect(msg).toMatch(/sweep\[0\]\.param: .*"__proto__" is not a parameter/);
    expect(Array.prototype.map).toBeTypeOf('function');
  });
});
