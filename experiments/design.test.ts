/** Experiment designs: grids, Latin hypercubes and listed points, and the errors that name what is wrong. */
import { describe, expect, it } from 'vitest';
import { designPoints } from './design.ts';
import { parseExperiment, type ExperimentInput } from './experiment.ts';

const two: ExperimentInput = {
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 2,
  days: 14,
};

describe('designs', () => {
  it('a grid over three parameters has every combination, the first varying slowest', () => {
    const e = parseExperiment({
      ...two,
      sweep: [
        { param: 'demand.casesPerResidentYear', values: [0.5, 1] },
        { param: 'platform.enabled', values: [true, false] },
        { param: 'levels[community].staffPerUnit', from: 4, to: 8, steps: 3 },
      ],
    });
    const pts = designPoints(e).map((p) => Object.values(p.values));
    expect(pts).toHaveLength(12);
    expect(pts[0]).toEqual([0.5, true, 4]);
    expect(pts[1]).toEqual([0.5, true, 6]);
    expect(pts[11]).toEqual([1, false, 8]);
  });

  it('a Latin hypercube puts one point in each stratum of every range, the same for the same seed', () => {
    const input = {
      ...two,
      sweep: [
        { param: 'demand.casesPerResidentYear', from: 0.5, to: 1.5 },
        { param: 'levels[community].staffPerUnit', from: 2, to: 10 },
      ],
      design: { type: 'latin-hypercube', points: 10, seed: 3 },
    };
    const pts = designPoints(parseExperiment(input));
    expect(pts).toHaveLength(10);
    const strata = (xs: number[], lo: number, hi: number) => xs.map((x) => Math.floor(((x - lo) / (hi - lo)) * 10)).sort((a, b) => a - b);
    expect(
      strata(
        pts.map((p) => p.values['demand.casesPerResidentYear'] as number),
        0.5,
        1.5,
      ),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(
      strata(
        pts.map((p) => p.values['levels[community].staffPerUnit'] as number),
        2,
        10,
      ),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(designPoints(parseExperiment(input))).toEqual(pts);
    expect(designPoints(parseExperiment({ ...input, design: { ...input.design, seed: 4 } }))).not.toEqual(pts);
  });

  it('a listed design runs exactly the listed points', () => {
    const e = parseExperiment({
      ...two,
      design: { type: 'list', points: [{ 'demand.casesPerResidentYear': 0.7 }, { 'platform.enabled': false }] },
    });
    expect(designPoints(e)).toEqual([{ values: { 'demand.casesPerResidentYear': 0.7 } }, { values: { 'platform.enabled': false } }]);
  });

  it('names the field and what was expected for an unknown metric, a grid range without steps, or a $schema line', () => {
    expect(() => parseExperiment({ ...two, metrics: ['hoursToClose.mean', 'levels[community].speed'] })).toThrow(
      /metrics\[1\]: expected a metric id .*levels\[<level id>\]/,
    );
    expect(() => parseExperiment({ ...two, series: { metrics: ['nope'] } })).toThrow(/series\.metrics\[0\]: expected a series metric id/);
    expect(() => parseExperiment({ ...two, sweep: [{ param: 'demand.casesPerResidentYear', from: 0.5, to: 1 }] })).toThrow(
      /sweep\[0\]\.steps: required in a grid/,
    );
    expect(parseExperiment({ $schema: '../schemas/experiment.schema.json', ...two }).replications).toBe(2);
  });
});
