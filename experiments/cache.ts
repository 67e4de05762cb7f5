/**
 * The results cache: finished runs kept by what they are, so that an experiment, a study,
 * the validation report or the app that asks for a run already made takes it from the cache
 * instead of computing it again. A run is named by the model version, the SHA-256 of its
 * scenario (canonical JSON), its seed, its days, its warm-up and, when it keeps a time
 * series, the series' interval and metrics: everything that changes what it gives. What is
 * kept is its whole summary (and series), so any end-of-run metric can be read from it; the
 * numbers are stored exactly (exact-json.ts), so a run read from the cache gives the same
 * bytes as the run itself.
 *
 * The store is given: files in Node (workers/file-cache.ts), IndexedDB in the browser
 * (workers/idb-cache.ts), a Map in tests. A new model version names every run anew, so
 * nothing an older model computed is ever reused.
 */
import type { Summary } from '../sim/observe/metrics.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Executor } from './executor.ts';
import { exactJson, parseExactJson } from './exact-json.ts';
import { sha256 } from './identity.ts';
import { valuesOf, type Job, type JobResult } from './jobs.ts';

/** The layout of a stored run; a change gives every run a new key. */
export const CACHE_FORMAT = 1;

/** Where runs are kept: text by key. */
export interface RunStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
}

/** What a cached executor did: runs reused from the store, run afresh and stored, or not cacheable. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Runs that keep every snapshot for metric hooks: run each time, never stored. */
  uncached: number;
  /** The first error writing to the store (the runs go on without storing). */
  writeError?: string;
}

/** What identifies a run (`runKey` hashes it). */
export interface RunIdentity {
  format: number;
  modelVersion: string;
  scenario: string;
  seed: number;
  days: number;
  warmupDays: number;
  series: { everyDays: number; metrics: string[] } | null;
}

interface StoredRun {
  identity: RunIdentity;
  summary: Summary;
  series?: { days: number[]; values: number[][] };
}

const scenarioHashes = new WeakMap<Scenario, Promise<string>>();

/** The SHA-256 of a scenario's canonical JSON, computed once per scenario object. */
function scenarioHash(s: Scenario): Promise<string> {
  let h = scenarioHashes.get(s);
  if (!h) {
    h = sha256(s);
    scenarioHashes.set(s, h);
  }
  return h;
}

/** What identifies a job's run, under a model version (this one by default). */
export async function runIdentity(job: Job, modelVersion = MODEL_VERSION): Promise<RunIdentity> {
  return {
    format: CACHE_FORMAT,
    modelVersion,
    scenario: await scenarioHash(job.scenario),
    seed: job.seed,
    days: job.days,
    warmupDays: job.warmupDays ?? 0,
    series: job.series ? { everyDays: job.series.everyDays, metrics: [...job.series.metrics] } : null,
  };
}

/** The key a job's run is stored under: the SHA-256 of its identity. */
export async function runKey(job: Job, modelVersion = MODEL_VERSION): Promise<string> {
  return sha256(await runIdentity(job, modelVersion));
}

/** The job's result from a stored run: the same values, read from the same summary, as the run gives. */
function resultOf(job: Job, stored: StoredRun): JobResult {
  return {
    index: job.index,
    structure: job.structure,
    point: job.point,
    replication: job.replication,
    seed: job.seed,
    values: valuesOf(job.metrics, stored.summary),
    events: stored.summary.events,
    ...(job.series && stored.series ? { series: stored.series } : {}),
  };
}

function sameIdentity(a: RunIdentity, b: RunIdentity): boolean {
  return exactJson(a) === exactJson(b);
}

/**
 * An executor that takes runs from the store when it has them and stores the runs it makes.
 * Jobs that keep their snapshots (metric hooks) always run. A store that cannot be read or
 * written is not an error: the run is made, and `stats.writeError` says why nothing was kept.
 */
export function cachedExecutor(exec: Executor, store: RunStore, stats: CacheStats = { hits: 0, misses: 0, uncached: 0 }): Executor {
  return {
    size: exec.size,
    cancel: () => exec.cancel(),
    run: async (job: Job) => {
      if (job.snapshots) {
        stats.uncached++;
        return exec.run(job);
      }
      const identity = await runIdentity(job);
      const key = await sha256(identity);
      let text: string | undefined;
      try {
        text = await store.get(key);
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        try {
          const stored = parseExactJson(text) as StoredRun;
          if (sameIdentity(stored.identity, identity) && stored.summary && (!job.series || stored.series)) {
            stats.hits++;
            return resultOf(job, stored);
          }
        } catch {
          // A damaged entry: run it again, and store it afresh.
        }
      }
      const r = await exec.run({ ...job, summary: true });
      const summary = r.summary;
      delete r.summary;
      stats.misses++;
      if (summary && stats.writeError === undefined) {
        const stored: StoredRun = { identity, summary, ...(r.series ? { series: r.series } : {}) };
        try {
          await store.set(key, exactJson(stored));
        } catch (e) {
          stats.writeError = (e as Error).message;
        }
      }
      return r;
    },
  };
}

/** A store in memory (tests, and a session's own cache). */
export function memoryStore(): RunStore & { readonly size: number } {
  const map = new Map<string, string>();
  return {
    get: async (key) => map.get(key),
    set: async (key, text) => {
      map.set(key, text);
    },
    get size() {
      return map.size;
    },
  };
}

/** "reused 12 of 40 runs from the cache" (or that none were), for the end of a command. */
export function cacheSentence(stats: CacheStats, where: string): string {
  const runs = stats.hits + stats.misses;
  const base =
    stats.hits > 0
      ? `reused ${stats.hits.toLocaleString('en')} of ${runs.toLocaleString('en')} runs from the cache (${where})`
      : `${runs.toLocaleString('en')} run${runs === 1 ? '' : 's'} computed and kept in the cache (${where})`;
  return stats.writeError ? `${base}; could not store runs: ${stats.writeError}` : base;
}
