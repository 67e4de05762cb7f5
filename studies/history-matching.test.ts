/**
 * History matching on a problem whose answer is known: outputs that are simple functions of
 * two of five inputs, with seed noise. The waves must cut the space down to the region the
 * observations allow, leave the inputs that matter to nothing free, report an output no
 * point can reach as beyond reach rather than ruling out everything, and keep the held-out
 * output out of the cut.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../analysis/random.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { historyMatchSummary, matchProblem, maximinSubset, selectActive, type MatchProblem } from './history-matching.ts';
import type { Outputs, Pattern } from './patterns.ts';
import { renderReadmeBlock, renderReport, type ValidationResults } from './validation-report.ts';

const target = (over: Partial<Pattern> & Pick<Pattern, 'id' | 'value'>): Pattern => ({
  case: 'dongcheng',
  observed: over.id,
  sources: [],
  measure: over.id,
  target: 0,
  relation: 'about',
  scale: 'linear',
  unit: 'share',
  obsSd: 0.02,
  discSd: 0.02,
  errors: '',
  ...over,
});

const get = (o: Outputs, m: string) => o.f.metrics[m];

/** y1 = 2 x0 (observed 1: x0 near 0.5), y2 = x1 (observed at least 0.7), y3 = x2 (observed 5: out of reach), h = x0 + x1 held out. */
const problem: MatchProblem = {
  space: ['x0', 'x1', 'x2', 'x3', 'x4'].map((id) => ({ id, range: [0, 1] as [number, number], scale: false, unit: '' })),
  targets: [
    target({ id: 'y1', target: 1, value: (o) => get(o, 'y1') }),
    target({ id: 'y2', target: 0.7, relation: 'atLeast', value: (o) => get(o, 'y2') }),
    target({ id: 'y3', target: 5, value: (o) => get(o, 'y3') }),
    target({ id: 'h', target: 1.3, heldOut: true, value: (o) => get(o, 'h') }),
  ],
  comparisons: [{ id: 'c', label: '10 x0', unit: 'points', value: (o) => 10 * get(o, 'x0') }],
  evaluate: async (points) =>
    points.map(({ values: v = {}, seed }) => {
      const noise = seeded(seed);
      const e = () => 0.005 * (noise() - 0.5);
      return { f: { metrics: { y1: 2 * v.x0 + e(), y2: v.x1 + e(), y3: v.x2 + e(), h: v.x0 + v.x1 + e(), x0: v.x0 } } };
    }),
};

describe('history matching', () => {
  it('cuts the space down to what the observations allow, in waves', async () => {
    const r = await matchProblem(problem, { waves: [40, 30, 30], candidates: 5000, seed: 2 });
    const role = Object.fromEntries(r.targets.map((t) => [t.id, t.role]));
    expect(role).toEqual({ y1: 'matched', y2: 'matched', y3: 'beyond reach', h: 'held out' });
    // |2 x0 − 1| ≤ 3 × √(0.02² + 0.02²) = 0.085 and x1 ≥ 0.7 − 0.085: 8.5% × 38.5% ≈ 3.3% of the cube.
    const last = r.waves[r.waves.length - 1];
    expect(last.nonImplausibleShare).toBeGreaterThan(0.025);
    expect(last.nonImplausibleShare).toBeLessThan(0.045);
    expect(r.waves[0].nonImplausibleShare).toBeLessThan(0.1);
    expect(r.kept).toBeGreaterThan(20);
    const range = Object.fromEntries(r.ranges.map((a) => [a.id, a]));
    expect(range.x0.q05).toBeGreaterThan(0.43);
    expect(range.x0.q95).toBeLessThan(0.57);
    expect(range.x1.q05).toBeGreaterThan(0.6);
    // Inputs no output depends on stay free.
    for (const id of ['x3', 'x4']) expect(range[id].width).toBeGreaterThan(0.6);
    // The held-out output is reported over the runs left, never cut on; the comparison too.
    const h = r.targets.find((t) => t.id === 'h')!;
    expect(h.kept.median).toBeGreaterThan(1.0);
    const c = r.comparisons[0].kept;
    expect(c.q05).toBeGreaterThan(4.3);
    expect(c.q95).toBeLessThan(5.7);
  }, 120_000);
});

describe('the parts of a wave', () => {
  it('forward selection finds the inputs a response depends on', () => {
    const rand = seeded(5);
    const x = Array.from({ length: 80 }, () => Array.from({ length: 12 }, () => rand()));
    const y = x.map((r) => 3 * r[4] - 2 * r[9] + 0.05 * (rand() - 0.5));
    expect(selectActive(x, y, 6).sort((a, b) => a - b)).toEqual([4, 9]);
  });

  it('a maximin subset spreads its points further apart than the first ones', () => {
    const rand = seeded(7);
    const pts = Array.from({ length: 500 }, () => [rand(), rand()]);
    const minDist = (s: number[][]) => Math.min(...s.flatMap((a, i) => s.slice(0, i).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));
    const sub = maximinSubset(pts, 20);
    expect(new Set(sub).size).toBe(20);
    expect(minDist(sub)).toBeGreaterThan(2 * minDist(pts.slice(0, 20)));
  });
});

describe('the validation report', () => {
  const results: ValidationResults = {
    theory: [],
    seeds: [],
    patterns: { replications: 2, seeds: [1, 2], runs: [], patterns: [] },
    mechanisms: [],
    decompositions: [],
    runs: {
      calibration: { replications: 2, days: 10, seeds: [1, 2], structures: ['a', 'b'] },
      mechanisms: { replications: 2, days: 10, seeds: [1, 2], structures: ['a', 'b'] },
    },
  };

  it('shows the history match committed for this model version, and says when it is stale or missing', async () => {
    const r = await matchProblem(problem, { waves: [20, 15], candidates: 2000, seed: 3 });
    const section = (report: string) => report.slice(report.indexOf('## Calibration by history matching'));
    const current = section(renderReport(results, { historyMatching: r }));
    expect(current).toContain(`| 2 | 15 | ${r.waves[1].trainedOn} runs |`);
    expect(current).toContain('`y3`');
    expect(current).toContain('beyond reach');
    expect(current).toContain('Held-out check, `h`');
    expect(renderReadmeBlock(results, { historyMatching: r })).toContain(historyMatchSummary(r));
    expect(r.modelVersion).toBe(MODEL_VERSION);
    const old = section(renderReport(results, { historyMatching: { ...r, modelVersion: '0.0.1' } }));
    expect(old).toMatch(/Out of date: computed by model 0\.0\.1/);
    expect(old).not.toContain('Held-out check');
    expect(renderReadmeBlock(results, { historyMatching: { ...r, modelVersion: '0.0.1' } })).not.toContain('History matching (');
    expect(section(renderReport(results))).toContain('Not yet computed: run `npm run study -- history-match');
  }, 120_000);
});
