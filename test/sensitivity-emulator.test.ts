/**
 * Emulator-based sensitivity on real runs of two reference queues, where what each
 * assumption does is known: the cost of a post moves annual cost linearly and nothing else,
 * and the residents' trust learning rate moves nothing a queue measures. So the emulator of
 * cost must pass its held-out check and give the cost of a post the whole variance, and the
 * emulator of waiting, whose only input is inert (the waits are seed noise), must fail its
 * check and give no indices. The cost of a post is never run: it is applied to the finished
 * runs. Sharded and merged, the result is the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { referenceQueue } from '../scenarios/reference.ts';
import { parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runJob, type Job } from '../experiments/jobs.ts';
import { inProcessExecutor, type Executor } from '../experiments/executor.ts';
import { sensitivityJson, sensitivityRuns, sensitivitySpec } from '../experiments/sensitivity-run.ts';
import { mergeSensitivityParts, runSensitivityShard, type SensitivityPart } from '../experiments/sensitivity-shard.ts';
import { isEmulatorResult, type EmulatorSensitivityResult } from '../experiments/sensitivity-emulator.ts';
import { anyRefusal, anySensitivityMarkdown } from '../experiments/sensitivity-any.ts';
import { emulatorDecisiveSentence } from '../experiments/sensitivity-emulator-report.ts';

const experiment: ExperimentInput = {
  structures: [
    { scenario: referenceQueue({ servers: 3, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'three' },
    { scenario: referenceQueue({ servers: 4, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'four' },
  ],
  replications: 2,
  days: 15,
  metrics: ['cost.annualYuan', 'hoursToClose.mean'],
  sensitivity: {
    method: 'emulator',
    assumptions: ['costPerPostYuan', 'residents.trustLearningRate'],
    emulator: { points: 30, outputs: 'all', baseSamples: 256, realisations: 10 },
  },
};
const load = (r: { scenario?: unknown }) => r.scenario;
const plan = planExperiment(parseExperiment(experiment), load);
const spec = sensitivitySpec(plan.experiment);

/** Runs in this thread, keeping every job it is given. */
function recording(): { exec: Executor; jobs: Job[] } {
  const jobs: Job[] = [];
  const inner = inProcessExecutor(runJob);
  return { jobs, exec: { ...inner, run: (j) => (jobs.push(j), inner.run(j)) } };
}
const whole = recording();
const result = runSensitivityShard(plan, spec, whole.exec, {}).then(({ result: r }) => {
  if (!isEmulatorResult(r)) throw new Error('expected an emulator-based result');
  return r;
});

const outputOf = (r: EmulatorSensitivityResult, metric: string, of: string) => {
  const o = r.outputs.findIndex((x) => x.metric === metric && x.of === of);
  expect(o, `${metric} of ${of}`).toBeGreaterThanOrEqual(0);
  return o;
};

describe('emulator-based sensitivity of reference queues', () => {
  it('runs every structure once at each design point, with the cost-only assumption not run but applied', async () => {
    const r = await result;
    expect(sensitivityRuns(plan, spec).total).toBe(60);
    expect(whole.jobs).toHaveLength(60);
    expect(r.design).toMatchObject({ points: 30, heldOut: 10, train: 20, runs: 60 });
    // Every run of a structure has the preset's cost of a post: the design's values are applied afterwards.
    for (const s of [0, 1]) {
      const costs = new Set(whole.jobs.filter((j) => j.structure === s).map((j) => j.scenario.levels[0].costPerPostYuan));
      expect(costs).toEqual(new Set([plan.structures[s].scenario.levels[0].costPerPostYuan]));
    }
    expect(r.factors.map((f) => [f.id, f.costOnly])).toEqual([
      ['costPerPostYuan', true],
      ['residents.trustLearningRate', false],
    ]);
    // …yet the costs vary over the design as the cost of a post does.
    const cost = outputOf(r, 'cost.annualYuan', 'three');
    expect(r.results[cost].runs.sd).toBeGreaterThan(0);
  });

  it('passes the held-out check for cost and gives the cost of a post all of its variance', async () => {
    const r = await result;
    for (const of of ['three', 'four', 'four − three']) {
      const res = r.results[outputOf(r, 'cost.annualYuan', of)];
      expect(res.check.passed, `${of}: ${res.check.reasons.join('; ')}`).toBe(true);
      expect(res.check.r2).toBeGreaterThan(0.99);
      expect(res.check.coverage95).toBeGreaterThanOrEqual(0.85);
      expect(res.inputs).toEqual(['costPerPostYuan', 'residents.trustLearningRate']);
      const [post, trust] = res.indices!;
      // S1 = ST = 1 exactly; the intervals (Monte Carlo error of a base sample of 256) hold it.
      for (const x of [post.first, post.total]) {
        expect(x.lo).toBeLessThanOrEqual(1);
        expect(x.hi).toBeGreaterThanOrEqual(1);
        expect(Math.abs(x.estimate - 1)).toBeLessThan(0.15);
        expect(x.hi - x.lo).toBeLessThan(0.4);
      }
      expect(trust.total.estimate).toBeLessThan(0.01);
      expect(trust.total.hi).toBeLessThan(0.01);
    }
    expect(emulatorDecisiveSentence(r, outputOf(r, 'cost.annualYuan', 'four − three'), 1)).toMatch(/`costPerPostYuan` \(ST \d\.\d\d \[/);
  });

  it('refuses indices where the emulator fails its check: waiting, whose only input is inert, is seed noise', async () => {
    const r = await result;
    const o = outputOf(r, 'hoursToClose.mean', 'three');
    const res = r.results[o];
    // The cost of a post cannot change waiting: it is not an input of this emulator.
    expect(res.inputs).toEqual(['residents.trustLearningRate']);
    expect(res.check.passed).toBe(false);
    expect(res.check.r2).toBeLessThan(0.5);
    expect(res.refused!.join('; ')).toMatch(/R² -?\d\.\d{3} below 0\.9/);
    expect(res.indices).toBeUndefined();
    expect(emulatorDecisiveSentence(r, o)).toMatch(/no indices, the emulator failed its check \(R²/);
    const md = anySensitivityMarkdown(r);
    expect(md).toContain('#### Mean time to close, closed cases: four − three (h)');
    expect(md).toMatch(/FAILED \(R² -?\d\.\d{3} below 0\.9/);
    expect(md).toContain('No indices: an emulator that fails its check is not used.');
    expect(anyRefusal(r)).toMatch(/^no indices for 3 of 6 outputs: their emulators failed the held-out check \(Mean time to close/);
  });

  it('gives the same bytes sharded in two and merged', async () => {
    const parts: SensitivityPart[] = [];
    for (const index of [0, 1]) {
      const { part } = await runSensitivityShard(plan, spec, inProcessExecutor(runJob), { shard: { index, count: 2 } });
      expect(part!.stage).toBe('design');
      expect(part!.runs).toHaveLength(30);
      parts.push(part!);
    }
    const merged = await mergeSensitivityParts(parts);
    expect(sensitivityJson(merged.result!)).toBe(sensitivityJson(await result));
  });

  it('refuses a design of fewer than 20 points, naming the field', () => {
    expect(() => parseExperiment({ ...experiment, sensitivity: { method: 'emulator', emulator: { points: 5 } } })).toThrow(
      /sensitivity\.emulator\.points/,
    );
  });
});
