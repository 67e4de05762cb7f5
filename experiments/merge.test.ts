/**
 * merge combines shards only when they are the slices of one experiment, each present once,
 * together covering every replication exactly once; and it verifies each shard before using
 * it: its checksums, then every field it reads (seeds by the experiment's rule, values).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { parseExperiment, type ExperimentInput } from './experiment.ts';
import { planExperiment } from './plan.ts';
import { runJob } from './jobs.ts';
import { inProcessExecutor } from './executor.ts';
import { MergeError, mergeShards } from './merge.ts';
import { shardChecksums } from './checksums.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { runExperiment, type ExperimentOutput } from './runner.ts';
import { toJson } from './formats.ts';

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
const merged = async (outs: ExperimentOutput[], files?: string[]) => {
  try {
    return await mergeShards(structuredClone(outs), DATE, files);
  } catch (e) {
    return e as Error;
  }
};
/** A shard edited, its checksums written again: what a careless or deliberate writer could produce. */
const resigned = async (o: ExperimentOutput, edit: (x: ExperimentOutput) => void = () => {}) => {
  const x = structuredClone(o);
  edit(x);
  x.checksums = await shardChecksums(x);
  return x;
};
const message = (r: unknown) => (r as Error).message;

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
    const dup = await resigned(b, (x) => x.rows.splice(0, 2, ...a.rows.slice(0, 2)));
    expect(((await merged([a, dup])) as Error).message).toMatch(
      /replication 0 of traditional-county at \{"demand\.casesPerResidentYear":0\.2\} is in shard 1\/2, which should not hold it/,
    );
    const cut = await resigned(b, (x) => (x.rows = x.rows.slice(2)));
    expect(((await merged([a, cut])) as Error).message).toMatch(/missing 1 replication\(s\): .*replication \d+ of/);
    const twice = await resigned(b, (x) => x.rows.splice(-2, 2, ...b.rows.slice(0, 2)));
    expect(((await merged([a, twice])) as Error).message).toMatch(/given 2 times/);
    // More rows than the slice can hold: refused from the counts, before any is read.
    const more = await resigned(b, (x) => x.rows.push(...b.rows.slice(0, 2)));
    expect(message(await merged([a, more], ['a.json', 'b.json']))).toBe(
      'merge: b.json: rows: 18 rows, more than its slice can hold (8 run(s) × 2 metric(s): shard 1/2 of 16 runs)',
    );
  });
  it('refuses an interrupted shard, naming it, rather than merging a partial result as complete', async () => {
    const cut = await resigned(await shard(1, 2), (x) => {
      x.rows = x.rows.slice(0, 4);
      x.manifest.shard!.finished = false;
    });
    const r = await merged([await shard(0, 2), cut]);
    expect((r as Error).message).toMatch(/missing 6 replication\(s\).*shard 1\/2 did not finish/s);
  });
  it('refuses a file that is not a shard output', async () => {
    const r = await merged([await shard(0, 2), { hello: 1 } as unknown as ExperimentOutput]);
    expect((r as Error).message).toBe('merge: file 2: not an experiment output (expected manifest, rows, failures and resolved)');
  });
  it('refuses shards run by another model version, whose results differ', async () => {
    const old = await resigned(await shard(1, 2), (x) => (x.manifest.modelVersion = '1.0.0'));
    expect(((await merged([await shard(0, 2), old])) as Error).message).toMatch(
      new RegExp(`different model versions \\(0/2: ${MODEL_VERSION.replace(/\./g, '\\.')}; 1/2: 1\\.0\\.0\\)`),
    );
    const both = [await resigned(await shard(0, 2), (x) => (x.manifest.modelVersion = '1.0.0')), old];
    expect(((await merged(both)) as Error).message).toMatch(
      /run by model version 1\.0\.0, this flatgov is model version .*: merge them with the flatgov that ran them/,
    );
  });
  it('names the commit that ran the shards, or every commit if they differ', async () => {
    const [a, b] = [
      await resigned(await shard(0, 2), (x) => (x.manifest.commit = 'abc')),
      await resigned(await shard(1, 2), (x) => (x.manifest.commit = 'abc')),
    ];
    expect(((await merged([a, b])) as ExperimentOutput).manifest.commit).toBe('abc');
    const c = await resigned(b, (x) => (x.manifest.commit = 'def'));
    expect(((await merged([a, c])) as ExperimentOutput).manifest.commit).toBe('abc, def');
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

describe('merge verifies each shard before using any of it', () => {
  const files = ['part-1.json', 'part-2.json'];
  /** The refusal of [shard 0/2, edited shard 1/2]: a MergeError naming the second file and a field. */
  const refusal = async (edited: ExperimentOutput) => {
    const r = await merged([await shard(0, 2), edited], files);
    expect(r).toBeInstanceOf(MergeError);
    const e = r as MergeError;
    expect(e.file).toBe('part-2.json');
    expect(e.message.split('\n')).toHaveLength(1);
    expect(e.message.startsWith(`merge: part-2.json: ${e.field}: `)).toBe(true);
    return e;
  };
  const edited = async (edit: (x: ExperimentOutput) => void) => {
    const x = structuredClone(await shard(1, 2));
    edit(x);
    return x;
  };

  it('a shard carries the SHA-256 of its manifest and its rows; an unsharded output does not', async () => {
    const s = await shard(1, 2);
    expect(s.checksums).toEqual(await shardChecksums(s));
    expect(s.checksums!.rows).toMatch(/^[0-9a-f]{64}$/);
    const one = await runExperiment(plan, inProcessExecutor(runJob), { date: DATE });
    expect(one.checksums).toBeUndefined();
  });

  it('refuses a value edited to a plausible number: the rows no longer match their checksum', async () => {
    const e = await refusal(await edited((x) => (x.rows[3].value *= 1.01)));
    expect(e.message).toBe('merge: part-2.json: rows: checksum does not match the rows (edited?)');
    expect(e.field).toBe('rows');
  });

  it('refuses a value edited to "abc", with or without the checksum written again', async () => {
    const abc = (x: ExperimentOutput) => ((x.rows[3] as { value: unknown }).value = 'abc');
    expect((await refusal(await edited(abc))).field).toBe('rows');
    const e = await refusal(await resigned(await shard(1, 2), abc));
    expect(e.message).toBe('merge: part-2.json: rows[3].value: expected a number (or null for a value missing), got "abc"');
    expect(e.field).toBe('rows[3].value');
  });

  it("refuses a row's seed that is not the experiment's seed of its replication", async () => {
    expect((await refusal(await edited((x) => (x.rows[13].seed = 5)))).field).toBe('rows');
    const s = await shard(1, 2);
    const r = s.rows[13];
    const e = await refusal(await resigned(s, (x) => (x.rows[13].seed = 5)));
    expect(r.seed).toBe(replicationSeed(1, r.replication));
    expect(e.message).toBe(
      `merge: part-2.json: rows[13].seed: expected ${r.seed} for replication ${r.replication} of "${r.structure}", got 5`,
    );
  });

  it('refuses an edited manifest: by its checksum, and field by field when the checksum is written again', async () => {
    const days = await refusal(await edited((x) => (x.manifest.experiment.days = 3)));
    expect(days.message).toBe('merge: part-2.json: manifest: checksum does not match the manifest (edited?)');
    const cases: [string, (x: ExperimentOutput) => void, string][] = [
      [
        'replications 1e9',
        (x) => (x.manifest.replications = 1e9),
        "manifest.replications: expected 4 (the experiment's replications), got 1000000000",
      ],
      [
        'a seed',
        (x) => (x.manifest.seeds[2] = 7),
        `manifest.seeds[2]: expected ${replicationSeed(1, 2)} for replication 2 (base seed 1), got 7`,
      ],
      [
        'schema version 99',
        (x) => (x.manifest.scenarioSchemaVersion = 99),
        "manifest.scenarioSchemaVersion: expected 2 (this flatgov's scenario schema), got 99",
      ],
      ['design null', (x) => ((x.manifest.experiment as { design: unknown }).design = null), 'manifest.experiment.design: '],
      ['metrics null', (x) => ((x.manifest.experiment as { metrics: unknown }).metrics = null), 'manifest.experiment.metrics: '],
      [
        'structures null',
        (x) => ((x.manifest.experiment as { structures: unknown }).structures = null),
        'manifest.experiment.structures: ',
      ],
      [
        'a metric twice',
        (x) => x.manifest.experiment.metrics.push('sla.close24h'),
        'manifest.experiment.metrics[2]: "sla.close24h" is listed twice',
      ],
      ['shard index 7', (x) => (x.manifest.shard!.index = 7), 'manifest.shard.index: expected a whole number below the count 2, got 7'],
      ['no shard', (x) => delete x.manifest.shard, 'manifest.shard: missing'],
    ];
    for (const [name, edit, want] of cases) {
      const e = await refusal(await resigned(await shard(1, 2), edit));
      expect(e.message, name).toContain(`merge: part-2.json: ${want}`);
    }
  });

  it('refuses a shard without checksums, saying to run it again', async () => {
    const e = await refusal(await edited((x) => delete x.checksums));
    expect(e.message).toBe(
      'merge: part-2.json: checksums: missing: a shard carries the checksums of its manifest and rows (this file is not a shard, or was written by an older flatgov): run the shard again',
    );
    const bad = await refusal(await edited((x) => (x.checksums!.rows = 'abc')));
    expect(bad.message).toBe('merge: part-2.json: checksums.rows: expected a SHA-256 checksum (64 hex digits), got "abc"');
  });

  it('sizes a manifest states are counted, never allocated: a billion shards, a million-point sweep', async () => {
    const t0 = performance.now();
    const many = async (o: ExperimentOutput) =>
      resigned(o, (x) => {
        x.manifest.shard!.count = 1e9;
        x.shard!.count = 1e9;
      });
    expect(message(await merged([await many(await shard(0, 2)), await many(await shard(1, 2))]))).toBe(
      'merge: file 1: rows: 16 rows, more than its slice can hold (1 run(s) × 2 metric(s): shard 0/1000000000 of 16 runs)',
    );
    const wide = (x: ExperimentOutput) =>
      (x.manifest.experiment.sweep = [
        { param: 'demand.casesPerResidentYear', values: Array.from({ length: 1000 }, (_, i) => 0.2 + i / 1000) },
        { param: 'population.residents', from: 1000, to: 2000, steps: 1000 },
      ]);
    // The sweep of both shards edited alike (and their checksums written again): one experiment, 8 million runs.
    const r = await merged([await resigned(await shard(0, 2), wide), await resigned(await shard(1, 2), wide)]);
    expect(message(r)).toBe(
      "merge: missing 7,999,984 of the experiment's 8,000,000 runs (4 replications × 2 structures × 1,000,000 sweep points); the shards hold 16",
    );
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('an experiment listing a metric twice is refused when it is read, naming the second', () => {
    expect(() => parseExperiment({ ...exp, metrics: ['sla.close24h', 'hoursToClose.mean', 'sla.close24h'] })).toThrow(
      /metrics\[2\]: "sla\.close24h" is listed twice/,
    );
  });

  it('honest shards, written as JSON and read back, merge into the one machine’s output byte for byte', async () => {
    const one = await runExperiment(plan, inProcessExecutor(runJob), { date: DATE });
    const files = await Promise.all([0, 1, 2].map(async (i) => JSON.parse(toJson(await shard(i, 3))) as ExperimentOutput));
    expect(toJson(await mergeShards(files, DATE, ['a.json', 'b.json', 'c.json']))).toBe(toJson(one));
  });
});

describe('a shard with any one field changed (fast-check)', () => {
  const RUNS = Math.max(1, Math.floor(Number(process.env.FLATGOV_PROPERTY_RUNS ?? 300)));
  it('is refused by one MergeError line, or, its checksums untouched, merges into the one machine’s output as before', async () => {
    const one = toJson(await runExperiment(plan, inProcessExecutor(runJob), { date: DATE }));
    const [a, b] = [JSON.parse(toJson(await shard(0, 2))), JSON.parse(toJson(await shard(1, 2)))] as Record<string, unknown>[];
    // Every place in the file: each leaf, and each object or list as a whole.
    const places: (string | number)[][] = [];
    const walk = (v: unknown, at: (string | number)[]) => {
      places.push(at);
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
    };
    walk(b, []);
    const hostile = fc.oneof(
      fc.constantFrom(null, 'abc', -1, 0, 0.5, 1e9, 2 ** 32 - 1, 1e308, true, {}, [], [1], { index: 0, count: 1 }),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 4 }),
    );
    const tally = { refused: 0, same: 0, changed: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...places.filter((p) => p.length > 0)),
        hostile,
        fc.boolean(),
        fc.boolean(),
        async (at, value, remove, resign) => {
          const x = structuredClone(b);
          let o = x as Record<string | number, unknown>;
          for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
          const last = at[at.length - 1];
          if (remove && Array.isArray(o)) o.splice(Number(last), 1);
          else if (remove) delete o[last];
          else o[last] = value;
          if (resign) x.checksums = await shardChecksums(x as unknown as ExperimentOutput);
          let out: ExperimentOutput;
          try {
            out = await mergeShards([a, x] as unknown as ExperimentOutput[], DATE, ['a.json', 'b.json']);
          } catch (e) {
            expect(e).toBeInstanceOf(MergeError);
            expect((e as Error).message.split('\n')).toHaveLength(1);
            tally.refused++;
            return;
          }
          // Only a writer who writes the checksums again can change what is merged.
          if (!resign) expect(toJson(out)).toBe(one);
          tally[toJson(out) === one ? 'same' : 'changed']++;
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FLATGOV_PROPERTY_SEED ?? 20261203) },
    );
    console.log(
      `merge properties: ${RUNS} shards with one field changed: ${tally.refused} refused, ${tally.same} merged as before, ${tally.changed} merged otherwise (checksums written again)`,
    );
  }, 120_000);
});
