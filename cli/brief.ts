/**
 * npm run brief -- <experiment.json> --out brief.html [--lang en|zh] [--workers N]
 *
 * The app's one-page brief from an experiment file: its replications (the brief's metrics
 * added to the file's) with daily series for the two charts (their mean over replications), the
 * structures' assumptions and sources, and the command that reproduces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { loadLang, setLang, type Lang } from '../render/i18n.ts';
import { BRIEF_METRICS, BRIEF_SERIES, briefHtml } from '../render/brief.ts';
import { experimentSchema } from '../experiments/experiment.ts';
import { jobsFor } from '../experiments/jobs.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { codeCommit } from '../workers/commit.ts';
import { FLATGOV_VERSION } from '../experiments/identity.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import shipped from '../docs/sensitivity.json' with { type: 'json' };
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';
import { runExperiment } from '../experiments/runner.ts';
import { collect, parseCli, refuse, wholeArg } from './args.ts';
import { readJsonFile, runMain, UsageError, userPath } from './load.ts';

const HELP = `usage: npm run brief -- <experiment.json> --out brief.html [--lang en|zh] [--workers N]

Runs the experiment's replications and writes a one-page brief as HTML (open it in a
browser and print, or save as PDF: it is laid out for one A4 page): the question, the
headline figures with 95% intervals, two charts (the mean of the replications), the main
assumptions, the sources and the command that reproduces it.
  --workers N   worker threads for the replications (default: cores less one) An experiment with a sweep
is refused: a brief compares structures at one point.`;

await runMain(async () => {
  const { values, positionals } = parseCli({
    out: { type: 'string' },
    lang: { type: 'string' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const problems: string[] = [];
  if (positionals.length !== 1)
    problems.push(`expected one experiment file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  if (values.out === undefined) problems.push('--out: expected the HTML file to write, e.g. --out brief.html');
  else if (!/\.html?$/i.test(values.out)) problems.push(`--out: expected a file ending in .html, got "${values.out}"`);
  const lang = (values.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'zh') problems.push(`--lang: expected en or zh, got "${values.lang}"`);
  const workers = collect(problems, () => wholeArg('workers', values.workers, 1, 1024));
  const file = positionals[0] ?? '';
  const input = positionals.length === 1 ? collect(problems, () => readJsonFile(userPath(file))) : undefined;
  refuse(problems);
  await loadLang(lang);
  setLang(lang);
  const parsed = experimentSchema.safeParse(input);
  if (parsed.success) {
    // The brief's figures, besides those the file asks for.
    const metrics = [...new Set([...parsed.data.metrics, ...BRIEF_METRICS])];
    const series = parsed.data.series;
    Object.assign(input as object, {
      metrics,
      // Daily series for the charts (the file's, with those the charts draw).
      series: { ...(series ?? {}), every: series?.every ?? 'daily', metrics: [...new Set([...(series?.metrics ?? []), ...BRIEF_SERIES])] },
    });
  }
  const baseDir = path.dirname(userPath(file));
  const plan = parseAndPlanExperiment(input, (ref) => {
    if (ref.preset !== undefined) {
      if (!PRESET_IDS.includes(ref.preset)) throw new UsageError(`unknown preset "${ref.preset}" (presets: ${PRESET_IDS.join(', ')})`);
      return presetJson(ref.preset);
    }
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  });
  if (plan.points.length > 1)
    throw new UsageError(
      `${file}: the experiment sweeps ${plan.points.length} points; a brief compares structures at one point (remove "sweep" or "design")`,
    );
  const e = plan.experiment;
  const pool = nodePool(workers);
  let out;
  try {
    out = await runExperiment(plan, poolExecutor(pool), { commit: codeCommit() });
  } finally {
    pool.close();
  }
  if (out.failures.length) throw new Error(`${out.failures.length} replication(s) failed: ${out.failures[0].message}`);
  const structures = plan.structures.map((st, s) => ({
    name: st.label,
    scenario: jobsFor(plan, 0, 1).find((j) => j.structure === s)!.scenario,
  }));
  const html = briefHtml({
    structures,
    seed: e.baseSeed,
    days: e.days,
    day: e.days,
    command: `npm run brief -- ${path.basename(file)} --out ${path.basename(values.out!)}${lang === 'en' ? '' : ` --lang ${lang}`}`,
    source: `flatgov ${FLATGOV_VERSION} (model ${MODEL_VERSION}, commit ${out.manifest.commit}). Same seed, same result.`,
    replications: { n: out.manifest.replications, days: e.days, summary: out.summary, differences: out.differences, series: out.series },
    sensitivity: shipped as unknown as SensitivityResult,
  });
  fs.writeFileSync(userPath(values.out!), html);
  process.stderr.write(`wrote ${values.out}\n`);
});
