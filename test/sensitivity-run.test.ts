/**
 * Sensitivity analysis of real runs: on M/M/c reference queues, where what each assumption
 * does is known exactly — the cost of a post moves cost linearly and nothing else, an
 * inert assumption moves nothing, demand moves waiting — and identical results whatever
 * the number of workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { referenceQueue } from '../scenarios/reference.ts';
import { parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { runSensitivity, sensitivityRuns, sensitivitySpec } from '../experiments/sensitivity-run.ts';
import { decisiveSentence, sensitivityMarkdown } from '../experiments/sensitivity-report.ts';

const pools: { close(): void }[] = [];
afterAll(() => pools.forEach((p) => p.close()));

const experiment: ExperimentInput = {
  structures: [
    { scenario: referenceQueue({ servers: 3, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'three' },
    { scenario: referenceQueue({ servers: 4, arrivalsPerHour: 4, serviceMinutes: 30 }), label: 'four' },
  ],
  replications: 3,
  days: 20,
  metrics: ['cost.annualYuan', 'hoursToClose.mean'],
  sensitivity: {
    assumptions: ['costPerPostYuan', 'demand.casesPerResidentYear', 'residents.trustLearningRate'],
    morris: { trajectories: 4 },
    sobol: { top: 3, n: 16 },
    bootstrap: 200,
  },
};
const load = (r: { scenario?: unknown }) => r.scenario;
const plan = planExperiment(parseExperiment(experiment), load);
const spec = sensitivitySpec(plan.experiment);
const result = runSensitivity(plan, spec, inProcessExecutor(runJob));
const out = async (metric: string, of: string) => {
  const r = await result;
  const o = r.outputs.findIndex((x) => x.metric === metric && x.of === of);
  expect(o).toBeGreaterThanOrEqual(0);
  const f = (id: string) => r.factors.findIndex((x) => x.id === id);
  return {
    morris: (id: string) => r.morris.indices[o][f(id)],
    sobol: (id: string) => r.sobol!.indices[o][r.sobol!.factors.indexOf(id)],
    o,
    r,
  };
};

describe('sensitivity of reference queues to their assumptions', () => {
  it('counts its runs before running them', async () => {
    const r = await result;
    expect(sensitivityRuns(plan, spec)).toEqual({ noise: 6, morris: 4 * 4 * 2, sobol: 16 * 5 * 2, design: 0, total: 6 + 32 + 160 });
    expect(r.morris.runs + r.sobol!.runs).toBe(32 + 160);
  });

  it('the cost of a post moves annual cost linearly (σ = 0) by posts × cost × the range, and nothing else does', async () => {
    const three = await out('cost.annualYuan', 'three');
    // (3 desk posts + the hotline's 20) × 150,000 yuan × (1.25 − 0.8)
    const posts = 3 + plan.structures[0].scenario.hotline.staff;
    expect(posts).toBe(23);
    expect(three.morris('costPerPostYuan').mu).toBeCloseTo(posts * 150_000 * 0.45, 3);
    expect(three.morris('costPerPostYuan').muStar.estimate).toBeCloseTo(posts * 150_000 * 0.45, 3);
    expect(three.morris('costPerPostYuan').sigma).toBeLessThan(1e-6);
    expect(three.morris('demand.casesPerResidentYear').muStar.estimate).toBe(0);
    expect(three.morris('residents.trustLearningRate').muStar.estimate).toBe(0);
    expect(three.sobol('costPerPostYuan').first.estimate).toBeCloseTo(1, 9);
    // The difference between the structures: one post more.
    const diff = await out('cost.annualYuan', 'four − three');
    expect(diff.morris('costPerPostYuan').mu).toBeCloseTo(150_000 * 0.45, 3);
  });

  it('waiting depends on demand alone: an inert assumption and the cost of a post get indices of exactly 0', async () => {
    const wait = await out('hoursToClose.mean', 'three');
    expect(wait.morris('demand.casesPerResidentYear').muStar.estimate).toBeGreaterThan(0.01);
    for (const id of ['residents.trustLearningRate', 'costPerPostYuan']) {
      expect(wait.morris(id).muStar.estimate).toBe(0);
      expect(wait.sobol(id).total.estimate).toBe(0);
    }
    // The only active factor: with A's other columns inert, f(AB) = f(B), so Jansen's S1 is 1
    // exactly, and ST (an estimate from N = 16 rows) has 1 inside its interval.
    const d = wait.sobol('demand.casesPerResidentYear');
    expect(d.first.estimate).toBeCloseTo(1, 9);
    expect(d.total.lo).toBeLessThanOrEqual(1);
    expect(d.total.hi).toBeGreaterThanOrEqual(1);
    expect(decisiveSentence(wait.r, wait.o, 1)).toMatch(/`demand.casesPerResidentYear` \(ST \d/);
  });

  it('reports the noise over seeds at the presets’ values and writes every output difference as a table', async () => {
    const r = await result;
    const wait = r.outputs.findIndex((x) => x.metric === 'hoursToClose.mean' && x.of === 'three');
    expect(r.baseline[wait].seeds).toBe(3);
    expect(r.baseline[wait].sd).toBeGreaterThan(0);
    const md = sensitivityMarkdown(r);
    expect(md).toContain(`#### ${METRIC_BY_ID.get('cost.annualYuan')!.label}: four − three (yuan/year)`);
    expect(md).toContain('#### Mean time to close, closed cases: four − three (h)');
    expect(md).not.toContain(`#### ${METRIC_BY_ID.get('cost.annualYuan')!.label}: three `);
  });

  it('gives the same result, bit for bit, on one worker or two', async () => {
    const pool = nodePool(2);
    pools.push(pool);
    const two = await runSensitivity(plan, spec, poolExecutor(pool));
    expect(JSON.stringify(two)).toBe(JSON.stringify(await result));
  });

  it('refuses a sweep or an uncertainty block, which would vary what it varies', async () => {
    const swept = planExperiment(parseExperiment({ ...experiment, sweep: [{ param: 'demand.frequentShare', values: [0] }] }), load);
    await expect(runSensitivity(swept, spec, inProcessExecutor(runJob))).rejects.toThrow(/leave sweep and design out/);
    const unsure = planExperiment(parseExperiment({ ...experiment, uncertainty: {} }), load);
    await expect(runSensitivity(unsure, spec, inProcessExecutor(runJob))).rejects.toThrow(/leave uncertainty out/);
  });
});
