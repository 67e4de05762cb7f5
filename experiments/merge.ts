/**
 * Shards merged: the outputs of every slice of an experiment (`--shard i/N`) combined into
 * exactly what one machine would have produced, or refused with the reason.
 */
import { MODEL_VERSION } from '../sim/version.ts';
import { sha256 } from './identity.ts';
import type { JobResult } from './jobs.ts';
import { planExperiment, type Plan } from './plan.ts';
import type { Experiment } from './experiment.ts';
import { assemble, type ExperimentOutput } from './runner.ts';

/** The plan of an output, rebuilt from its resolved scenarios (no files needed). */
export function planOfOutput(out: ExperimentOutput): Plan {
  const e: Experiment = {
    ...out.manifest.experiment,
    structures: out.resolved.map((r) => ({ label: r.label, scenario: r.scenario, overrides: {} })),
  };
  const plan = planExperiment(e, (ref) => ref.scenario);
  return { ...plan, experiment: out.manifest.experiment };
}

/** Job results recovered from an output's tidy rows. */
export function resultsOfOutput(out: ExperimentOutput, plan: Plan): JobResult[] {
  const metrics = plan.experiment.metrics;
  const byKey = new Map<string, JobResult>();
  const pointIndex = (v: Record<string, unknown>) => plan.points.findIndex((p) => JSON.stringify(p.values) === JSON.stringify(v));
  for (const r of out.rows) {
    const s = plan.structures.findIndex((x) => x.label === r.structure);
    const p = pointIndex(r.point);
    const key = `${s}/${p}/${r.replication}`;
    let jr = byKey.get(key);
    if (!jr) {
      const S = plan.structures.length;
      const P = plan.points.length;
      jr = {
        index: (r.replication * S + s) * P + p,
        structure: s,
        point: p,
        replication: r.replication,
        seed: r.seed,
        values: metrics.map(() => NaN),
        events: 0,
      };
      byKey.set(key, jr);
    }
    jr.values[metrics.indexOf(r.metric)] = r.value ?? NaN;
  }
  // The time series, when there is one, back into each run's columns.
  const seriesMetrics = plan.experiment.series?.metrics;
  if (seriesMetrics && out.series)
    for (const r of out.series) {
      const jr = byKey.get(`${plan.structures.findIndex((x) => x.label === r.structure)}/${pointIndex(r.point)}/${r.replication}`);
      if (!jr) continue;
      const sr = (jr.series ??= { days: [], values: seriesMetrics.map(() => []) });
      let k = sr.days.indexOf(r.day);
      if (k < 0) {
        k = sr.days.push(r.day) - 1;
        for (const col of sr.values) col.push(NaN);
      }
      const m = seriesMetrics.indexOf(r.metric);
      if (m >= 0) sr.values[m][k] = r.value ?? NaN;
    }
  return [...byKey.values()];
}

/** A set of shard outputs that cannot be merged; the message says why. */
export class MergeError extends Error {
  constructor(message: string) {
    super(`merge: ${message}`);
    this.name = 'MergeError';
  }
}

const shardName = (o: ExperimentOutput) => (o.shard ? `${o.shard.index}/${o.shard.count}` : 'unsharded');

/** Whether a shard ran its whole slice (older outputs say so only in `complete`). */
const sliceFinished = (o: ExperimentOutput) => o.manifest.shard?.finished ?? o.manifest.complete;

/** Whether a parsed file has the shape of an experiment output. */
export function isExperimentOutput(o: unknown): o is ExperimentOutput {
  const x = o as ExperimentOutput;
  return (
    !!x &&
    typeof x === 'object' &&
    !!x.manifest &&
    typeof x.manifest === 'object' &&
    !!x.manifest.experiment &&
    Array.isArray(x.manifest.scenarios) &&
    Array.isArray(x.rows) &&
    Array.isArray(x.failures) &&
    Array.isArray(x.resolved)
  );
}

/**
 * Combine the outputs of all shards into what one machine would have produced. Refuses
 * (MergeError) unless they are slices of one experiment (same hash) run by one model version,
 * of one partition, each present once, and together hold every replication exactly once.
 * The merged manifest names the shards' commit (their commits, comma-separated, if they differ).
 */
export async function mergeShards(outputs: ExperimentOutput[], date = new Date()): Promise<ExperimentOutput> {
  if (outputs.length === 0) throw new MergeError('expected at least one shard output');
  outputs.forEach((o, i) => {
    if (!isExperimentOutput(o))
      throw new MergeError(`file ${i + 1} is not an experiment output (expected manifest, rows, failures and resolved)`);
  });
  // One experiment: the hash of what defines it (experiment, scenario hashes, resolved scenarios).
  const hashes = await Promise.all(
    outputs.map((o) => sha256({ experiment: o.manifest.experiment, scenarios: o.manifest.scenarios, resolved: o.resolved })),
  );
  const kinds = [...new Set(hashes)];
  if (kinds.length > 1) {
    const list = kinds.map(
      (h) =>
        `${outputs
          .filter((_, i) => hashes[i] === h)
          .map(shardName)
          .join(', ')} (experiment ${h.slice(0, 12)})`,
    );
    throw new MergeError(`the shards come from different experiments: ${list.join(' vs ')}`);
  }
  const models = [...new Set(outputs.map((o) => o.manifest.modelVersion ?? 'unknown'))];
  if (models.length > 1)
    throw new MergeError(
      `the shards were run by different model versions (${models
        .map(
          (m) =>
            `${outputs
              .filter((o) => (o.manifest.modelVersion ?? 'unknown') === m)
              .map(shardName)
              .join(', ')}: ${m}`,
        )
        .join('; ')}), whose results differ: run them all with one`,
    );
  if (models[0] !== MODEL_VERSION)
    throw new MergeError(
      `the shards were run by model version ${models[0]}, this flatgov is model version ${MODEL_VERSION}: merge them with the flatgov that ran them`,
    );
  const commits = [...new Set(outputs.map((o) => o.manifest.commit ?? 'unknown'))];
  for (const o of outputs) {
    const own = await Promise.all(o.resolved.map((r) => sha256(r.scenario)));
    if (own.join() !== o.manifest.scenarios.map((s) => s.sha256).join())
      throw new MergeError(`shard ${shardName(o)}: its scenarios do not match the hashes in its manifest (the file was edited)`);
  }
  // One partition, each shard once, none missing.
  const counts = [...new Set(outputs.map((o) => o.shard?.count ?? 1))];
  if (counts.length > 1)
    throw new MergeError(`shards of different partitions: ${outputs.map(shardName).join(', ')} (every shard must be i/N with the same N)`);
  const count = counts[0];
  const seen = new Set<number>();
  for (const o of outputs) {
    const i = o.shard?.index ?? 0;
    if (!(Number.isInteger(i) && i >= 0 && i < count)) throw new MergeError(`shard ${shardName(o)}: not a shard of ${count}`);
    if (seen.has(i)) throw new MergeError(`shard ${shardName(o)} is given twice`);
    seen.add(i);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  // Exact coverage: every replication of every structure and point once, each in its own shard.
  const plan = planOfOutput(outputs[0]);
  const S = plan.structures.length;
  const P = plan.points.length;
  const R = outputs[0].manifest.replications;
  const nMetrics = plan.experiment.metrics.length;
  const held = new Map<number, number>();
  const describeJob = (index: number) => {
    const p = index % P;
    const s = Math.floor(index / P) % S;
    const k = Math.floor(index / (P * S));
    return `replication ${k} of ${plan.structures[s]?.label}${P > 1 ? ` at ${JSON.stringify(plan.points[p].values)}` : ''}`;
  };
  const results: JobResult[] = [];
  for (const o of outputs) {
    const mine = o.shard?.index ?? 0;
    const rs = resultsOfOutput(o, plan);
    const rowsPer = new Map<string, number>();
    for (const r of o.rows)
      rowsPer.set(
        `${r.structure}/${JSON.stringify(r.point)}/${r.replication}`,
        (rowsPer.get(`${r.structure}/${JSON.stringify(r.point)}/${r.replication}`) ?? 0) + 1,
      );
    const indices = [
      ...rs.map((r) => {
        if (r.structure < 0 || r.point < 0 || !(Number.isInteger(r.replication) && r.replication >= 0 && r.replication < R))
          throw new MergeError(`shard ${shardName(o)}: a row names a structure, sweep point or replication the experiment does not have`);
        const n = rowsPer.get(`${plan.structures[r.structure].label}/${JSON.stringify(plan.points[r.point].values)}/${r.replication}`) ?? 0;
        if (n !== nMetrics)
          throw new MergeError(
            `shard ${shardName(o)}: ${describeJob(r.index)} is given ${n / nMetrics} times (${n} rows for ${nMetrics} metrics)`,
          );
        return r.index;
      }),
      ...o.failures.map((f) => f.index),
    ];
    for (const index of indices) {
      if (index % count !== mine) throw new MergeError(`${describeJob(index)} is in shard ${shardName(o)}, which should not hold it`);
      held.set(index, (held.get(index) ?? 0) + 1);
    }
    results.push(...rs);
  }
  const twice = [...held].filter(([, n]) => n > 1);
  if (twice.length > 0) throw new MergeError(`${describeJob(twice[0][0])} is given ${twice[0][1]} times`);
  const absent: number[] = [];
  for (let index = 0; index < R * S * P; index++) if (!held.has(index)) absent.push(index);
  if (absent.length > 0) {
    const unfinished = outputs.filter((o) => !sliceFinished(o)).map(shardName);
    throw new MergeError(
      `missing ${absent.length} replication(s): ${absent.slice(0, 3).map(describeJob).join('; ')}${absent.length > 3 ? '; …' : ''}` +
        (unfinished.length > 0
          ? ` (shard ${unfinished.join(', ')} did not finish: run ${unfinished.length > 1 ? 'them' : 'it'} again)`
          : ''),
    );
  }
  const failures = outputs.flatMap((o) => o.failures);
  const complete = failures.length === 0 && outputs.every(sliceFinished);
  return assemble(plan, results, failures, R, complete, date, undefined, commits.join(', '));
}
