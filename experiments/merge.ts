/**
 * Shards merged: the outputs of every slice of an experiment (`--shard i/N`) combined into
 * exactly what one machine would have produced, or refused with the reason. Nothing in a
 * shard is used before it is verified: its checksums (experiments/checksums.ts), then every
 * field the merge reads, against the experiment its manifest names.
 */
import { MODEL_VERSION } from '../sim/version.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { SCHEMA_VERSION } from '../scenarios/schema.ts';
import { describeValue, printable } from '../scenarios/guard.ts';
import { isChecksum, type ShardChecksums } from './checksums.ts';
import { experimentSize, MAX_SWEEP_POINTS } from './design.ts';
import { EXPERIMENT_VERSION, ExperimentError, parseExperiment, type Experiment } from './experiment.ts';
import { sha256 } from './identity.ts';
import type { JobResult } from './jobs.ts';
import { planExperiment, type Plan } from './plan.ts';
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
  // One lookup per row (a search of the points for each row is quadratic in a large sweep).
  const points = new Map<string, number>();
  plan.points.forEach((p, i) => {
    const k = JSON.stringify(p.values);
    if (!points.has(k)) points.set(k, i);
  });
  const pointIndex = (v: Record<string, unknown>) => points.get(JSON.stringify(v)) ?? -1;
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

/**
 * A set of shard outputs that cannot be merged; the message says why in one line. When the
 * fault is in one file, `file` names it (as the caller named it, else "file 2") and `field`
 * the field at fault (`rows[17].seed`, `manifest.replications`, `checksums`).
 */
export class MergeError extends Error {
  readonly file?: string;
  readonly field?: string;
  constructor(message: string, where: { file?: string; field?: string } = {}) {
    const at = [where.file, where.field].filter((x) => x !== undefined).join(': ');
    super(`merge: ${at ? `${at}: ` : ''}${message}`);
    this.name = 'MergeError';
    this.file = where.file;
    this.field = where.field;
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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** A result's value as a shard holds it: a number, or null where the run gave none (JSON writes NaN as null). */
const isValue = (v: unknown): v is number | null => v === null || typeof v === 'number';

/**
 * The experiment a shard or part names, read again as an experiment file is (a null design,
 * a metric listed twice, a sweep of an unknown path are refused), or a MergeError naming the
 * file and the field. Metrics of hooks (the library's) are not in the catalogue: they are
 * taken as named.
 */
export function verifiedExperiment(raw: unknown, file: string, field: string): Experiment {
  const named = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const x = isObject(raw) ? raw : {};
  try {
    return parseExperiment(raw, [...named(x.metrics), ...named(isObject(x.series) ? x.series.metrics : undefined)]);
  } catch (err) {
    if (!(err instanceof ExperimentError)) throw err;
    const p = err.problems[0];
    throw new MergeError(p.message, { file, field: `${field}${p.path ? `.${p.path}`.replace('.[', '[') : ''}` });
  }
}

/** What one shard was verified to be. */
interface Verified {
  o: ExperimentOutput;
  file: string;
  index: number;
  count: number;
}

/**
 * Verify one shard before any of it is used: its checksums against its contents, then each
 * field the merge reads against the experiment its manifest names (versions, the seed rule,
 * labels, metrics, sizes). The work is bounded by the file's own size: nothing is allocated
 * from a number the file states.
 */
async function verifyShard(o: unknown, file: string): Promise<Verified> {
  const fail = (field: string | undefined, message: string): never => {
    throw new MergeError(message, { file, field });
  };
  if (!isExperimentOutput(o)) return fail(undefined, 'not an experiment output (expected manifest, rows, failures and resolved)');
  // The checksums first: they say whether the file is as the shard wrote it.
  const c: unknown = o.checksums;
  if (c === undefined)
    fail(
      'checksums',
      'missing: a shard carries the checksums of its manifest and rows (this file is not a shard, or was written by an older flatgov): run the shard again',
    );
  if (!isObject(c)) return fail('checksums', `expected the SHA-256 checksums of the manifest, rows and failures, got ${describeValue(c)}`);
  const parts: [keyof ShardChecksums, unknown][] = [
    ['manifest', o.manifest],
    ['rows', o.rows],
    ['failures', o.failures],
    ['series', o.series],
  ];
  for (const [field, value] of parts) {
    if (field === 'series' && value === undefined && c.series === undefined) continue;
    if (value === undefined) fail(field, `missing, though the checksums name it`);
    if (!isChecksum(c[field])) fail(`checksums.${field}`, `expected a SHA-256 checksum (64 hex digits), got ${describeValue(c[field])}`);
    if ((await sha256(value)) !== c[field]) fail(field, `checksum does not match the ${field} (edited?)`);
  }
  const extra = Object.keys(c).find((k) => !parts.some(([f]) => f === k));
  if (extra !== undefined) fail(`checksums.${printable(extra)}`, 'unknown checksum (expected manifest, rows, failures and series)');

  // The manifest: versions, the experiment, its seeds and scenarios, the shard.
  const m = o.manifest;
  if (m.scenarioSchemaVersion !== SCHEMA_VERSION)
    fail(
      'manifest.scenarioSchemaVersion',
      `expected ${SCHEMA_VERSION} (this flatgov's scenario schema), got ${describeValue(m.scenarioSchemaVersion)}`,
    );
  if (m.experimentVersion !== EXPERIMENT_VERSION)
    fail(
      'manifest.experimentVersion',
      `expected ${EXPERIMENT_VERSION} (this flatgov's experiments), got ${describeValue(m.experimentVersion)}`,
    );
  if (typeof m.modelVersion !== 'string') fail('manifest.modelVersion', `expected a model version, got ${describeValue(m.modelVersion)}`);
  const e = verifiedExperiment(m.experiment, file, 'manifest.experiment');
  if (e.sequential)
    fail('manifest.experiment.sequential', 'a sequential experiment is never sharded (each batch depends on all results so far)');
  const R = e.replications;
  if (m.replications !== R)
    fail('manifest.replications', `expected ${R} (the experiment's replications), got ${describeValue(m.replications)}`);
  if (!Array.isArray(m.seeds) || m.seeds.length !== R)
    fail(
      'manifest.seeds',
      `expected the ${R} seeds of the replications, got ${Array.isArray(m.seeds) ? `${m.seeds.length}` : describeValue(m.seeds)}`,
    );
  // The seed rule: replication k of every structure runs on replicationSeed(baseSeed, k).
  const seeds = Array.from({ length: R }, (_, k) => replicationSeed(e.baseSeed, k));
  m.seeds.forEach((s, k) => {
    if (s !== seeds[k])
      fail(`manifest.seeds[${k}]`, `expected ${seeds[k]} for replication ${k} (base seed ${e.baseSeed}), got ${describeValue(s)}`);
  });
  const S = e.structures.length;
  if (o.resolved.length !== S) fail('resolved', `expected the ${S} structure(s) of the experiment, resolved, got ${o.resolved.length}`);
  if (m.scenarios.length !== S) fail('manifest.scenarios', `expected the ${S} structure(s) of the experiment, got ${m.scenarios.length}`);
  const labels: string[] = [];
  for (let k = 0; k < S; k++) {
    const r: unknown = o.resolved[k];
    const h: unknown = m.scenarios[k];
    if (!isObject(r) || typeof r.label !== 'string' || !isObject(r.scenario))
      fail(`resolved[${k}]`, `expected a structure's label and scenario, got ${describeValue(r)}`);
    if (!isObject(h) || h.label !== (r as { label: string }).label)
      fail(`manifest.scenarios[${k}].label`, `expected "${printable((r as { label: string }).label)}" (resolved[${k}].label)`);
    if ((await sha256((r as { scenario: unknown }).scenario)) !== (h as { sha256?: unknown }).sha256)
      fail(`resolved[${k}].scenario`, 'does not match the hash in its manifest (edited?)');
    const label = (r as { label: string }).label;
    if (labels.includes(label)) fail(`resolved[${k}].label`, `"${printable(label)}" appears twice`);
    labels.push(label);
  }
  const sh: unknown = m.shard;
  if (!isObject(sh)) return fail('manifest.shard', `missing: the file does not say which shard it is (expected {index, count, finished})`);
  if (!isWhole(sh.count) || sh.count < 1) fail('manifest.shard.count', `expected a whole number ≥ 1, got ${describeValue(sh.count)}`);
  const count = sh.count as number;
  if (!isWhole(sh.index) || sh.index >= count)
    fail('manifest.shard.index', `expected a whole number below the count ${count}, got ${describeValue(sh.index)}`);
  const index = sh.index as number;
  if (typeof sh.finished !== 'boolean') fail('manifest.shard.finished', `expected true or false, got ${describeValue(sh.finished)}`);
  if (!isObject(o.shard) || o.shard.index !== index || o.shard.count !== count)
    fail('shard', `expected {"index": ${index}, "count": ${count}} as in its manifest, got ${describeValue(o.shard)}`);

  // Sizes: what this slice of the experiment can hold, counted, never allocated.
  const P = experimentSize(e).points;
  const runs = R * S * P;
  const slice = index < runs ? Math.ceil((runs - index) / count) : 0;
  const M = e.metrics.length;
  if (o.rows.length > slice * M)
    fail(
      'rows',
      `${o.rows.length} rows, more than its slice can hold (${slice} run(s) × ${M} metric(s): shard ${index}/${count} of ${runs} runs)`,
    );
  if (o.failures.length > slice)
    fail('failures', `${o.failures.length} failures, more than the ${slice} run(s) of its slice (shard ${index}/${count} of ${runs} runs)`);
  const SM = e.series?.metrics.length ?? 0;
  if (o.series !== undefined && !e.series) fail('series', 'the experiment has no time series');
  if (e.series && o.series !== undefined && !Array.isArray(o.series))
    fail('series', `expected a list of rows, got ${describeValue(o.series)}`);
  const days = e.series ? Math.floor(e.days / (e.series.every === 'weekly' ? 7 : 1)) + 2 : 0;
  if (o.series && o.series.length > slice * SM * days)
    fail('series', `${o.series.length} rows, more than its slice can hold (${slice} run(s) × ${SM} metric(s) × ${days} days at most)`);

  // Every row: a structure and metric of the experiment, a replication of it on its seed, a value.
  const metrics = new Set(e.metrics);
  const checkRow = (list: string, k: number, r: unknown, known: Set<string>) => {
    const at = `${list}[${k}]`;
    if (!isObject(r)) return fail(at, `expected a row (structure, point, replication, seed, metric, value), got ${describeValue(r)}`);
    if (typeof r.structure !== 'string' || !labels.includes(r.structure))
      fail(`${at}.structure`, `expected one of ${labels.map((l) => `"${printable(l)}"`).join(', ')}, got ${describeValue(r.structure)}`);
    if (!isObject(r.point)) fail(`${at}.point`, `expected the sweep point (an object), got ${describeValue(r.point)}`);
    if (!isWhole(r.replication) || r.replication >= R)
      fail(`${at}.replication`, `expected a whole number below the ${R} replications, got ${describeValue(r.replication)}`);
    const k2 = r.replication as number;
    if (r.seed !== seeds[k2])
      fail(
        `${at}.seed`,
        `expected ${seeds[k2]} for replication ${k2} of "${printable(r.structure as string)}", got ${describeValue(r.seed)}`,
      );
    if (typeof r.metric !== 'string' || !known.has(r.metric))
      fail(`${at}.metric`, `expected one of the experiment's metrics (${[...known].join(', ')}), got ${describeValue(r.metric)}`);
    if (!isValue(r.value)) fail(`${at}.value`, `expected a number (or null for a value missing), got ${describeValue(r.value)}`);
    return r;
  };
  o.rows.forEach((r, k) => checkRow('rows', k, r, metrics));
  if (o.series) {
    const seriesMetrics = new Set(e.series!.metrics);
    o.series.forEach((r, k) => {
      const row = checkRow('series', k, r, seriesMetrics);
      if (typeof row.day !== 'number' || !(row.day >= 0 && row.day <= e.days))
        fail(`series[${k}].day`, `expected a day from 0 to ${e.days}, got ${describeValue(row.day)}`);
    });
  }
  o.failures.forEach((f: unknown, k) => {
    const at = `failures[${k}]`;
    if (!isObject(f))
      return fail(at, `expected a failed run (index, structure, scenario, seed, replication, message), got ${describeValue(f)}`);
    if (!isWhole(f.index) || f.index >= runs)
      fail(`${at}.index`, `expected a whole number below the ${runs} runs, got ${describeValue(f.index)}`);
    const i = f.index as number;
    const rep = Math.floor(i / (S * P));
    const label = labels[Math.floor(i / P) % S];
    if (f.replication !== rep) fail(`${at}.replication`, `expected ${rep} for run ${i}, got ${describeValue(f.replication)}`);
    if (f.structure !== label) fail(`${at}.structure`, `expected "${printable(label)}" for run ${i}, got ${describeValue(f.structure)}`);
    if (f.seed !== seeds[rep])
      fail(`${at}.seed`, `expected ${seeds[rep]} for replication ${rep} of "${printable(label)}", got ${describeValue(f.seed)}`);
    if (typeof f.message !== 'string') fail(`${at}.message`, `expected the error's text, got ${describeValue(f.message)}`);
  });
  return { o, file, index, count };
}

/**
 * Combine the outputs of all shards into what one machine would have produced. Each shard is
 * verified before anything in it is used (its checksums, then every field against the
 * experiment it names; see verifyShard); then they must be slices of one experiment (same
 * hash) run by one model version, of one partition, each present once, together holding every
 * replication exactly once. `files` names the outputs in errors (else "file 1", "file 2" …);
 * every refusal is a MergeError. The merged manifest names the shards' commit (their commits,
 * comma-separated, if they differ).
 */
export async function mergeShards(outputs: ExperimentOutput[], date = new Date(), files?: readonly string[]): Promise<ExperimentOutput> {
  if (!Array.isArray(outputs) || outputs.length === 0) throw new MergeError('expected at least one shard output');
  const verified: Verified[] = [];
  for (let i = 0; i < outputs.length; i++) verified.push(await verifyShard(outputs[i], files?.[i] ?? `file ${i + 1}`));
  // One experiment: the hash of what defines it (experiment, scenario hashes, resolved scenarios).
  const hashes = await Promise.all(
    outputs.map((o) => sha256({ experiment: o.manifest.experiment, scenarios: o.manifest.scenarios, resolved: o.resolved })),
  );
  const kinds = [...new Set(hashes)];
  if (kinds.length > 1) {
    const list = kinds.map(
      (h) =>
        `${verified
          .filter((_, i) => hashes[i] === h)
          .map((v) => `${v.file} (shard ${shardName(v.o)})`)
          .join(', ')} (experiment ${h.slice(0, 12)})`,
    );
    throw new MergeError(`the shards come from different experiments: ${list.join(' vs ')}`);
  }
  const models = [...new Set(outputs.map((o) => o.manifest.modelVersion))];
  if (models.length > 1)
    throw new MergeError(
      `the shards were run by different model versions (${models
        .map(
          (m) =>
            `${outputs
              .filter((o) => o.manifest.modelVersion === m)
              .map(shardName)
              .join(', ')}: ${printable(m)}`,
        )
        .join('; ')}), whose results differ: run them all with one`,
    );
  if (models[0] !== MODEL_VERSION)
    throw new MergeError(
      `the shards were run by model version ${printable(models[0])}, this flatgov is model version ${MODEL_VERSION}: merge them with the flatgov that ran them`,
    );
  const commits = [...new Set(outputs.map((o) => (typeof o.manifest.commit === 'string' ? printable(o.manifest.commit) : 'unknown')))];
  // One partition, each shard once, none missing.
  const count = verified[0].count;
  if (verified.some((v) => v.count !== count))
    throw new MergeError(`shards of different partitions: ${outputs.map(shardName).join(', ')} (every shard must be i/N with the same N)`);
  const seen = new Set<number>();
  for (const v of verified) {
    if (seen.has(v.index)) throw new MergeError(`shard ${shardName(v.o)} is given twice`, { file: v.file });
    seen.add(v.index);
  }
  if (seen.size < count) {
    // The first few missing, found without listing all N (N is whatever the files say).
    const missing: number[] = [];
    for (let i = 0; missing.length < 3 && i < count; i++) if (!seen.has(i)) missing.push(i);
    const more = count - seen.size - missing.length;
    throw new MergeError(`missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  // Exact coverage: every replication of every structure and point once, each in its own shard.
  const e0 = outputs[0].manifest.experiment;
  const R = outputs[0].manifest.replications;
  const nMetrics = e0.metrics.length;
  const S = outputs[0].resolved.length;
  const P = experimentSize(e0).points;
  const runs = R * S * P;
  const held = outputs.reduce((n, o) => n + Math.floor(o.rows.length / nMetrics) + o.failures.length, 0);
  // A design too large to plan from what the files hold cannot be complete: say so from the counts.
  if (runs > held && P > Math.max(MAX_SWEEP_POINTS, held)) {
    const unfinished = outputs.filter((o) => !sliceFinished(o)).map(shardName);
    throw new MergeError(
      `missing ${(runs - held).toLocaleString('en')} of the experiment's ${runs.toLocaleString('en')} runs (${R} replications × ${S} structures × ${P.toLocaleString('en')} sweep points); the shards hold ${held.toLocaleString('en')}` +
        (unfinished.length > 0
          ? ` (shard ${unfinished.join(', ')} did not finish: run ${unfinished.length > 1 ? 'them' : 'it'} again)`
          : ''),
    );
  }
  let plan: Plan;
  try {
    plan = planOfOutput(outputs[0]);
  } catch (err) {
    if (!(err instanceof ExperimentError)) throw err;
    throw new MergeError(err.problems[0] ? `${err.problems[0].path}: ${err.problems[0].message}` : err.message, {
      file: verified[0].file,
      field: 'resolved',
    });
  }
  const describeJob = (index: number) => {
    const p = index % P;
    const s = Math.floor(index / P) % S;
    const k = Math.floor(index / (P * S));
    return `replication ${k} of ${plan.structures[s]?.label}${P > 1 ? ` at ${JSON.stringify(plan.points[p].values)}` : ''}`;
  };
  const heldBy = new Map<number, number>();
  const results: JobResult[] = [];
  for (const { o, index: mine, file } of verified) {
    const rs = resultsOfOutput(o, plan);
    const rowsPer = new Map<string, number>();
    for (const r of o.rows) {
      const key = `${r.structure}/${JSON.stringify(r.point)}/${r.replication}`;
      rowsPer.set(key, (rowsPer.get(key) ?? 0) + 1);
    }
    const indices = [
      ...rs.map((r) => {
        if (r.structure < 0 || r.point < 0)
          throw new MergeError(`a row names a sweep point the experiment does not have`, { file, field: 'rows' });
        const n = rowsPer.get(`${plan.structures[r.structure].label}/${JSON.stringify(plan.points[r.point].values)}/${r.replication}`) ?? 0;
        if (n !== nMetrics)
          throw new MergeError(`${describeJob(r.index)} is given ${n / nMetrics} times (${n} rows for ${nMetrics} metrics)`, {
            file,
            field: 'rows',
          });
        return r.index;
      }),
      ...o.failures.map((f) => f.index),
    ];
    for (const index of indices) {
      if (index % count !== mine)
        throw new MergeError(`${describeJob(index)} is in shard ${shardName(o)}, which should not hold it`, { file, field: 'rows' });
      heldBy.set(index, (heldBy.get(index) ?? 0) + 1);
    }
    results.push(...rs);
  }
  const twice = [...heldBy].filter(([, n]) => n > 1);
  if (twice.length > 0) throw new MergeError(`${describeJob(twice[0][0])} is given ${twice[0][1]} times`);
  if (heldBy.size < runs) {
    // Every held index is below `runs`, so the first three missing are among the first held + 3.
    const absent: number[] = [];
    for (let index = 0; absent.length < 3 && index < runs; index++) if (!heldBy.has(index)) absent.push(index);
    const n = runs - heldBy.size;
    const unfinished = outputs.filter((o) => !sliceFinished(o)).map(shardName);
    throw new MergeError(
      `missing ${n} replication(s): ${absent.map(describeJob).join('; ')}${n > 3 ? '; …' : ''}` +
        (unfinished.length > 0
          ? ` (shard ${unfinished.join(', ')} did not finish: run ${unfinished.length > 1 ? 'them' : 'it'} again)`
          : ''),
    );
  }
  const failures = outputs.flatMap((o) => o.failures);
  const complete = failures.length === 0 && outputs.every(sliceFinished);
  return assemble(plan, results, failures, R, complete, date, undefined, commits.join(', '));
}
