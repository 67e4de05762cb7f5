/**
 * Experiment files are user input: every problem is reported at once, with its path, and
 * nothing in them reaches a prototype.
 */
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { csvCell } from './csv.ts';
import { ExperimentError } from './experiment.ts';
import { parseAndPlanExperiment } from './plan.ts';

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);
const problemsOf = (input: unknown): string => {
  try {
    parseAndPlanExperiment(input, load);
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
      replications: 2,
      days: 5,
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

describe('smaller input problems', () => {
  it('an empty levels list is named as levels, never levels[-1]', () => {
    const r = validateScenario({ ...(presetJson('longgang-2021') as object), levels: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toContain('levels');
      expect(r.problems.some((p) => p.path.includes('[-1]'))).toBe(false);
    }
  });
  it('CSV cells that a spreadsheet would run as formulas are prefixed with a quote; numbers are not', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const f of ['+1+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvCell(f).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('plain label')).toBe('plain label');
  });
  it('an experiment with three problems reports all three at once', () => {
    const msg = problemsOf({
      structures: [{ preset: 'nope' }, { preset: 'longgang-2021', overrides: { 'levels[town].units': 3 } }],
      replications: 1,
    });
    expect(msg).toMatch(/replications: .*2/);
    expect(msg).toMatch(/structures\[0\]: unknown preset "nope": expected one of [^"]*traditional-county/);
    expect(msg).toMatch(/structures\[1\]\.overrides\["levels\[town\]\.units"\]: .*no item with id "town"/);
  });
});
