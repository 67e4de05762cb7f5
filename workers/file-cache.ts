/**
 * The results cache in Node: one file per run under a folder, by model version
 * (`<folder>/runs/<model version>/<2 hex>/<key>.json`). Writes are atomic (a temporary file
 * renamed), so processes on one machine or on a cluster's shared disk can use one folder at
 * once. The folder is `FLATGOV_CACHE`, else `$XDG_CACHE_HOME/flatgov`, else
 * `~/.cache/flatgov`; `FLATGOV_CACHE=off` turns the cache off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODEL_VERSION } from '../sim/version.ts';
import type { RunStore } from '../experiments/cache.ts';

/** The cache folder from the environment, or undefined when `FLATGOV_CACHE=off`. */
export function cacheFolder(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const v = env.FLATGOV_CACHE;
  if (v !== undefined && v.trim() !== '') return v.trim() === 'off' ? undefined : path.resolve(v);
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'flatgov');
}

const runsFolder = (folder: string) => path.join(folder, 'runs');

/** Runs kept as files under `folder`, for the model version that runs now. */
export function fileStore(folder: string, modelVersion = MODEL_VERSION): RunStore {
  const dir = path.join(runsFolder(folder), modelVersion);
  const file = (key: string) => {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`cache key: expected 64 hex digits, got "${key}"`);
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    get: async (key) => {
      try {
        return await fs.promises.readFile(file(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    set: async (key, text) => {
      const f = file(key);
      await fs.promises.mkdir(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await fs.promises.writeFile(tmp, text);
        await fs.promises.rename(tmp, f);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
    },
  };
}

/** What the cache folder holds: runs and bytes per model version. */
export function cacheContents(folder: string): { modelVersion: string; runs: number; bytes: number }[] {
  const root = runsFolder(folder);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      let runs = 0;
      let bytes = 0;
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.json')) {
            runs++;
            bytes += fs.statSync(p).size;
          }
        }
      };
      walk(path.join(root, d.name));
      return { modelVersion: d.name, runs, bytes };
    })
    .sort((a, b) => (a.modelVersion < b.modelVersion ? -1 : 1));
}

/**
 * Remove the runs of other model versions (they can never be reused), or with `all` every
 * run; returns what was removed.
 */
export function pruneCache(folder: string, opts: { all?: boolean; modelVersion?: string } = {}): { runs: number; bytes: number } {
  const current = opts.modelVersion ?? MODEL_VERSION;
  let runs = 0;
  let bytes = 0;
  for (const c of cacheContents(folder)) {
    if (!opts.all && c.modelVersion === current) continue;
    fs.rmSync(path.join(runsFolder(folder), c.modelVersion), { recursive: true, force: true });
    runs += c.runs;
    bytes += c.bytes;
  }
  return { runs, bytes };
}
