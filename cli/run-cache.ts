/**
 * The results cache as the commands use it (experiments/cache.ts, workers/file-cache.ts):
 * on unless `--no-cache` or `FLATGOV_CACHE=off`, in the folder `flatgov cache` names, and a
 * line at the end saying how many runs were reused.
 */
import { cachedExecutor, cacheSentence, type CacheStats } from '../experiments/cache.ts';
import type { Executor } from '../experiments/executor.ts';
import { cacheFolder, fileStore } from '../workers/file-cache.ts';

export interface CliCache {
  /** The folder, or undefined when the cache is off. */
  readonly folder?: string;
  readonly stats: CacheStats;
  /** The executor, taking runs from the cache and keeping new ones (unchanged when off). */
  wrap(exec: Executor): Executor;
  /** One line on what the cache did, or undefined when it is off or nothing ran. */
  sentence(): string | undefined;
}

export function cliCache(noCache: boolean | undefined): CliCache {
  const folder = noCache ? undefined : cacheFolder();
  const stats: CacheStats = { hits: 0, misses: 0, uncached: 0 };
  return {
    folder,
    stats,
    wrap: (exec) => (folder ? cachedExecutor(exec, fileStore(folder), stats) : exec),
    sentence: () => (folder && stats.hits + stats.misses > 0 ? cacheSentence(stats, folder) : undefined),
  };
}
