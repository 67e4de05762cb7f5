/**
 * A sensitivity analysis on many machines. Its runs come in two stages: the screening (the
 * noise at the presets' values and the Morris trajectories), then the Sobol design, which
 * depends on the screening's ranking. Each stage splits into N shards by the one rule every
 * design follows (run i of the stage goes to shard i mod N); each shard writes its runs as
 * a part, and the merge of a stage's parts gives either the screening (the Sobol stage is
 * next: its shards are given the screening) or, after the Sobol stage or when there is no
 * Sobol stage, the result, byte for byte the one machine's.
 */
import { MODEL_VERSION } from '../sim/version.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Executor } from './executor.ts';
import type { Experiment } from './experiment.ts';
import { sha256 } from './identity.ts';
import type { Job, JobResult } from './jobs.ts';
import { MergeError, verifiedExperiment } from './merge.ts';
import { isChecksum, partChecksums, type PartChecksums } from './checksums.ts';
import { reviveExact } from './exact-json.ts';
import { describeValue } from '../scenarios/guard.ts';
import { sensitivitySchema } from './experiment.ts';
import { planExperiment, type Plan } from './plan.ts';
import { runOn, type SensitivityProgress, type SensitivitySpec } from './sensitivity-run.ts';
import { analyseAnySensitivity, type AnySensitivityResult } from './sensitivity-any.ts';

/** One run of an analysis: its index in the analysis and its metrics' values. */
export interface PartRun {
  index: number;
  values: number[];
}

/** The runs of one shard of a stage, or of a whole stage merged (no `shard`). */
export interface SensitivityPart {
  flatgov: 'sensitivity-part';
  /** An emulator-based analysis has one stage, its design. */
  stage: 'screening' | 'sobol' | 'design';
  modelVersion: string;
  experiment: Experiment;
  spec: SensitivitySpec;
  /** The structures' scenarios as resolved, so that the merge needs no files. */
  resolved: { label: string; scenario: Scenario }[];
  shard?: { index: number; count: number };
  /** The runs of this shard's slice of the stage (all of the stage's, merged). */
  runs: PartRun[];
  /** The Sobol stage's parts: the merged screening they follow. */
  screening?: PartRun[];
  /** The checksums of its manifest (every other field), runs and screening, which a merge checks first. */
  checksums?: PartChecksums;
}

/** Whether a parsed file is a part of a sensitivity analysis. */
export function isSensitivityPart(o: unknown): o is SensitivityPart {
  const x = o as SensitivityPart;
  return !!x && typeof x === 'object' && x.flatgov === 'sensitivity-part' && Array.isArray(x.runs) && Array.isArray(x.resolved);
}

/** The plan of a part, rebuilt from its resolved scenarios. */
export function planOfPart(part: Pick<SensitivityPart, 'experiment' | 'resolved'>): Plan {
  const e: Experiment = {
    ...part.experiment,
    structures: part.resolved.map((r) => ({ label: r.label, scenario: r.scenario, overrides: {} })),
  };
  return { ...planExperiment(e, (ref) => ref.scenario), experiment: part.experiment };
}

/** What a part's runs are of: the same for every part of one analysis. */
function identity(p: Pick<SensitivityPart, 'modelVersion' | 'experiment' | 'spec' | 'resolved'>): Promise<string> {
  return sha256({ modelVersion: p.modelVersion, experiment: p.experiment, spec: p.spec, resolved: p.resolved });
}

/** The key a journal of a stage's runs is named by (journals of other runs are refused). */
export function stageId(plan: Plan, spec: SensitivitySpec, stage: SensitivityPart['stage']): Promise<string> {
  return sha256({
    stage,
    modelVersion: MODEL_VERSION,
    experiment: plan.experiment,
    spec,
    resolved: plan.structures.map((s) => ({ label: s.label, scenario: s.scenario })),
  });
}

/** Reached the end of what a stage runs (internal). */
class StageEnd extends Error {}

const placeholder = (job: Job): JobResult => ({
  index: job.index,
  structure: job.structure,
  point: job.point,
  replication: job.replication,
  seed: job.seed,
  values: job.metrics.map(() => NaN),
  events: 0,
});

// A value JSON could not hold (NaN) reads back as null: a run without that value, as it was.
const asResult = (job: Job, run: PartRun): JobResult => ({ ...placeholder(job), values: run.values.map((v) => v ?? NaN) });

const SCREENING: readonly SensitivityProgress['phase'][] = ['noise', 'morris'];

/** The first stage of an analysis: its design (emulator-based) or the screening. */
export const firstStage = (spec: SensitivitySpec): SensitivityPart['stage'] => (spec.method === 'emulator' ? 'design' : 'screening');

/**
 * Run one shard of a stage: the screening's (no `screening` given) or the Sobol stage's
 * (given the merged screening). Without `shard`, the Sobol stage runs whole and the result
 * is returned. Runs come from `exec` (with the cache and journal around it, as the caller
 * wishes).
 */
export async function runSensitivityShard(
  plan: Plan,
  spec: SensitivitySpec,
  exec: Executor,
  opts: {
    shard?: { index: number; count: number };
    screening?: SensitivityPart;
    /** The screening's file, named in its errors. */
    screeningFile?: string;
    signal?: AbortSignal;
    onProgress?: (p: SensitivityProgress) => void;
  },
): Promise<{ part?: SensitivityPart; result?: AnySensitivityResult }> {
  const { shard } = opts;
  // The screening is verified as any part is before it is used (its checksums first).
  const screening = opts.screening && (await verifyPart(opts.screening, opts.screeningFile ?? 'the screening'));
  const stage: SensitivityPart['stage'] = screening ? 'sobol' : firstStage(spec);
  if (screening) {
    const want = await identity({ modelVersion: MODEL_VERSION, experiment: plan.experiment, spec, resolved: resolvedOf(plan) });
    if (screening.stage !== 'screening' || screening.shard || (await identity(screening)) !== want)
      throw new MergeError(
        'the screening given is not the merged screening of this analysis (the same experiment, sensitivity settings and model version): merge the screening shards of this analysis and give that file',
      );
    if (!spec.sobol || spec.method === 'emulator')
      throw new MergeError(
        'this analysis has no Sobol stage (--morris-only, sobol: null, or an emulator-based one): its first stage merges to the result',
      );
  }
  const known = new Map((screening?.runs ?? []).map((r) => [r.index, r]));
  const mine: PartRun[] = [];
  const ours = (phase: SensitivityProgress['phase']) =>
    stage === 'design' ? phase === 'design' : stage === 'screening' ? SCREENING.includes(phase) : phase === 'sobol';
  const runPhase = async (phase: SensitivityProgress['phase'], jobs: Job[]): Promise<JobResult[]> => {
    if (!ours(phase)) {
      if (stage === 'screening') throw new StageEnd();
      return jobs.map((j) => {
        const r = known.get(j.index);
        if (!r) throw new MergeError(`the screening given lacks run ${j.index}`);
        return asResult(j, r);
      });
    }
    const slice = shard ? jobs.filter((j) => j.index % shard.count === shard.index) : jobs;
    const results = await runOn(exec, slice, {
      signal: opts.signal,
      onDone: (done) => opts.onProgress?.({ phase, done, total: slice.length }),
    });
    for (const r of results) mine.push({ index: r.index, values: r.values });
    if (!shard) return results;
    const byIndex = new Map(results.map((r) => [r.index, r]));
    return jobs.map((j) => byIndex.get(j.index) ?? placeholder(j));
  };
  let result: AnySensitivityResult | undefined;
  try {
    result = await analyseAnySensitivity(plan, spec, runPhase);
  } catch (e) {
    if (!(e instanceof StageEnd)) throw e;
  }
  if (!shard && result) return { result };
  return {
    part: await withChecksums({
      flatgov: 'sensitivity-part',
      stage,
      modelVersion: MODEL_VERSION,
      experiment: plan.experiment,
      spec,
      resolved: resolvedOf(plan),
      ...(shard ? { shard } : {}),
      runs: mine,
      ...(screening ? { screening: screening.runs } : {}),
    }),
  };
}

/** A part as it is written: with the checksums a merge checks first. */
async function withChecksums(p: SensitivityPart): Promise<SensitivityPart> {
  return { ...p, checksums: await partChecksums(p) };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Verify a part before any of it is used: its checksums against its contents (numbers
 * written as {"$num": "NaN"} read back as numbers first), then its experiment, sensitivity
 * settings, structures, shard and runs. Returns the part with its numbers read back; a fault
 * is a MergeError naming the file and the field.
 */
export async function verifyPart(p: unknown, file: string): Promise<SensitivityPart> {
  const fail = (field: string | undefined, message: string): never => {
    throw new MergeError(message, { file, field });
  };
  if (!isSensitivityPart(p)) return fail(undefined, 'not a part of a sensitivity analysis');
  const part: SensitivityPart = {
    ...p,
    runs: reviveExact(p.runs),
    ...(p.screening !== undefined ? { screening: reviveExact(p.screening) } : {}),
  };
  const c: unknown = p.checksums;
  if (c === undefined)
    fail(
      'checksums',
      'missing: a part carries the checksums of its manifest and runs (this file was written by an older flatgov, or edited): run it again',
    );
  if (!isObject(c)) return fail('checksums', `expected the SHA-256 checksums of the manifest and runs, got ${describeValue(c)}`);
  const want = await partChecksums(part);
  for (const field of ['manifest', 'runs', 'screening'] as const) {
    if (want[field] === undefined && c[field] === undefined) continue;
    if (want[field] === undefined) fail(field, 'missing, though the checksums name it');
    if (!isChecksum(c[field])) fail(`checksums.${field}`, `expected a SHA-256 checksum (64 hex digits), got ${describeValue(c[field])}`);
    if (c[field] !== want[field]) fail(field, `checksum does not match the ${field} (edited?)`);
  }
  if (!['screening', 'sobol', 'design'].includes(part.stage))
    fail('stage', `expected screening, sobol or design, got ${describeValue(part.stage)}`);
  if (typeof part.modelVersion !== 'string') fail('modelVersion', `expected a model version, got ${describeValue(part.modelVersion)}`);
  const e = verifiedExperiment(part.experiment, file, 'experiment');
  const spec = sensitivitySchema.safeParse(part.spec);
  if (!spec.success) {
    const i = spec.error.issues[0];
    fail(['spec', ...i.path.map(String)].join('.'), i.message);
  }
  if (part.resolved.length !== e.structures.length)
    fail('resolved', `expected the ${e.structures.length} structure(s) of the experiment, resolved, got ${part.resolved.length}`);
  part.resolved.forEach((r: unknown, k) => {
    if (!isObject(r) || typeof r.label !== 'string' || !isObject(r.scenario))
      fail(`resolved[${k}]`, `expected a structure's label and scenario, got ${describeValue(r)}`);
  });
  const sh: unknown = part.shard;
  if (sh !== undefined) {
    if (!isObject(sh) || !isWhole(sh.count) || sh.count < 1 || !isWhole(sh.index) || sh.index >= sh.count)
      fail('shard', `expected {"index": i, "count": N} with 0 ≤ i < N, got ${describeValue(sh)}`);
  }
  const M = e.metrics.length;
  for (const [list, runs] of [
    ['runs', part.runs],
    ['screening', part.screening],
  ] as const) {
    if (runs === undefined) continue;
    if (!Array.isArray(runs)) return fail(list, `expected a list of runs, got ${describeValue(runs)}`);
    runs.forEach((r: unknown, k) => {
      if (!isObject(r)) return fail(`${list}[${k}]`, `expected a run (index, values), got ${describeValue(r)}`);
      if (!isWhole(r.index)) fail(`${list}[${k}].index`, `expected a whole number, got ${describeValue(r.index)}`);
      if (!Array.isArray(r.values) || r.values.length < M)
        fail(
          `${list}[${k}].values`,
          `expected the values of the ${M} metric(s) (and of the costs an analysis prices), got ${Array.isArray(r.values) ? `${r.values.length}` : describeValue(r.values)}`,
        );
      (r.values as unknown[]).forEach((v, j) => {
        if (v !== null && typeof v !== 'number')
          fail(`${list}[${k}].values[${j}]`, `expected a number (or null for a value missing), got ${describeValue(v)}`);
      });
    });
  }
  return part;
}

const resolvedOf = (plan: Plan) => plan.structures.map((s) => ({ label: s.label, scenario: s.scenario }));

const partName = (p: SensitivityPart) => (p.shard ? `${p.stage} shard ${p.shard.index}/${p.shard.count}` : `merged ${p.stage}`);

/**
 * Merge the parts of one stage: the merged screening (when the Sobol stage is still to run)
 * or the analysis's result. Refuses parts of different analyses, stages, model versions or
 * partitions, a shard given twice or missing, and a run missing or given twice.
 */
export async function mergeSensitivityParts(
  given: SensitivityPart[],
  files?: readonly string[],
): Promise<{ screening: SensitivityPart; result?: undefined } | { result: AnySensitivityResult; screening?: undefined }> {
  if (!Array.isArray(given) || given.length === 0) throw new MergeError('expected at least one part');
  // Each part verified before any of it is used: its checksums, then its fields.
  const parts: SensitivityPart[] = [];
  for (let i = 0; i < given.length; i++) parts.push(await verifyPart(given[i], files?.[i] ?? `file ${i + 1}`));
  const ids = await Promise.all(parts.map(identity));
  if (new Set(ids).size > 1) throw new MergeError(`the parts come from different analyses: ${parts.map(partName).join(', ')}`);
  if (parts[0].modelVersion !== MODEL_VERSION)
    throw new MergeError(
      `the parts were run by model version ${parts[0].modelVersion}, this flatgov is model version ${MODEL_VERSION}: merge them with the flatgov that ran them`,
    );
  const stages = [...new Set(parts.map((p) => p.stage))];
  if (stages.length > 1) throw new MergeError(`parts of both stages given (${parts.map(partName).join(', ')}): merge one stage at a time`);
  const stage = stages[0];
  const counts = [...new Set(parts.map((p) => p.shard?.count ?? 0))];
  if (counts.length > 1 || counts[0] === 0)
    throw new MergeError(`expected the shards i/N of one stage, all with the same N; got ${parts.map(partName).join(', ')}`);
  const count = counts[0];
  const seen = new Set<number>();
  for (const p of parts) {
    if (seen.has(p.shard!.index)) throw new MergeError(`${partName(p)} is given twice`);
    seen.add(p.shard!.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`missing ${stage} shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  if (stage === 'sobol') {
    const first = JSON.stringify(parts[0].screening ?? null);
    if (parts.some((p) => JSON.stringify(p.screening ?? null) !== first))
      throw new MergeError('the Sobol shards were given different screenings: run them all with the one merged screening');
  }
  const runs = new Map<number, PartRun>();
  for (const p of parts)
    for (const r of p.runs) {
      if (r.index % count !== p.shard!.index) throw new MergeError(`run ${r.index} is in ${partName(p)}, which should not hold it`);
      if (runs.has(r.index)) throw new MergeError(`run ${r.index} is given twice`);
      runs.set(r.index, r);
    }
  const screeningRuns = new Map((parts[0].screening ?? []).map((r) => [r.index, r]));
  const plan = planOfPart(parts[0]);
  const spec = parts[0].spec;
  const absent: number[] = [];
  const used = new Set<number>();
  const runPhase = async (phase: SensitivityProgress['phase'], jobs: Job[]): Promise<JobResult[]> => {
    const from = stage === 'sobol' && phase !== 'sobol' ? screeningRuns : runs;
    if (stage === 'screening' && phase === 'sobol') throw new StageEnd();
    return jobs.map((j) => {
      const r = from.get(j.index);
      if (!r) {
        absent.push(j.index);
        return placeholder(j);
      }
      if (from === runs) used.add(j.index);
      return asResult(j, r);
    });
  };
  let result: AnySensitivityResult | undefined;
  try {
    result = await analyseAnySensitivity(plan, spec, runPhase);
  } catch (e) {
    if (!(e instanceof StageEnd)) throw e;
  }
  if (absent.length > 0)
    throw new MergeError(
      `missing ${absent.length} run(s) (${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''}): a shard did not finish; run it again (it resumes) and merge again`,
    );
  const foreign = [...runs.keys()].find((i) => !used.has(i));
  if (foreign !== undefined && absent.length === 0)
    throw new MergeError(`run ${foreign} is not a run of this analysis's ${stage} stage`, {
      file: files?.[parts.findIndex((p) => p.runs.some((r) => r.index === foreign))],
      field: 'runs',
    });
  if (result) return { result };
  return {
    screening: await withChecksums({
      flatgov: 'sensitivity-part',
      stage: 'screening',
      modelVersion: parts[0].modelVersion,
      experiment: parts[0].experiment,
      spec,
      resolved: parts[0].resolved,
      runs: [...runs.values()].sort((a, b) => a.index - b.index),
    }),
  };
}
