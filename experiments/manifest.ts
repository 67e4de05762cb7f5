/** The manifest of a run: what names it well enough to run it again exactly. */
import { replicationSeed } from '../sim/random/rng.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { SCHEMA_VERSION } from '../scenarios/schema.ts';
import { uncertaintyDraws } from './design.ts';
import { EXPERIMENT_VERSION, type Experiment } from './experiment.ts';
import { FLATGOV_VERSION, sha256 } from './identity.ts';
import type { Plan } from './plan.ts';
import { unitsTable, type UnitsTable } from './units.ts';

export interface Manifest {
  /** The package version (FLATGOV_VERSION). */
  flatgov: string;
  /** The model version (sim/version.ts): the same scenario and seed give the same result within one. */
  modelVersion: string;
  /** The git commit of the code that ran ("-dirty" when it had uncommitted changes), or "unknown". */
  commit: string;
  scenarioSchemaVersion: number;
  experimentVersion: number;
  experiment: Experiment;
  scenarios: { label: string; id: string; sha256: string }[];
  seeds: number[];
  replications: number;
  /** With `uncertainty`: the assumption values of each replication (multipliers for `scale` assumptions). */
  assumptionDraws?: { ids: string[]; values: number[][] };
  /** Whether this file holds every replication of the experiment (never true for a shard). */
  complete: boolean;
  /** Set when this file is one slice of the experiment: which one, and whether it ran all of it. */
  shard?: { index: number; count: number; finished: boolean };
  /** The unit of every column of the result files and of every metric, and what each unit means. */
  units: UnitsTable;
  date: string;
}

/** The manifest of a run: versions, the commit (passed in: this module reads no files), the experiment, hashes and seeds. */
export async function manifestFor(
  plan: Plan,
  replications: number,
  complete: boolean,
  date: Date,
  shard?: { index: number; count: number },
  commit = 'unknown',
): Promise<Manifest> {
  return {
    flatgov: FLATGOV_VERSION,
    modelVersion: MODEL_VERSION,
    commit,
    scenarioSchemaVersion: SCHEMA_VERSION,
    experimentVersion: EXPERIMENT_VERSION,
    experiment: plan.experiment,
    scenarios: await Promise.all(
      plan.structures.map(async (s) => ({ label: s.label, id: s.scenario.id, sha256: await sha256(s.scenario) })),
    ),
    seeds: Array.from({ length: replications }, (_, k) => replicationSeed(plan.experiment.baseSeed, k)),
    replications,
    ...(plan.experiment.uncertainty ? { assumptionDraws: draws(plan.experiment, replications) } : {}),
    complete: complete && !shard,
    ...(shard ? { shard: { index: shard.index, count: shard.count, finished: complete } } : {}),
    units: unitsTable(plan.experiment.metrics, plan.experiment.series?.metrics ?? [], [
      ...new Set(plan.points.flatMap((p) => Object.keys(p.values))),
    ]),
    date: date.toISOString(),
  };
}

function draws(e: Experiment, replications: number): { ids: string[]; values: number[][] } {
  const d = uncertaintyDraws(e)!;
  return { ids: d.ids, values: d.values.slice(0, replications) };
}
