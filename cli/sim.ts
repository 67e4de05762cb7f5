/**
 * flatgov sim [scenario.json | preset-id] [--seed N] [--days D] [--json] [--timing]
 */
import { simulate } from '../sim/index.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { DEFAULT_PRESET, PRESET_IDS } from '../scenarios/presets.ts';
import { loadScenarioArg, runMain, UsageError } from './load.ts';
import { collect, MAX_DAYS, numberArg, parseCli, refuse, wholeArg } from './args.ts';
import { budgetOfMachine } from './compute-budget.ts';
import { estimateRun, overBudget } from '../sim/compute-budget.ts';

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

function pct(x: number) {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–';
}
function num(x: number, d = 1) {
  return Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–';
}

export function formatSummary(s: Summary, name: string, wallMs: number): string {
  const rows: [string, string][] = [
    ['scenario', `${s.scenario} — ${name}`],
    ['seed, days', `${s.seed}, ${s.days}`],
    ['cases created / closed / open / lost', `${s.cases.created} / ${s.cases.closed} / ${s.cases.open} / ${s.cases.lost}`],
    ['throughput', `${num(s.throughputPerDay)} cases/day`],
    ['closed at grid or community', pct(s.localResolutionShare)],
    ...Object.entries(s.closedAtLevel)
      .filter(([, n]) => n > 0)
      .map(([k, n]): [string, string] => [`  closed at ${k}`, `${n} (${pct(n / s.cases.closed)})`]),
    [
      'hours to close: mean / p50 / p90 / p99',
      [s.hoursToClose.mean, s.hoursToClose.p50, s.hoursToClose.p90, s.hoursToClose.p99].map((x) => num(x)).join(' / ') + ' h',
    ],
    ['accepted within 30 min (non-field)', pct(s.sla.accept30m)],
    ['on site within 1 h (field)', pct(s.sla.onsite1h)],
    ['closed within 24 h (non-field)', pct(s.sla.close24h)],
    ['difficult closed within 5 working days', pct(s.sla.difficult5wd)],
    ['hops per case, returns per case', `${num(s.hopsPerCase, 2)}, ${num(s.bouncedPerCase, 3)}`],
    ...s.levels.map((l): [string, string] => [`  ${l.id} utilisation, mean queue`, `${pct(l.utilisation)}, ${num(l.meanQueue)} cases`]),
    ...s.departments.map((d): [string, string] => [
      `  ${d.id} utilisation, mean queue`,
      `${pct(d.utilisation)}, ${num(d.meanQueue)} cases`,
    ]),
    [
      'staff (posts)',
      `${s.staff.total} (${Object.entries(s.staff.byLevel)
        .map(([k, v]) => `${k} ${num(v, 0)}`)
        .join(', ')})`,
    ],
    ['annual cost', `${num(s.cost.annualYuan / 1e6)} million yuan/year`],
    ['cost per case', `${num(s.cost.perCaseYuan, 0)} yuan`],
    ['resident trust (mean)', pct(s.trust.mean)],
    ['bypass (hotline, petitions)', `${pct(s.bypassShare)} of cases, ${s.petitions} petitions`],
    ['events, wall time', `${s.events}, ${num(wallMs, 0)} ms`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

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
