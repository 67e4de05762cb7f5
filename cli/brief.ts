/**
 * npm run brief -- <experiment.json> --out brief.html [--lang en|zh] [--app URL] [--workers N] [--decompose]
 *
 * The app's one-page brief from an experiment file: its replications (the brief's metrics
 * added to the file's) with daily series for the two charts (their mean over replications), the
 * structures' assumptions and sources, the link that opens the same comparison in the app at
 * the address --app gives, the command that reproduces it, and the experiment itself; with
 * --decompose, how much of each difference between the first two structures is structure
 * (studies/decompose.ts: the 16 combinations of their parts, the same replications and days).
 */
import path from 'node:path';
import { presetJson, PRESET_IDS } from '../scenarios/presets.ts';
import { loadLang, setLang, type Lang } from '../render/i18n.ts';
import { BRIEF_METRICS, BRIEF_SERIES, briefHtml, sensitivityOfPair } from '../render/brief.ts';
import { stateHash } from '../render/link.ts';
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
import { collect, flag, helpOf, parseSpec, refuse, str, type CommandSpec } from './args.ts';
import { checkBudget, outputArg, workersArg } from './checks.ts';
import { writeAtomic } from './output.ts';
import { printable } from '../scenarios/guard.ts';
import { parseExperiment, warmupOf } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { decompose, decompositionExperiment, unstableCombinations } from '../studies/decompose.ts';
import { WHY_METRICS, type StructuralResult } from '../render/structural.ts';
import { t } from '../render/i18n.ts';
import { readJsonFile, runMain, UsageError, userPath } from './load.ts';
import { cliCache } from './run-cache.ts';
import { stopOnSignals } from './signals.ts';

/** Where the link opens the app unless --app says otherwise: npm run dev. */
const DEFAULT_APP = 'http://127.0.0.1:5173/';

const BRIEF: CommandSpec = {
  name: 'brief',
  usage: 'flatgov brief <experiment.json> --out brief.html [flags]   (in a checkout: npm run brief -- …)',
  about: `Runs the experiment's replications and writes a one-page brief as HTML (open it in a
browser and print, or save as PDF: it is laid out for one A4 page): the question, the
headline figures with 95% intervals, two charts (the mean of the replications), the main
assumptions, the sources, the link that opens the same comparison in the app and the
command that reproduces it. An experiment with a sweep
is refused: a brief compares structures at one point.`,
  flags: {
    out: { type: 'string', arg: 'FILE.html', help: 'the brief to write (checked before the first run)' },
    lang: { type: 'string', arg: 'en|zh', help: 'the language of the brief (default en)' },
    app: {
      type: 'string',
      arg: 'URL',
      help: `the address of the app the brief's link opens (default ${DEFAULT_APP}, the\naddress of npm run dev; give the site's address for a brief to hand over)`,
    },
    workers: {
      type: 'string',
      arg: 'N',
      help: 'worker threads: at most the cores (default: cores less one, or SLURM_CPUS_PER_TASK)',
    },
    'no-cache': { type: 'boolean', help: 'run every replication afresh (finished runs are otherwise kept and reused)' },
    decompose: {
      type: 'boolean',
      help: 'also say how much of each difference between the first two structures is\nstructure, resources, policy and working hours (16 times the runs)',
    },
    'allow-large': {
      type: 'boolean',
      help: "run even when estimated past 4 GB of memory (or 60% of this machine's) or two\nbillion events",
    },
  },
  notes: 'Ctrl-C or SIGTERM stops (exit status 130 or 143), writing no brief and keeping the runs\nthat finished in the cache.',
};

/** The app's state for an experiment's structures: presets with their overrides, or scenarios of their own. */
function appColumns(structures: { label?: string; preset?: string; overrides: Record<string, unknown> }[], scenarios: unknown[]) {
  return structures.map((st, i) =>
    st.preset !== undefined
      ? { preset: st.preset, changes: st.overrides }
      : { custom: { name: st.label ?? `structure ${i + 1}`, json: scenarios[i] }, changes: st.overrides },
  );
}

await runMain(async () => {
  const { values: flags, positionals } = parseSpec(BRIEF);
  if (flags.help) {
    process.stdout.write(`${helpOf(BRIEF)}\n`);
    return;
  }
  const values = {
    out: str(flags, 'out'),
    lang: str(flags, 'lang'),
    app: str(flags, 'app'),
    workers: str(flags, 'workers'),
    'no-cache': flag(flags, 'no-cache'),
    decompose: flag(flags, 'decompose'),
    'allow-large': flag(flags, 'allow-large'),
  };
  const problems: string[] = [];
  if (positionals.length !== 1)
    problems.push(
      `expected one experiment file, got ${positionals.length === 0 ? 'none' : positionals.map((p) => printable(p)).join(' ')}`,
    );
  if (values.out === undefined) problems.push('--out: expected the HTML file to write, e.g. --out brief.html');
  const outFile = outputArg('--out', values.out, ['.html', '.htm'], problems);
  const lang = (values.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'zh') problems.push(`--lang: expected en or zh, got "${printable(values.lang ?? '')}"`);
  const workers = workersArg(values.workers, problems);
  const app = values.app ?? DEFAULT_APP;
  if (!/^https?:\/\/[^\s#]+$/.test(app))
    problems.push(`--app: expected the app's address, e.g. https://example.org/flatgov/, got "${printable(app)}"`);
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
      if (!PRESET_IDS.includes(ref.preset))
        throw new UsageError(`unknown preset "${printable(ref.preset)}" (presets: ${PRESET_IDS.join(', ')})`);
      return presetJson(ref.preset);
    }
    if (ref.file !== undefined) return readJsonFile(path.resolve(baseDir, ref.file));
    return ref.scenario;
  });
  if (plan.points.length > 1)
    throw new UsageError(
      `${printable(file)}: the experiment sweeps ${plan.points.length} points; a brief compares structures at one point (remove "sweep" or "design")`,
    );
  const e = plan.experiment;
  // With --decompose, each of the 16 combinations of the first two structures' parts runs as many times.
  if (!values['allow-large'])
    checkBudget('this brief', plan.scenarios.flat(), e.days, e.replications * (values.decompose ? 1 + 16 : 1), workers, {
      change: `fewer replications or days${values.decompose ? ', or leave out --decompose' : ''}`,
    });
  const pool = nodePool(workers);
  const cache = cliCache(values['no-cache']);
  const ctl = new AbortController();
  const stopSignals = stopOnSignals(ctl, cache.folder ? 'the runs that finished (in the cache)' : 'nothing (the cache is off)');
  let out;
  let structural: StructuralResult | undefined;
  try {
    out = await runExperiment(plan, cache.wrap(poolExecutor(pool)), { commit: codeCommit(), signal: ctl.signal });
    if (values.decompose && plan.structures.length >= 2 && !ctl.signal.aborted && !out.failures.length) {
      const [a, b] = plan.structures;
      const input = {
        ...decompositionExperiment(a.scenario, b.scenario, {
          replications: e.replications,
          days: e.days,
          warmupDays: warmupOf(e),
          metrics: [...WHY_METRICS, 'stability.stable'],
        }),
        baseSeed: e.baseSeed,
      };
      const d = await runExperiment(
        planExperiment(parseExperiment(input), (r) => r.scenario),
        cache.wrap(poolExecutor(pool)),
        {
          signal: ctl.signal,
        },
      );
      if (d.failures.length) throw new Error(`${d.failures.length} run(s) of the decomposition failed: ${d.failures[0].message}`);
      if (!ctl.signal.aborted)
        structural = {
          a: a.label,
          b: b.label,
          n: e.replications,
          days: e.days,
          warmupDays: warmupOf(e),
          rows: decompose(d, [...WHY_METRICS]),
          unstable: unstableCombinations(d),
        };
    }
  } finally {
    stopSignals();
    pool.close();
  }
  const c = cache.sentence();
  if (c) process.stderr.write(`${c}\n`);
  if (ctl.signal.aborted) return void process.stderr.write('stopped: no brief written; run it again to go on from the cache\n');
  if (out.failures.length) throw new Error(`${out.failures.length} replication(s) failed: ${out.failures[0].message}`);
  const structures = plan.structures.map((st, s) => ({
    name: st.label,
    scenario: jobsFor(plan, 0, 1).find((j) => j.structure === s)!.scenario,
  }));
  // The link that opens the same comparison in the app: its structures, seed, days and replications.
  const scenarios = e.structures.map((st) => (st.file !== undefined ? readJsonFile(path.resolve(baseDir, st.file)) : st.scenario));
  const link = `${app}${await stateHash({
    columns: appColumns(e.structures, scenarios),
    seed: e.baseSeed,
    days: e.days,
    view: 'replications',
    lang,
    selected: 0,
    replications: Math.min(1000, Math.max(2, e.replications)),
  })}`;
  const presets = e.structures.map((st) => (st.preset !== undefined && Object.keys(st.overrides).length === 0 ? st.preset : undefined));
  const html = briefHtml({
    structures,
    seed: e.baseSeed,
    days: e.days,
    day: e.days,
    link,
    experiment: input,
    command: `npm run brief -- ${path.basename(file)} --out ${path.basename(values.out!)}${lang === 'en' ? '' : ` --lang ${lang}`}${values.decompose ? ' --decompose' : ''}`,
    source: `flatgov ${FLATGOV_VERSION} (model ${MODEL_VERSION}, commit ${out.manifest.commit}). Same seed, same result.`,
    replications: { n: out.manifest.replications, days: e.days, summary: out.summary, differences: out.differences, series: out.series },
    // What decides the answer: the shipped analysis when it is of the same pair.
    sensitivity: sensitivityOfPair(shipped as unknown as SensitivityResult, presets),
    structural,
    structuralHow: t('brief.whyNotYetCli', {
      command: `npm run brief -- ${path.basename(file)} --out ${path.basename(values.out!)}${lang === 'en' ? '' : ` --lang ${lang}`} --decompose`,
    }),
  });
  writeAtomic(outFile!, html);
  process.stderr.write(`wrote ${printable(values.out!)}\n`);
});
