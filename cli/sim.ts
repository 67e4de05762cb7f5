/**
 * flatgov sim [scenario.json | preset-id] [--seed N] [--days D] [--json] [--timing]
 */
import { simulate } from '../sim/index.ts';
import { DEFAULT_PRESET, PRESET_IDS } from '../scenarios/presets.ts';
import { loadScenarioArg, runMain, UsageError } from './load.ts';
import { collect, MAX_DAYS, numberArg, parseCli, refuse, wholeArg } from './args.ts';
import { budgetOfMachine } from './compute-budget.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { formatSummary } from '../render/summary-table.ts';

const HELP = `usage: flatgov sim [scenario.json | preset-id] [--seed N] [--days D] [--json] [--timing]
(in a checkout: npm run -s sim -- …; -s keeps npm's banner out of the output)

Runs one scenario and prints a summary (or one JSON object with --json).
  scenario   a scenario JSON file (relative to the current folder) or a preset id
             (default ${DEFAULT_PRESET}); presets: ${PRESET_IDS.join(', ')}
  --seed N   random seed (default 1)
  --days D   simulated days (default 365)
  --json     print the summary as JSON on stdout: the same scenario and seed give the same bytes
  --timing   add the wall time (wallMs) to the JSON
  --allow-large  run even when the estimate is past 4 GB of memory (or 60% of this
             machine's) or two billion events
Exit status: 0 done, 2 invalid scenario or arguments.`;

await runMain(() => {
  const { values, positionals } = parseCli({
    seed: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean', default: false },
    timing: { type: 'boolean', default: false },
    'allow-large': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const problems: string[] = [];
  if (positionals.length > 1) problems.push(`expected one scenario, got ${positionals.length} (see --help)`);
  const seed = collect(problems, () => wholeArg('seed', values.seed, 0, Number.MAX_SAFE_INTEGER)) ?? 1;
  const days = collect(problems, () => numberArg('days', values.days, 0.001, MAX_DAYS, 'days')) ?? 365;
  const scenario = collect(problems, () => loadScenarioArg(positionals[0] ?? DEFAULT_PRESET));
  refuse(problems);
  if (!scenario) return;
  if (!values['allow-large']) {
    const over = overBudget([estimateRun(scenario, days)], budgetOfMachine());
    if (over.length > 0)
      throw new UsageError(`this run ${over.join('; and ')}. Simulate fewer days or residents, or pass --allow-large to run it anyway`);
  }
  const t0 = performance.now();
  const { summary } = simulate(scenario, { seed, days, snapshotEveryMinutes: 0 });
  const wallMs = performance.now() - t0;
  if (values.json) console.log(JSON.stringify(values.timing ? { ...summary, wallMs } : summary));
  else console.log(formatSummary(summary, scenario.name, wallMs));
});
