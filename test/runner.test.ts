/**
 * The experiment runner: identical results whatever the number of workers or shards,
 * honest intervals, paired comparisons, cancellation and failing workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mmcMeanWait } from '../sim/theory.ts';
import { presetJson } from '../scenarios/presets.ts';
import { referenceQueue } from '../scenarios/reference.ts';
import { csvParse } from 'd3-dsv';
import { manifestJson, toCsv, toJson } from '../experiments/formats.ts';
import { parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { inProcessExecutor, type Executor } from '../experiments/executor.ts';
import { mergeShards } from '../experiments/merge.ts';
import { runExperiment } from '../experiments/runner.ts';

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);
const plan = (e: ExperimentInput) => planExperiment(parseExperiment(e), load);
const DATE = new Date('2026-01-01T00:00:00Z');
const pools: { close(): void }[] = [];
afterAll(() => pools.forEach((p) => p.close()));
const pooled = (n: number): Executor => {
  const p = nodePool(n);
  pools.push(p);
  return poolExecutor(p);
};

const small: ExperimentInput = {
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021', label: 'flat' }],
  replications: 4,
  days: 10,
  sweep: [{ param: 'demand.casesPerResidentYear', values: [0.4, 0.8] }],
  metrics: ['hoursToClose.mean', 'sla.close24h', 'cost.perCaseYuan'],
};

describe('reproducible whatever the workers', () => {
  it('gives byte-identical output with 1 and 2 workers, and as 2 merged shards', async () => {
    const p = plan(small);
    const one = toJson(await runExperiment(p, pooled(1), { date: DATE }));
    const two = toJson(await runExperiment(p, pooled(2), { date: DATE }));
    const shards = await Promise.all([0, 1].map((index) => runExperiment(p, pooled(1), { date: DATE, shard: { index, count: 2 } })));
    const merged = toJson(await mergeShards(shards, DATE));
    expect(two === one).toBe(true);
    expect(merged === one).toBe(true);
    const out = JSON.parse(one);
    expect(out.rows).toHaveLength(2 * 2 * 4 * 3);
    expect(out.manifest.complete).toBe(true);
    expect(out.manifest.scenarios.map((s: { label: string }) => s.label)).toEqual(['traditional-county', 'flat']);
    expect(out.manifest.scenarios[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to merge an incomplete set of shards', async () => {
    const p = plan({ ...small, sweep: [] });
    const s0 = await runExperiment(p, inProcessExecutor(runJob), { date: DATE, shard: { index: 0, count: 3 } });
    await expect(mergeShards([s0], DATE)).rejects.toThrow(/missing shard\(s\) 1\/3, 2\/3/);
  });

  it('writes CSV that parses as is: a header, then one row per run and metric', async () => {
    const out = await runExperiment(plan({ ...small, sweep: [] }), inProcessExecutor(runJob), { date: DATE });
    const rows = csvParse(toCsv(out));
    expect(rows.columns).toEqual(['structure', 'replication', 'seed', 'metric', 'value', 'unit']);
    expect(rows).toHaveLength(2 * 4 * 3);
    expect(Number(rows[0].value)).toBe(out.rows[0].value);
    expect(JSON.parse(manifestJson(out))).toEqual(out.manifest);
  });
});

describe('confidence intervals', () => {
  it('the 95% interval of the mean wait covers the Erlang C value in about 95% of experiments', async () => {
    const q = { servers: 2, arrivalsPerHour: 1.2, serviceMinutes: 60 };
    const truth = mmcMeanWait(2, 1.2, 1);
    const experiments = 200;
    let covered = 0;
    for (let i = 0; i < experiments; i++) {
      const p = plan({
        structures: [{ scenario: referenceQueue(q) }],
        replications: 8,
        days: 120,
        baseSeed: 1000 + i,
        metrics: ['hoursToClose.mean'],
      });
      const out = await runExperiment(p, inProcessExecutor(runJob), { date: DATE });
      // Time in system = wait + service (mean 1 h).
      const r = out.summary[0];
      if (Math.abs(r.mean - (truth + 1)) <= r.half) covered++;
    }
    // Binomial(200, 0.95): 95% of outcomes fall in 184–196.
    expect(covered / experiments).toBeGreaterThan(0.9);
    expect(covered / experiments).toBeLessThan(0.99);
  });

  it('common random numbers make the paired difference narrower than the unpaired one', async () => {
    const base = presetJson('longgang-2021') as Record<string, unknown>;
    const p = plan({
      structures: [
        { scenario: base, label: 'platform' },
        { scenario: base, label: 'no platform', overrides: { 'platform.enabled': false } },
      ],
      replications: 10,
      days: 20,
      metrics: ['hoursToClose.mean', 'sla.close24h', 'trust.mean'],
    });
    const out = await runExperiment(p, inProcessExecutor(runJob), { date: DATE });
    for (const d of out.differences) expect(d.half, d.metric).toBeLessThan(d.unpairedHalf);
  });

  it('sequential mode adds replications until the intervals are narrow enough', async () => {
    const p = plan({
      structures: [{ scenario: referenceQueue({ servers: 2, arrivalsPerHour: 1.2, serviceMinutes: 60 }) }],
      replications: 4,
      days: 60,
      metrics: ['hoursToClose.mean'],
      sequential: { relativeHalfWidth: 0.02, batch: 4, maxReplications: 200 },
    });
    const out = await runExperiment(p, inProcessExecutor(runJob), { date: DATE });
    const r = out.summary[0];
    expect(out.manifest.replications).toBeGreaterThan(4);
    expect(r.half).toBeLessThanOrEqual(0.02 * r.mean);
    expect(r.n).toBe(out.manifest.replications);
  });
});

describe('stopping and failing', () => {
  it('cancelling mid-run stops at once and keeps the finished replications', async () => {
    const p = plan({ ...small, replications: 40, days: 30, sweep: [] });
    const ctl = new AbortController();
    let seen = 0;
    const out = await runExperiment(p, pooled(2), {
      date: DATE,
      signal: ctl.signal,
      onProgress: (pr) => {
        seen = pr.done;
        if (pr.done >= 3) ctl.abort();
      },
    });
    expect(out.manifest.complete).toBe(false);
    const finished = new Set(out.rows.map((r) => `${r.structure}/${r.replication}`)).size;
    expect(finished).toBeGreaterThanOrEqual(3);
    expect(finished).toBeLessThan(80);
    expect(finished).toBe(seen);
    expect(out.failures).toEqual([]);
  });

  it('a job that throws in a worker gives an error naming the scenario and seed; the rest finish', async () => {
    const p = plan({ ...small, sweep: [] });
    const exec = pooled(2);
    const broken: Executor = {
      ...exec,
      // Replication 1 of the first structure asks for a negative number of days.
      run: (job) => exec.run(job.replication === 1 && job.structure === 0 ? { ...job, days: -5 } : job),
    };
    const out = await runExperiment(p, broken, { date: DATE });
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]).toMatchObject({ structure: 'traditional-county', scenario: 'traditional-county', replication: 1 });
    expect(out.failures[0].seed).toBe(out.manifest.seeds[1]);
    expect(out.failures[0].message).toMatch(/days: expected a positive number of days, got -5/);
    expect(new Set(out.rows.map((r) => `${r.structure}/${r.replication}`)).size).toBe(7);
    expect(out.manifest.complete).toBe(false);
  });

  it('a worker that dies fails only its job and is replaced', async () => {
    const pool = nodePool(2);
    pools.push(pool);
    const exec = poolExecutor(pool);
    const p = plan({ ...small, sweep: [], days: 20 });
    let killed = false;
    const out = await runExperiment(p, exec, {
      date: DATE,
      onProgress: () => {
        if (!killed) killed = pool.killBusyWorker();
      },
    });
    expect(killed).toBe(true);
    expect(pool.replaced).toBe(1);
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0].message).toMatch(/worker stopped/);
    expect(out.rows.length / 3).toBe(7);
  });
});
