/**
 * merge combines shards only when they are the slices of one experiment, each present once,
 * together covering every replication exactly once.
 */
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { parseExperiment, type ExperimentInput } from './experiment.ts';
import { planExperiment } from './plan.ts';
import { runJob } from './jobs.ts';
import { inProcessExecutor } from './executor.ts';
import { mergeShards } from './merge.ts';
import { runExperiment, type ExperimentOutput } from './runner.ts';

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset ? presetJson(r.preset) : r.scenario);
const DATE = new Date('2026-01-01T00:00:00Z');
const exp: ExperimentInput = {
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 4,
  days: 2,
  metrics: ['hoursToClose.mean', 'sla.close24h'],
  sweep: [{ param: 'demand.casesPerResidentYear', values: [0.2, 0.4] }],
};
const plan = planExperiment(parseExperiment(exp), load);
const cache = new Map<string, Promise<ExperimentOutput>>();
const shard = (index: number, count: number, p = plan) => {
  const key = `${index}/${count}/${p === plan}`;
  if (!cache.has(key)) cache.set(key, runExperiment(p, inProcessExecutor(runJob), { date: DATE, shard: { index, count } }));
  return cache.get(key)!;
};
const merged = async (outs: ExperimentOutput[]) => {
  try {
    return await mergeShards(structuredClone(outs), DATE);
  } catch (e) {
    return e as Error;
  }
};

describe('merge refuses inconsistent shards', () => {
  it('refuses shards of different partitions (0/2 with 1/3 and 2/3)', async () => {
    const r = await merged([await shard(0, 2), await shard(1, 3), await shard(2, 3)]);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).name).toBe('MergeError');
    expect((r as Error).message).toMatch(/shards of different partitions: .*0\/2.*1\/3/);
  });
  it('refuses the same shard given twice', async () => {
    const r = await merged([await shard(0, 2), await shard(0, 2), await shard(1, 2)]);
    expect((r as Error).message).toMatch(/shard 0\/2 is given twice/);
  });
  it('refuses shards of different experiments, naming the hashes', async () => {
    const other = planExperiment(parseExperiment({ ...exp, days: 3 }), load);
    const r = await merged([await shard(0, 2), await shard(1, 2, other)]);
    expect((r as Error).message).toMatch(/different experiments: .* \(experiment [0-9a-f]{12}\) .* \(experiment [0-9a-f]{12}\)/);
  });
  it('refuses a shard whose rows were edited: duplicated, missing or outside its slice', async () => {
    const [a, b] = [await shard(0, 2), await shard(1, 2)];
    const dup = structuredClone(b);
    dup.rows.push(...a.rows.slice(0, 2));
    expect(((await merged([a, dup])) as Error).message).toMatch(
      /replication 0 of traditional-county at \{"demand\.casesPerResidentYear":0\.2\} is in shard 1\/2, which should not hold it/,
    );
    const cut = structuredClone(b);
    cut.rows = cut.rows.slice(2);
    expect(((await merged([a, cut])) as Error).message).toMatch(/missing 1 replication\(s\): .*replication \d+ of/);
    const twice = structuredClone(b);
    twice.rows.push(...b.rows.slice(0, 2));
    expect(((await merged([a, twice])) as Error).message).toMatch(/given 2 times/);
  });
  it('refuses an interrupted shard, naming it, rather than merging a partial result as complete', async () => {
    const cut = structuredClone(await shard(1, 2));
    cut.rows = cut.rows.slice(0, 4);
    cut.manifest.shard!.finished = false;
    const r = await merged([await shard(0, 2), cut]);
    expect((r as Error).message).toMatch(/missing 6 replication\(s\).*shard 1\/2 did not finish/s);
  });
  it('refuses a file that is not a shard output', async () => {
    const r = await merged([await shard(0, 2), { hello: 1 } as unknown as ExperimentOutput]);
    expect((r as Error).message).toMatch(/file 2 is not an experiment output \(expected manifest, rows, failures and resolved\)/);
  });
  it('refuses shards run by another model version, whose results differ', async () => {
    const old = structuredClone(await shard(1, 2));
    old.manifest.modelVersion = '1.0.0';
    expect(((await merged([await shard(0, 2), old])) as Error).message).toMatch(
      new RegExp(`different model versions \\(0/2: ${MODEL_VERSION.replace(/\./g, '\\.')}; 1/2: 1\\.0\\.0\\)`),
    );
    const both = [structuredClone(await shard(0, 2)), old];
    both[0].manifest.modelVersion = '1.0.0';
    expect(((await merged(both)) as Error).message).toMatch(
      /run by model version 1\.0\.0, this flatgov is model version .*: merge them with the flatgov that ran them/,
    );
  });
  it('names the commit that ran the shards, or every commit if they differ', async () => {
    const [a, b] = [structuredClone(await shard(0, 2)), structuredClone(await shard(1, 2))];
    a.manifest.commit = b.manifest.commit = 'abc';
    expect(((await merged([a, b])) as ExperimentOutput).manifest.commit).toBe('abc');
    b.manifest.commit = 'def';
    expect(((await merged([a, b])) as ExperimentOutput).manifest.commit).toBe('abc, def');
  });
  it('a shard says it is one in its manifest', async () => {
    const s = await shard(1, 3);
    expect(s.manifest.complete).toBe(false);
    expect(s.manifest.shard).toEqual({ index: 1, count: 3, finished: true });
  });
  it('still merges a consistent set, in any order', async () => {
    const one = await runExperiment(plan, inProcessExecutor(runJob), { date: DATE });
    const m = await merged([await shard(2, 3), await shard(0, 3), await shard(1, 3)]);
    expect(JSON.stringify(m)).toBe(JSON.stringify(one));
  });
});
