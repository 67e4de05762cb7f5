/**
 * Scenario discovery on real runs of two reference queues, where the answer is known: four
 * servers cost one post more than three, so "four costs more than three by over 150,000
 * yuan a year" holds exactly where the cost of a post is drawn above × 1 (the presets'
 * 150,000 yuan), and the residents' trust learning rate, drawn beside it, changes nothing.
 * PRIM must find that box, restricting the cost of a post alone, and find it again on
 * resamples.
 */
import { describe, expect, it } from 'vitest';
import { referenceQueue } from '../scenarios/reference.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runExperiment } from '../experiments/runner.ts';
import { discoverAnalysis, discoverExperiment, discoverMarkdown, NAMED_OUTCOMES, restrictionText } from './discover.ts';

const input = discoverExperiment({
  a: { scenario: referenceQueue({ servers: 3, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'three' },
  b: { scenario: referenceQueue({ servers: 4, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'four' },
  draws: 60,
  days: 8,
  assumptions: ['costPerPostYuan', 'residents.trustLearningRate'],
});
const plan = planExperiment(parseExperiment(input), (r) => r.scenario);
const output = runExperiment(plan, inProcessExecutor(runJob));

describe('scenario discovery by PRIM on reference queues', () => {
  it('finds the planted box: the cost of a post above × 1, nothing else restricted, stable under resampling', async () => {
    const out = await output;
    const r = discoverAnalysis(out, { metric: 'cost.annualYuan', of: 'difference', above: 150_000 }, { resamples: 30, threshold: 0.95 });
    // The draws are a Latin hypercube of × 0.8 – 1.25: (1.25 − 1) / 0.45 of them are above × 1.
    expect(r.losing / r.draws).toBeCloseTo(0.25 / 0.45, 1);
    expect(r.boxes.length).toBeGreaterThanOrEqual(1);
    const [box] = r.boxes;
    expect(box.density).toBeGreaterThanOrEqual(0.95);
    expect(box.coverage).toBeGreaterThanOrEqual(0.85);
    expect(box.restrictions.map((x) => x.id)).toEqual(['costPerPostYuan']);
    expect(box.restrictions[0].lo).toBeGreaterThan(0.95);
    expect(box.restrictions[0].lo).toBeLessThan(1.06);
    expect(box.restrictions[0].hi).toBeUndefined();
    expect(box.restrictions[0].qp).toBeLessThan(0.001);
    const post = box.stability.inputs.find((s) => s.name === 'costPerPostYuan')!;
    const trust = box.stability.inputs.find((s) => s.name === 'residents.trustLearningRate')!;
    expect(post.reproduceCoverage).toBeGreaterThanOrEqual(0.9);
    expect(trust.reproduceCoverage).toBeLessThan(0.3);
    expect(box.stability.meanOverlap).toBeGreaterThan(0.7);
    // The trade-off: coverage falls as the box is peeled, and the selected step is on it.
    for (let i = 1; i < box.tradeoff.length; i++) expect(box.tradeoff[i].coverage).toBeLessThanOrEqual(box.tradeoff[i - 1].coverage);
    expect(restrictionText(box.restrictions[0])).toMatch(/^`costPerPostYuan` ≥ × (0\.9[5-9]|1\.0)\d* \(plausible × 0\.8 – 1\.25\)$/);
    const md = discoverMarkdown(r);
    expect(md).toContain('#### Box 1: coverage');
    expect(md).toContain('| `costPerPostYuan` ≥ × ');
  });

  it('says so when no draw loses or every one does, and refuses an outcome whose metric was not run', async () => {
    const out = await output;
    // Over 10 million yuan a year dearer: never.
    const never = discoverAnalysis(out, { metric: 'cost.annualYuan', of: 'difference', above: 1e7 });
    expect(never.losing).toBe(0);
    expect(discoverMarkdown(never)).toContain('In no draw: there is no box to find.');
    const always = discoverAnalysis(out, NAMED_OUTCOMES.costlier);
    expect(always.losing).toBe(always.draws);
    expect(always.boxes).toEqual([]);
    expect(discoverMarkdown(always)).toContain('In every draw: it does not depend on the assumptions drawn.');
    expect(() => discoverAnalysis(out, { metric: 'trust.mean', of: 'b', above: 0 })).toThrow(/outcome\.metric: "trust\.mean" was not run/);
  });
});
