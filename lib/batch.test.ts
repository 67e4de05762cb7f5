/**
 * Experiments as researchers script them from code: time series in tidy rows, per-level
 * metrics and metric hooks, the same through worker threads as in process, and shards that
 * merge into the single-machine output (the designs are tested in experiments/design.test.ts).
 */
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { experiment, planFrom } from './batch.ts';
import { parseExperiment, warmupOf, type ExperimentInput } from '../experiments/experiment.ts';
import { seriesToCsv } from '../experiments/formats.ts';

const two: ExperimentInput = {
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 2,
  days: 14,
};

describe('time series and metrics', () => {
  it('gives tidy daily rows for every run, consistent with the run itself', async () => {
    const out = await experiment(
      { ...two, warmupDays: 0, series: { every: 'daily', metrics: ['closed', 'closedInInterval', 'levels[community].queued'] } },
      { workers: 0 },
    );
    const rows = csvParse(seriesToCsv(out));
    expect(rows.columns).toEqual(['structure', 'replication', 'seed', 'day', 'metric', 'value', 'unit']);
    expect(rows).toHaveLength(2 * 2 * 14 * 3);
    const run = rows.filter((r) => r.structure === 'longgang-2021' && r.replication === '1');
    const perDay = run.filter((r) => r.metric === 'closedInInterval').map((r) => Number(r.value));
    const closed = run.filter((r) => r.metric === 'closed').map((r) => Number(r.value));
    expect(run.filter((r) => r.metric === 'closed').map((r) => Number(r.day))).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(closed[13]);
    const direct = simulate(loadPreset('longgang-2021'), { seed: Number(run[0].seed), days: 14 });
    expect(closed[13]).toBe(direct.summary.cases.closed);
    expect(run.filter((r) => r.metric === 'levels[community].queued').map((r) => Number(r.value))).toEqual(
      direct.series.map((s) => s.queuedByTier[0 + loadPreset('longgang-2021').levels.findIndex((l) => l.id === 'community')]),
    );
  });

  it('weekly series have one row per week; level and department figures match the summary', async () => {
    const dept = loadPreset('longgang-2021').departments[0].id;
    const out = await experiment(
      {
        ...two,
        series: { every: 'weekly', metrics: ['open'] },
        warmupDays: 3,
        metrics: ['levels[community].utilisation', `departments[${dept}].meanQueue`, 'levels[town].utilisation'],
      },
      { workers: 0 },
    );
    expect(out.series!.filter((r) => r.structure === 'longgang-2021' && r.replication === 0).map((r) => r.day)).toEqual([7, 14]);
    // A run's figures cover the window after its warm-up, in the experiment as in simulate().
    const direct = simulate(loadPreset('longgang-2021'), {
      seed: out.manifest.seeds[0],
      days: 14,
      snapshotEveryMinutes: 0,
      warmupDays: 3,
    }).summary;
    expect(direct.warmup.days).toBe(3);
    const value = (metric: string) =>
      out.rows.find((r) => r.structure === 'longgang-2021' && r.replication === 0 && r.metric === metric)!.value;
    expect(value('levels[community].utilisation')).toBe(direct.levels.find((l) => l.id === 'community')!.utilisation);
    expect(value(`departments[${dept}].meanQueue`)).toBe(direct.departments[0].meanQueue);
    // Longgang has no town level: not applicable, not zero.
    expect(value('levels[town].utilisation')).toBeNaN();
  });

  it('discards a warm-up by default: a quarter of the run, at most 28 days', () => {
    expect(warmupOf(parseExperiment(two))).toBe(3);
    expect(warmupOf(parseExperiment({ ...two, days: 365 }))).toBe(28);
    expect(warmupOf(parseExperiment({ ...two, warmupDays: 0 }))).toBe(0);
    expect(() => parseExperiment({ ...two, warmupDays: 14 })).toThrow(/warmupDays: expected fewer days than the runs' 14/);
  });

  it('computes hook metrics from snapshots, the same in worker threads as in process', async () => {
    const input = { ...two, metrics: ['cases.open', 'openPerDay'], series: { every: 'weekly' as const, metrics: ['open', 'openPerDay'] } };
    const hooks = { openPerDay: (s: { open: number; day: number }) => s.open / s.day };
    const inProcess = await experiment(input, { workers: 0, hooks, date: new Date(0) });
    const threads = await experiment(input, { workers: 2, hooks, date: new Date(0) });
    expect(threads).toEqual(inProcess);
    const at = (metric: string) => inProcess.rows.filter((r) => r.metric === metric).map((r) => r.value);
    expect(at('openPerDay')).toEqual(at('cases.open').map((x) => x / 14));
    const series = (metric: string) => inProcess.series!.filter((r) => r.metric === metric);
    expect(series('openPerDay').map((r) => r.value)).toEqual(series('open').map((r) => r.value / r.day));
    expect(() => planFrom(input)).toThrow(/metrics\[1\]: expected a metric id/);
  });
});

describe('shards with time series', () => {
  it('merge into exactly the single-machine output, series included', async () => {
    const { mergeShards } = await import('../experiments/merge.ts');
    const input = { ...two, series: { every: 'weekly' as const, metrics: ['open', 'levels[community].queued'] } };
    const whole = await experiment(input, { workers: 0, date: new Date(0) });
    const shards = await Promise.all(
      [0, 1, 2].map((index) => experiment(input, { workers: 0, date: new Date(0), shard: { index, count: 3 } })),
    );
    const merged = await mergeShards(JSON.parse(JSON.stringify(shards)), new Date(0));
    expect(merged.series).toEqual(whole.series);
    expect(merged.rows).toEqual(whole.rows);
  });

  it('of metric hooks merge too; an edited one is a MergeError naming the shard and the field', async () => {
    const { mergeShards, MergeError, toJson } = await import('./experiments.ts');
    const input = { ...two, days: 7, metrics: ['cases.open', 'openPerDay'], series: { every: 'weekly' as const, metrics: ['open'] } };
    const hooks = { openPerDay: (s: { open: number; day: number }) => s.open / s.day };
    const whole = await experiment(input, { workers: 0, hooks, date: new Date(0) });
    const shards = await Promise.all(
      [0, 1].map((index) => experiment(input, { workers: 0, hooks, date: new Date(0), shard: { index, count: 2 } })),
    );
    const files = shards.map((s) => JSON.parse(toJson(s)));
    expect(toJson(await mergeShards(files, new Date(0), ['a.json', 'b.json']))).toBe(toJson(whole));
    files[1].series[0].value += 1;
    const e = await mergeShards(files, new Date(0), ['a.json', 'b.json']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MergeError);
    expect(e).toMatchObject({
      file: 'b.json',
      field: 'series',
      message: 'merge: b.json: series: checksum does not match the series (edited?)',
    });
  });
});

describe('experiment() is typed by its input', () => {
  it('a misspelt field does not compile (npm run typecheck), and is refused at run time, named', async () => {
    // @ts-expect-error: "replicatons" is not a field of an experiment
    const typo = experiment({ structures: [{ preset: 'longgang-2021' }], replicatons: 2 }, { workers: 0 });
    await expect(typo).rejects.toThrow(/unknown field "replicatons"/);
  });
});
