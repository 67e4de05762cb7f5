/**
 * npm run study -- layers|ablation|calibration|mechanisms [--replications R] [--days D] [--workers N]
 * npm run study -- patterns | history-match …
 *
 * Runs one of the studies in studies/ (layers.ts, ablation.ts, calibration.ts,
 * mechanisms.ts, patterns.ts, history-matching.ts) and prints its table as Markdown (as in
 * scenarios/README.md and docs/validation.md), with 95% intervals over replications and, for
 * the ablation, paired differences against the pre-reform county and the share of the total
 * effect each reform explains.
 */
import fs from 'node:fs';
import { presetJson } from '../scenarios/presets.ts';
import { ablationStudy } from '../studies/ablation.ts';
import { calibrationFigures, calibrationStudy } from '../studies/calibration.ts';
import { layersStudy } from '../studies/layers.ts';
import { mechanismEffects, mechanismsStudy, MECHANISM_PAIR } from '../studies/mechanisms.ts';
import { mechanismsTable, seedTable } from '../studies/validation-report.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { DEFAULT_HISTORY_MATCH, historyMatch, historyMatchMarkdown, historyMatchSummary } from '../studies/history-matching.ts';
import { PATTERN_REPLICATIONS, patternsMarkdown, patternsStudy } from '../studies/patterns.ts';
import { defaultWorkerCount, nodePool, poolExecutor } from '../workers/node-pool.ts';
import { printable } from '../scenarios/guard.ts';
import {
  collect,
  flag,
  helpOf,
  MAX_DAYS,
  numberArg,
  parseCommand,
  refuse,
  str,
  wholeArg,
  type CommandSpec,
  type FlagSpec,
} from './args.ts';
import { outputArg, workersArg } from './checks.ts';
import { runMain, UsageError, userPath } from './load.ts';
import { checkOut } from './output.ts';
import { runStudyPlan, STUDY_RUN_FLAGS, STUDY_RUN_NOTES } from './study-run.ts';
import { decomposeCommand } from './decompose.ts';
import { equalTermsCommand } from './equal-terms.ts';
import { discoverCommand } from './discover.ts';
import { optimiseCommand } from './optimise.ts';
import { ablationTable, layersSvg, layersTable } from './study-tables.ts';

const RUN = STUDY_RUN_FLAGS;
const REPS = (d: number): FlagSpec => ({ type: 'string', arg: 'R', help: `replications, 2 to 10000 (default ${d})` });
const DAYS = (d: number): FlagSpec => ({ type: 'string', arg: 'D', help: `simulated days, up to ${MAX_DAYS} (default ${d})` });
/** Studies that run on one machine take only --workers of the run flags. */
const ONE_MACHINE = { workers: STUDY_RUN_FLAGS.workers };
const study = (
  name: string,
  about: string,
  flags: Record<string, FlagSpec>,
  usage = `flatgov study ${name} [flags]`,
  run: Record<string, FlagSpec> = RUN,
): CommandSpec => ({
  name: `study ${name}`,
  usage: usage ?? `flatgov study ${name} [flags]`,
  about,
  flags: { ...flags, ...run },
  notes: run === RUN ? STUDY_RUN_NOTES : 'Ctrl-C or SIGTERM stops it.',
});

/** Every study, each with exactly the flags it takes. */
export const STUDY_COMMANDS: Record<string, CommandSpec> = {
  layers: study('layers', 'Middle-level units between the city and 102 communities (0 … 102) at 1×, 2×, 4× demand.', {
    replications: REPS(5),
    days: DAYS(365),
    svg: { type: 'string', arg: 'FILE.svg', help: 'also draw the chart' },
  }),
  ablation: study('ablation', 'From the pre-reform county, each reform alone and all together (paired differences).', {
    replications: REPS(5),
    days: DAYS(365),
  }),
  calibration: study('calibration', "The seeds' figures against Longgang 2021 and the traditional county, with a verdict each.", {
    replications: REPS(5),
    days: DAYS(365),
  }),
  mechanisms: study('mechanisms', 'longgang-town-2018 against longgang-2021 with each mechanism switched off in turn.', {
    replications: REPS(5),
    days: DAYS(365),
  }),
  'layers-equal': study('layers-equal', 'The layers study on equal terms: equal total posts, and equal posts per unit.', {
    replications: REPS(3),
    days: DAYS(180),
  }),
  'flat-breaks': study(
    'flat-breaks',
    'With posts held equal, the load and span at which the flat structure becomes worse than a\nthin middle layer.',
    { replications: REPS(3), days: DAYS(180), svg: { type: 'string', arg: 'FILE.svg', help: 'also draw the chart' } },
  ),
  decompose: study(
    'decompose',
    'How much of each difference between A and B is structure, resources, policy and calendars\n(Shapley values over the 16 combinations of their parts; A and B are preset ids or\nscenario files).',
    {
      replications: REPS(5),
      days: DAYS(365),
      warmup: { type: 'string', arg: 'W', help: 'days discarded as warm-up, fewer than --days' },
      json: { type: 'boolean', help: 'the decomposition as JSON' },
    },
    'flatgov study decompose <A> <B> [flags]',
  ),
  patterns: study(
    'patterns',
    'The patterns from independent cases (Dongcheng, Beijing 12345, Tongling, the reversals of\ndirect management) against the model, with a verdict each. Runs on one machine.',
    { replications: REPS(PATTERN_REPLICATIONS) },
    undefined,
    ONE_MACHINE,
  ),
  'history-match': study(
    'history-match',
    'Calibration by history matching against every pattern and seed figure at once: waves of\nruns, emulators, implausibility; the assumptions left non-implausible and what they imply\nfor the Longgang comparison (studies/history-matching.ts). Runs on one machine.',
    {
      waves: { type: 'string', arg: '30,20,20', help: 'runs per wave, each at least 10' },
      candidates: { type: 'string', arg: 'N', help: 'candidates sampled per wave, at least 1000' },
      markdown: { type: 'string', arg: 'FILE.md', help: 'write the report here instead of standard output' },
      result: { type: 'string', arg: 'FILE.json', help: 'also write the result as JSON' },
    },
    undefined,
    ONE_MACHINE,
  ),
  discover: study(
    'discover',
    'Where B loses to A: a Latin hypercube of every assumption (load included), A and B run\nunder each draw, and PRIM boxes of the draws where B is slower or costlier, with\ncoverage, density and bootstrap stability.',
    {
      outcome: { type: 'string', arg: 'slower|costlier', help: 'what losing is (default slower)' },
      above: { type: 'string', arg: 'X', help: 'B − A above this (h for slower, yuan/year for costlier; default 0)' },
      draws: { type: 'string', arg: 'M', help: 'draws, 20 to 100000 (default 200)' },
      days: DAYS(180),
      threshold: { type: 'string', arg: 'T', help: 'box density, in (0, 1] (default 0.8)' },
      markdown: { type: 'string', arg: 'FILE.md', help: 'write the report here instead of standard output' },
      result: { type: 'string', arg: 'FILE.json', help: 'also write the result as JSON' },
    },
    'flatgov study discover <A> <B> [flags]',
  ),
  optimise: study(
    'optimise',
    "The best allocation of a structure's city posts (default Longgang 2021's 1,863): middle\nunits and the posts of the middle level, centre and hotline (the departments take the\nrest), minimising the mean time to close within a budget and service targets. CMA-ES on\ncommon random numbers, then a race with the shipped allocation. Runs on one machine.",
    {
      runs: { type: 'string', arg: 'N', help: 'runs in all, search and race, 100 to 100000 (default 600)' },
      days: DAYS(120),
      warmup: { type: 'string', arg: 'W', help: 'days discarded as warm-up, fewer than --days (default 20)' },
      load: { type: 'string', arg: 'X', help: "demand as a multiple of the structure's (default 1)" },
      budget: { type: 'string', arg: 'YUAN', help: "annual cost allowed, yuan/year (default the structure's own as shipped)" },
      targets: {
        type: 'string',
        arg: 'M=S,…',
        help: 'service targets, each a metric and its least share (default sla.close24h=0.85; none for none)',
      },
      pareto: { type: 'boolean', help: 'the front of annual cost against time to close, the total of posts free too' },
      markdown: { type: 'string', arg: 'FILE.md', help: 'write the report here instead of standard output' },
      result: { type: 'string', arg: 'FILE.json', help: 'also write the result as JSON' },
    },
    'flatgov study optimise [<structure>] [flags]',
    { workers: STUDY_RUN_FLAGS.workers, 'no-cache': STUDY_RUN_FLAGS['no-cache'], 'allow-large': STUDY_RUN_FLAGS['allow-large'] },
  ),
};

const HELP = `usage: flatgov study <study> [flags]   (flatgov study <study> --help for its flags; in a checkout: npm run study -- …)

${Object.entries(STUDY_COMMANDS)
  .map(([name, c]) => `${name.padEnd(13)}${c.about.replace(/\n/g, `\n${' '.repeat(13)}`)}`)
  .join('\n')}`;

async function main() {
  const { name: which, spec, values: flags, positionals } = parseCommand(STUDY_COMMANDS, undefined);
  if (!spec) {
    if (flags.help) return void console.log(HELP);
    const got = positionals[0];
    throw new UsageError(
      `expected a study (${Object.keys(STUDY_COMMANDS).join(', ')}), got ${got === undefined ? 'none' : `"${printable(got)}"`} (see --help)`,
    );
  }
  if (flags.help) return void console.log(helpOf(spec));
  // Every number and every output file is checked here, before any work.
  const problems: string[] = [];
  const values = {
    replications: str(flags, 'replications'),
    days: str(flags, 'days'),
    warmup: str(flags, 'warmup'),
    draws: str(flags, 'draws'),
    workers: str(flags, 'workers'),
    svg: outputArg('--svg', str(flags, 'svg'), ['.svg'], problems),
    markdown: outputArg('--markdown', str(flags, 'markdown'), ['.md', '.markdown'], problems),
    result: outputArg('--result', str(flags, 'result'), ['.json'], problems),
    out: str(flags, 'out'),
    waves: str(flags, 'waves'),
    candidates: str(flags, 'candidates'),
    outcome: str(flags, 'outcome'),
    above: str(flags, 'above'),
    threshold: str(flags, 'threshold'),
    shard: str(flags, 'shard'),
    runs: str(flags, 'runs'),
    load: str(flags, 'load'),
    budget: str(flags, 'budget'),
    targets: str(flags, 'targets'),
    pareto: flag(flags, 'pareto'),
    json: flag(flags, 'json'),
    merge: flag(flags, 'merge'),
    'no-cache': flag(flags, 'no-cache'),
    'allow-large': flag(flags, 'allow-large'),
  };
  collect(problems, () => wholeArg('replications', values.replications, 2, 10_000));
  const daysAsked = collect(problems, () => numberArg('days', values.days, 0.001, MAX_DAYS, 'days'));
  collect(problems, () => numberArg('warmup', values.warmup, 0, daysAsked ?? MAX_DAYS, 'days'));
  collect(problems, () => wholeArg('draws', values.draws, 20, 100_000));
  if (values.out !== undefined) collect(problems, () => checkOut(userPath(values.out!), { shard: true }));
  refuse(problems);
  const rest = positionals;
  if (which === 'patterns') return patternsCommand({ ...values, workers: String(workersArg(values.workers, problems)) });
  if (which === 'history-match') return historyMatchCommand({ ...values, workers: String(workersArg(values.workers, problems)) });
  if (which === 'discover') return discoverCommand(rest, values);
  if (which === 'optimise') return optimiseCommand(rest, values);
  if (which === 'decompose') return decomposeCommand(rest, values);
  if (which === 'layers-equal' || which === 'flat-breaks') return equalTermsCommand(which, values, rest);
  if (which !== 'layers' && which !== 'ablation' && which !== 'calibration' && which !== 'mechanisms')
    throw new UsageError(`expected a study, got "${printable(which ?? '')}" (see --help)`);
  const reps = Number(values.replications ?? 5);
  const days = Number(values.days ?? 365);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
  const input =
    which === 'layers'
      ? layersStudy(reps, days)
      : which === 'ablation'
        ? ablationStudy(reps, days)
        : which === 'calibration'
          ? calibrationStudy(reps, days)
          : mechanismsStudy(reps, days);
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  {
    const out = await runStudyPlan(plan, values, rest);
    if (!out) return;
    const tables = {
      layers: () => layersTable(out),
      ablation: () => ablationTable(out),
      calibration: () => seedTable(calibrationFigures(out)),
      mechanisms: () =>
        `${mechanismsTable(mechanismEffects(out))}\n\nΔ: ${MECHANISM_PAIR[1]} minus ${MECHANISM_PAIR[0]}, paired over replications.`,
    };
    console.log(tables[which]());
    if (values.svg && which === 'layers') fs.writeFileSync(values.svg, layersSvg(out));
    console.log(`\nMean ± 95% half-width over ${reps} replications of ${days} days (seeds from base seed 1).`);
  }
}

function workersOf(values: { workers?: string }) {
  return Number(values.workers ?? defaultWorkerCount());
}

async function patternsCommand(values: { replications?: string; workers?: string }) {
  const reps = Number(values.replications ?? PATTERN_REPLICATIONS);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  const pool = nodePool(workersOf(values));
  try {
    console.log(patternsMarkdown(await patternsStudy(poolExecutor(pool), reps)));
  } finally {
    pool.close();
  }
}

async function historyMatchCommand(values: { waves?: string; candidates?: string; workers?: string; markdown?: string; result?: string }) {
  const waves = values.waves === undefined ? DEFAULT_HISTORY_MATCH.waves : values.waves.split(',').map((x) => Number(x.trim()));
  if (waves.length === 0 || waves.some((n) => !Number.isInteger(n) || n < 10))
    throw new UsageError(`--waves: expected runs per wave as integers ≥ 10 separated by commas (e.g. 30,20,20), got "${values.waves}"`);
  const candidates = Number(values.candidates ?? DEFAULT_HISTORY_MATCH.candidates);
  if (!Number.isInteger(candidates) || candidates < 1000)
    throw new UsageError(`--candidates: expected an integer ≥ 1000, got "${values.candidates}"`);
  const pool = nodePool(workersOf(values));
  try {
    const t0 = performance.now();
    let shown = '';
    const result = await historyMatch(poolExecutor(pool), { waves, candidates }, (p) => {
      const line =
        p.stage === 'runs'
          ? `  wave ${p.wave}: ${p.done}/${p.total} runs`
          : `  wave ${p.wave}: ${p.stage === 'emulators' ? 'fitting emulators' : 'sampling the region left'}`;
      if (line !== shown && (p.stage !== 'runs' || p.done % 50 === 0 || p.done === p.total)) {
        shown = line;
        process.stderr.write(`${line}, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      }
    });
    if (values.result) fs.writeFileSync(values.result, `${JSON.stringify(result, null, 1)}\n`);
    const md = historyMatchMarkdown(result);
    if (values.markdown) fs.writeFileSync(values.markdown, md);
    else console.log(md);
    console.log(historyMatchSummary(result));
    process.stderr.write(`${result.runs} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s on ${pool.size} workers\n`);
  } finally {
    pool.close();
  }
}

runMain(main);
