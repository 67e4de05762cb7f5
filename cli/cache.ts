/**
 * flatgov cache [info] | prune [--all]
 *
 * The results cache (experiments/cache.ts): where it is, what it holds, and pruning it.
 */
import { MODEL_VERSION } from '../sim/version.ts';
import { cacheContents, cacheFolder, pruneCache } from '../workers/file-cache.ts';
import { parseCli } from './args.ts';
import { runMain, UsageError } from './load.ts';

const HELP = `usage: flatgov cache [info]          where the results cache is and what it holds
       flatgov cache prune [--all]   remove the runs of other model versions (--all: every run)
(in a checkout: npm run cache -- …)

Finished runs are kept by what they are (model version, the scenario's SHA-256, seed, days,
warm-up, series) and reused by experiments, studies, sensitivity analyses and the
validation report; a run from the cache gives the same bytes as a fresh one. A new model
version never reuses older runs. The folder is FLATGOV_CACHE, else $XDG_CACHE_HOME/flatgov,
else ~/.cache/flatgov; FLATGOV_CACHE=off or --no-cache on a command runs without it.`;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

await runMain(() => {
  const { values, positionals } = parseCli({
    all: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(HELP);
  const [what = 'info', ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`cache ${what}: unexpected ${rest.map((r) => `"${r}"`).join(', ')} (see --help)`);
  if (what !== 'info' && what !== 'prune') throw new UsageError(`cache: expected info or prune, got "${what}" (see --help)`);
  if (what === 'info' && values.all) throw new UsageError('--all: only with cache prune');
  const folder = cacheFolder();
  if (!folder) return void console.log('the results cache is off (FLATGOV_CACHE=off)');
  if (what === 'prune') {
    const r = pruneCache(folder, { all: values.all });
    console.log(
      `removed ${r.runs.toLocaleString('en')} runs (${mb(r.bytes)}) from ${folder}${values.all ? '' : ` (kept model ${MODEL_VERSION}'s)`}`,
    );
    return;
  }
  const c = cacheContents(folder);
  console.log(`results cache: ${folder}`);
  if (c.length === 0) console.log('  empty');
  for (const v of c)
    console.log(
      `  model ${v.modelVersion}: ${v.runs.toLocaleString('en')} runs, ${mb(v.bytes)}${v.modelVersion === MODEL_VERSION ? ' (this model)' : ' (never reused: flatgov cache prune removes them)'}`,
    );
});
