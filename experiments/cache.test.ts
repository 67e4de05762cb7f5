/**
 * The results cache: a run taken from it is the run, bit for bit; a run is named by what
 * changes it (model version, scenario, seed, days, warm-up, series) and by nothing else.
 */
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { cachedExecutor, memoryStore, runKey, type CacheStats } from './cache.ts';
import { exactJson, parseExactJson } from './exact-json.ts';
import { inProcessExecutor } from './executor.ts';
import { parseExperiment, type ExperimentInput } from './experiment.ts';
import { toJson } from './formats.ts';
import { jobsFor, runJob, type Job } from './jobs.ts';
import { planExperiment } from './plan.ts';
import { runExperiment } from './runner.ts';

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);
const plan = (e: ExperimentInput) => planExperiment(parseExperiment(e), load);
const DATE = new Date(0);

const exp: ExperimentInput = {
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }, { preset: 'proposal-3' }],
  replications: 2,
  days: 9,
  // Every catalogue metric, level and department figures among them (NaN where a structure has none).
  metrics: [
    'hoursToClose.mean',
    'hoursToCloseAll.p90',
    'localResolutionShare',
    'sla.close24h',
    'cost.annualYuan',
    'cost.perCaseYuan',
    'trust.p10',
    'stability.stable',
    'levels[community].utilisation',
    'levels[town].meanWaitHours',
    'departments[civil-affairs].meanWaitHours',
  ],
  series: { every: 'weekly', metrics: ['open', 'closedInInterval', 'levels[community].queued', 'bypassShare'] },
};

describe('exact JSON', () => {
  it('gives back NaN, both infinities and −0, which JSON cannot write', () => {
    const v = { a: [NaN, Infinity, -Infinity, -0, 0, 1.5e-300], b: { c: NaN }, s: 'NaN' };
    const back = parseExactJson(exactJson(v)) as typeof v;
    expect(back.a.map((x) => Object.is(x, NaN) || x)).toEqual([true, Infinity, -Infinity, -0, 0, 1.5e-300]);
    expect(Object.is(back.a[3], -0)).toBe(true);
    expect(Number.isNaN(back.b.c)).toBe(true);
    expect(back.s).toBe('NaN');
  });
});

describe('the results cache', () => {
  it('a run from the cache gives the same bytes as a fresh run, and the second experiment computes nothing', async () => {
    const p = plan(exp);
    const fresh = toJson(await runExperiment(p, inProcessExecutor(runJob), { date: DATE }));
    const store = memoryStore();
    const first: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    const viaCache = toJson(await runExperiment(p, cachedExecutor(inProcessExecutor(runJob), store, first), { date: DATE }));
    const second: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    let ran = 0;
    const counting = inProcessExecutor((job) => {
      ran++;
      return runJob(job);
    });
    const fromCache = toJson(await runExperiment(p, cachedExecutor(counting, store, second), { date: DATE }));
    expect(first).toMatchObject({ hits: 0, misses: 6 });
    expect(second).toMatchObject({ hits: 6, misses: 0 });
    expect(ran).toBe(0);
    expect(viaCache === fresh).toBe(true);
    expect(fromCache === fresh).toBe(true);
    // The series end at the run's last day (9), inside the second week.
    expect(JSON.parse(fresh).series.filter((r: { day: number }) => r.day === 9).length).toBeGreaterThan(0);
  });

  it('gives every value bit for bit, NaN and all, for metrics the first experiment did not ask for', async () => {
    const store = memoryStore();
    const p = plan({ ...exp, series: undefined, metrics: ['hoursToClose.mean'] });
    await runExperiment(p, cachedExecutor(inProcessExecutor(runJob), store), { date: DATE });
    // The same runs asked for other metrics: read from the stored summaries.
    const q = plan({ ...exp, series: undefined });
    const stats: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    const cached = await runExperiment(q, cachedExecutor(inProcessExecutor(runJob), store, stats), { date: DATE });
    const fresh = await runExperiment(q, inProcessExecutor(runJob), { date: DATE });
    expect(stats.hits).toBe(6);
    const bits = (xs: number[]) => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x)));
    expect(bits(cached.rows.map((r) => r.value))).toEqual(bits(fresh.rows.map((r) => r.value)));
    expect(fresh.rows.some((r) => Number.isNaN(r.value))).toBe(true);
  });

  it('names a run by model version, scenario, seed, days, warm-up and series, and by nothing else', async () => {
    const [job] = jobsFor(plan(exp), 0, 1);
    const key = await runKey(job);
    const variants: Job[] = [
      { ...job, seed: job.seed + 1 },
      { ...job, days: job.days + 1 },
      { ...job, warmupDays: (job.warmupDays ?? 0) + 1 },
      { ...job, series: undefined },
      { ...job, scenario: { ...job.scenario, name: `${job.scenario.name}.` } },
    ];
    for (const v of variants) expect(await runKey(v)).not.toBe(key);
    // A new model version names every run anew: nothing an older model computed is reused.
    expect(await runKey(job, '999.0.0')).not.toBe(key);
    // What is read from a run (its metrics), its place in the design and labels do not change it.
    expect(await runKey({ ...job, metrics: ['bypassShare'], index: 7, replication: 3, structure: 2 })).toBe(key);
    expect(await runKey({ ...job, scenario: structuredClone(job.scenario) })).toBe(key);
  });

  it('runs jobs with metric hooks every time and never stores them', async () => {
    const store = memoryStore();
    const stats: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    const exec = cachedExecutor(inProcessExecutor(runJob), store, stats);
    const [job] = jobsFor(plan({ ...exp, series: undefined }), 0, 1);
    await exec.run({ ...job, snapshots: true });
    await exec.run({ ...job, snapshots: true });
    expect(stats).toMatchObject({ hits: 0, misses: 0, uncached: 2 });
    expect(store.size).toBe(0);
  });

  it('runs again, and stores afresh, a damaged entry; a store that cannot be written is not an error', async () => {
    const [job] = jobsFor(plan({ ...exp, series: undefined }), 0, 1);
    const key = await runKey(job);
    const store = memoryStore();
    await store.set(key, '{"identity": "cut sh');
    const stats: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    const r = await cachedExecutor(inProcessExecutor(runJob), store, stats).run(job);
    expect(stats.misses).toBe(1);
    expect(r.values).toEqual(runJob(job).values);
    expect(JSON.parse((await store.get(key))!).summary).toBeTruthy();
    const full: CacheStats = { hits: 0, misses: 0, uncached: 0 };
    const failing = {
      get: async () => undefined,
      set: async () => {
        throw new Error('no space left on device');
      },
    };
    const r2 = await cachedExecutor(inProcessExecutor(runJob), failing, full).run(job);
    expect(r2.values).toEqual(r.values);
    expect(full.writeError).toMatch(/no space/);
  });
});
