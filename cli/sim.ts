/**
 * flatgov sim [scenario.json | preset-id] [--seed N] [--days D] [--json] [--timing]
 */
import { simulate } from '../sim/index.ts';
import { DEFAULT_PRESET, PRESET_IDS } from '../scenarios/presets.ts';
import { printable } from '../scenarios/guard.ts';
import { loadScenarioArg, runMain, UsageError } from './load.ts';
import { collect, flag, helpOf, MAX_DAYS, numberArg, parseCommand, refuse, str, wholeArg, type CommandSpec } from './args.ts';
import { budgetOfMachine } from '../workers/host.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';
import { formatSummary } from '../render/summary-table.ts';

export const SIM: CommandSpec = {
  name: 'sim',
  usage: "flatgov sim [scenario.json | preset-id] [flags]   (in a checkout: npm run -s sim -- …; -s keeps npm's banner out of the output)",
  about: `Runs one scenario and prints a summary (or one JSON object with --json). The scenario is a JSON
file (relative to the current folder) or a preset id (default ${DEFAULT_PRESET}); presets:
${PRESET_IDS.join(', ')}.`,
  flags: {
    seed: { type: 'string', arg: 'N', help: 'random seed, a whole number (default 1)' },
    days: { type: 'string', arg: 'D', help: `simulated days, up to ${MAX_DAYS} (default 365)` },
    json: { type: 'boolean', help: 'print the summary as JSON on stdout: the same scenario and seed give the same bytes' },
    timing: { type: 'boolean', help: 'add the wall time (wallMs) to the JSON' },
    'allow-large': {
      type: 'boolean',
      help: "run even when the estimate is past 4 GB of memory (or 60% of this\nmachine's) or two billion events",
    },
  },
  notes: 'Exit status: 0 done, 2 invalid scenario or arguments.',
};

await runMain(() => {
  const { values, positionals } = parseCommand({ sim: SIM }, 'sim');
  if (values.help) {
    console.log(helpOf(SIM));
    return;
  }
  const problems: string[] = [];
  if (positionals.length > 1) problems.push(`expected one scenario, got ${positionals.length} (see --help)`);
  const seed = collect(problems, () => wholeArg('seed', str(values, 'seed'), 0, Number.MAX_SAFE_INTEGER)) ?? 1;
  const days = collect(problems, () => numberArg('days', str(values, 'days'), 0.001, MAX_DAYS, 'days')) ?? 365;
  const scenario = collect(problems, () => loadScenarioArg(positionals[0] ?? DEFAULT_PRESET));
  refuse(problems);
  if (!scenario) return;
  if (!flag(values, 'allow-large')) {
    const over = overBudget([estimateRun(scenario, days, 0)], budgetOfMachine());
    if (over.length > 0)
      throw new UsageError(`this run ${over.join('; and ')}. Simulate fewer days or residents, or pass --allow-large to run it anyway`);
  }
  const t0 = performance.now();
  const { summary } = simulate(scenario, { seed, days, snapshotEveryMinutes: 0, allowLarge: true });
  const wallMs = performance.now() - t0;
  if (flag(values, 'json')) console.log(JSON.stringify(flag(values, 'timing') ? { ...summary, wallMs } : summary));
  else console.log(formatSummary(summary, printable(scenario.name), wallMs));
});
