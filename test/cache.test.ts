/**
 * The results cache from the command line and on disk: a second run reuses every run of
 * the first and writes the same bytes as a run without the cache; `flatgov cache` shows and
 * prunes it; a model version's runs are never read by another.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { memoryStore, runKey } from '../experiments/cache.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { jobsFor } from '../experiments/jobs.ts';
import { planExperiment } from '../experiments/plan.ts';
import { cacheContents, cacheFolder, fileStore, pruneCache } from '../workers/file-cache.ts';
import { root, tempDir, type CliResult } from './cli-helpers.ts';

const tmp = tempDir('flatgov-cache-');
const folder = path.join(tmp.dir, 'cache');

/** The CLI with the cache on, in a folder of its own, and a fixed manifest date. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `cli/${script}.ts`, ...args],
      { cwd: root, env: { ...process.env, FLATGOV_CACHE: folder, SOURCE_DATE_EPOCH: '1767225600', ...env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, signal: null, stdout, stderr }),
    );
  });
}

const exp = tmp.file('exp.json', {
  name: 'cached',
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 3,
  days: 5,
  sweep: [{ param: 'demand.casesPerResidentYear', values: [0.4, 0.6] }],
  metrics: ['hoursToClose.mean', 'localResolutionShare', 'levels[community].utilisation'],
  series: { every: 'daily', metrics: ['open', 'closedInInterval'] },
});
const files = (stem: string) =>
  ['csv', 'series.csv', 'summary.csv', 'differences.csv', 'manifest.json'].map((ext) =>
    fs.readFileSync(path.join(tmp.dir, `${stem}.${ext}`), 'utf8'),
  );

describe('the results cache from the command line', () => {
  it('a second run reuses all 12 runs, says so, and writes the same bytes as a run without the cache', async () => {
    const first = await run('experiment', [exp, '--workers', '2', '--out', path.join(tmp.dir, 'a.csv')]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/12 runs computed and kept in the cache/);
    const second = await run('experiment', [exp, '--workers', '2', '--out', path.join(tmp.dir, 'b.csv')]);
    expect(second.stderr).toMatch(/reused 12 of 12 runs from the cache/);
    const off = await run('experiment', [exp, '--workers', '2', '--no-cache', '--out', path.join(tmp.dir, 'c.csv')]);
    expect(off.stderr).not.toMatch(/in the cache|from the cache/);
    const [a, b, c] = ['a', 'b', 'c'].map(files);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(cacheContents(folder)).toEqual([{ modelVersion: MODEL_VERSION, runs: 12, bytes: expect.any(Number) }]);
  });

  it('FLATGOV_CACHE=off runs without it', async () => {
    const r = await run('experiment', [exp, '--workers', '1', '--out', path.join(tmp.dir, 'd.csv')], { FLATGOV_CACHE: 'off' });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/in the cache|from the cache/);
  });

  it('flatgov cache shows what it holds, and prune removes the runs of other model versions only (--all: every run)', async () => {
    // Runs of another model version, as an older flatgov left them.
    const old = path.join(folder, 'runs', '2.0.0', 'ab');
    fs.mkdirSync(old, { recursive: true });
    fs.writeFileSync(path.join(old, `${'ab'.padEnd(64, '0')}.json`), '{}');
    const info = await run('cache', []);
    expect(info.stdout).toMatch(new RegExp(`model ${MODEL_VERSION.replace(/\./g, '\\.')}: 12 runs, [\\d.]+ MB \\(this model\\)`));
    expect(info.stdout).toMatch(/model 2\.0\.0: 1 runs, .*never reused/);
    const pruned = await run('cache', ['prune']);
    expect(pruned.stdout).toMatch(/removed 1 runs/);
    expect(cacheContents(folder).map((c) => c.modelVersion)).toEqual([MODEL_VERSION]);
    expect((await run('cache', ['prune', '--all'])).stdout).toMatch(/removed 12 runs/);
    expect(cacheContents(folder)).toEqual([]);
    expect((await run('cache', ['clean'])).stderr).toMatch(/cache: expected info or prune, got "clean"/);
    expect((await run('cache', ['info', '--all'])).stderr).toMatch(/--all: only with cache prune/);
  });
});

describe('the cache on disk', () => {
  const [job] = jobsFor(
    planExperiment(parseExperiment({ structures: [{ preset: 'longgang-2021' }], replications: 2, days: 1 }), (r) => presetJson(r.preset!)),
    0,
    1,
  );

  it('keeps runs by model version: a new version never reads an older one, even under the same key', async () => {
    const dir = path.join(tmp.dir, 'versions');
    const key = await runKey(job);
    await fileStore(dir, '1.0.0').set(key, 'old');
    expect(await fileStore(dir).get(key)).toBeUndefined();
    expect(await fileStore(dir, '1.0.0').get(key)).toBe('old');
    expect(pruneCache(dir)).toEqual({ runs: 1, bytes: 3 });
    expect(await fileStore(dir, '1.0.0').get(key)).toBeUndefined();
  });

  it('refuses a key that is not a SHA-256 (no path outside the folder)', async () => {
    const store = fileStore(path.join(tmp.dir, 'keys'));
    await expect(store.set('../../etc/passwd', 'x')).rejects.toThrow(/64 hex digits/);
    expect(await memoryStore().get('x')).toBeUndefined();
  });

  it('finds its folder in FLATGOV_CACHE, else XDG_CACHE_HOME, else ~/.cache; "off" turns it off', () => {
    expect(cacheFolder({ FLATGOV_CACHE: '/x/y' })).toBe('/x/y');
    expect(cacheFolder({ FLATGOV_CACHE: 'off' })).toBeUndefined();
    expect(cacheFolder({ XDG_CACHE_HOME: '/c' })).toBe('/c/flatgov');
    expect(cacheFolder({})).toMatch(/\.cache\/flatgov$/);
  });
});
