/**
 * flatgov scenario validate <file.json>...
 * flatgov scenario diff <a> <b>
 * flatgov scenario schema [--experiment] [--write]
 * flatgov scenario list | table | assumptions
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffScenarios } from '../scenarios/diff.ts';
import { scenarioJsonSchemaText } from '../scenarios/jsonSchema.ts';
import { withFieldTable, withParameterTables } from '../scenarios/fieldTable.ts';
import { experimentJsonSchemaText } from '../experiments/experiment-schema.ts';
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';
import { printable, terminalText } from '../scenarios/guard.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { simulate } from '../sim/simulate.ts';
import { loadScenarioArg, runMain, UsageError } from './load.ts';
import { presetTableOf } from '../render/preset-table.ts';
import { collect, flag, helpOf, MAX_DAYS, numberArg, parseCommand, refuse, str, wholeArg, type CommandSpec } from './args.ts';
import { checkBudget } from './checks.ts';
import { breathe, stopOnSignals, stoppedBy } from './signals.ts';
import { assumptions, pathText } from '../scenarios/assumptions.ts';

const IN_CHECKOUT = '(in a checkout: npm run scenario -- …)';
const ALLOW_LARGE = {
  type: 'boolean',
  help: "run even when the estimate is past 4 GB of memory (or 60% of this\nmachine's) or two billion events",
} as const;

/** The scenario subcommands, each with exactly the flags it takes. */
export const SCENARIO_COMMANDS: Record<string, CommandSpec> = {
  validate: {
    name: 'scenario validate',
    usage: `flatgov scenario validate <file.json>...   ${IN_CHECKOUT}`,
    about: 'Checks scenario files: every problem with its JSON path and what was expected (exit status 2 if any).',
    flags: {},
  },
  diff: {
    name: 'scenario diff',
    usage: 'flatgov scenario diff <a> <b>',
    about: 'Every parameter that differs between two scenarios (files or preset ids), with units.',
    flags: {},
  },
  schema: {
    name: 'scenario schema',
    usage: 'flatgov scenario schema [--experiment] [--write]',
    about: 'Prints the JSON Schema of scenarios (or of experiment files).',
    flags: {
      experiment: { type: 'boolean', help: 'the schema of experiment files instead' },
      write: {
        type: 'boolean',
        help: 'update scenarios/scenario.schema.json, the field table of docs/scenarios.md and the\nparameter tables of docs/ODD.md (or scenarios/experiment.schema.json)',
      },
    },
  },
  list: { name: 'scenario list', usage: 'flatgov scenario list', about: 'The presets, by id and name.', flags: {} },
  assumptions: {
    name: 'scenario assumptions',
    usage: 'flatgov scenario assumptions [--json]',
    about:
      "Every assumption (a parameter no source gives): its id, plausible range (× for a multiplier on each\nplace's own value) and reasoning.",
    flags: { json: { type: 'boolean', help: 'as JSON' } },
  },
  table: {
    name: 'scenario table',
    usage: 'flatgov scenario table [--seeds N] [--days D]',
    about:
      'The presets side by side (Markdown), mean ± 95% half-width over N seeds. Ctrl-C or SIGTERM stops\nand prints the table of the presets that finished (exit status 130 or 143).',
    flags: {
      seeds: { type: 'string', arg: 'N', help: 'replications of each preset, 2 to 1000 (default 3)' },
      days: { type: 'string', arg: 'D', help: `simulated days, up to ${MAX_DAYS} (default 365)` },
      'allow-large': ALLOW_LARGE,
    },
  },
};

const HELP = `usage: flatgov scenario <command>   ${IN_CHECKOUT}
${Object.values(SCENARIO_COMMANDS)
  .map(
    (c) =>
      `  ${c.usage
        .replace(/^flatgov /, '')
        .replace(IN_CHECKOUT, '')
        .trim()}`,
  )
  .join('\n')}
(flatgov scenario <command> --help for each)`;

const SCHEMA_DIR = path.join(import.meta.dirname, '..', 'scenarios');

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

await runMain(async () => {
  const { name: cmd, spec, values, positionals: args } = parseCommand(SCENARIO_COMMANDS, undefined);
  if (!spec) {
    if (args.length > 0) throw new UsageError(`unknown command "${printable(args[0])}" (see --help)`);
    console.log(HELP);
    return;
  }
  if (values.help) {
    console.log(helpOf(spec));
    return;
  }
  switch (cmd) {
    case 'validate': {
      if (args.length === 0) throw new UsageError('validate: expected at least one scenario file');
      let bad = 0;
      for (const f of args) {
        try {
          loadScenarioArg(f);
          console.log(`${printable(f)}: valid`);
        } catch (e) {
          bad++;
          process.stderr.write(`${terminalText((e as Error).message)}\n`);
        }
      }
      if (bad > 0) process.exit(2);
      return;
    }
    case 'diff': {
      if (args.length !== 2) throw new UsageError('diff: expected two scenarios (files or preset ids)');
      const [a, b] = args.map(loadScenarioArg);
      const d = diffScenarios(a, b);
      if (d.length === 0) {
        console.log(`${a.id} and ${b.id}: no parameter differs`);
        return;
      }
      const w = Math.max(...d.map((x) => x.path.length));
      console.log(`${d.length} ${d.length === 1 ? 'parameter differs' : 'parameters differ'} (${a.id} → ${b.id}):`);
      for (const x of d)
        console.log(`  ${printable(x.path).padEnd(w)}  ${printable(show(x.a))} → ${printable(show(x.b))}${x.unit ? ` ${x.unit}` : ''}`);
      return;
    }
    case 'schema': {
      if (args.length > 0) throw new UsageError(`schema: takes no file, got "${printable(args[0])}"`);
      const experiment = flag(values, 'experiment');
      const text = experiment ? experimentJsonSchemaText() : scenarioJsonSchemaText();
      const file = path.join(SCHEMA_DIR, experiment ? 'experiment.schema.json' : 'scenario.schema.json');
      if (flag(values, 'write')) {
        fs.writeFileSync(file, text);
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
        if (!experiment) {
          // The field table of the scenario guide comes from the same schema.
          const guide = path.join(SCHEMA_DIR, '..', 'docs', 'scenarios.md');
          fs.writeFileSync(guide, withFieldTable(fs.readFileSync(guide, 'utf8')));
          console.log(`wrote ${path.relative(process.cwd(), guide)}`);
          // So do the parameter tables of the model description.
          const odd = path.join(SCHEMA_DIR, '..', 'docs', 'ODD.md');
          fs.writeFileSync(odd, withParameterTables(fs.readFileSync(odd, 'utf8')));
          console.log(`wrote ${path.relative(process.cwd(), odd)}`);
        }
      } else process.stdout.write(text);
      return;
    }
    case 'table': {
      const problems: string[] = [];
      if (args.length > 0) problems.push(`table: takes no file, got "${printable(args[0])}"`);
      const seeds = collect(problems, () => wholeArg('seeds', str(values, 'seeds'), 2, 1000)) ?? 3;
      const days = collect(problems, () => numberArg('days', str(values, 'days'), 0.001, MAX_DAYS, 'days')) ?? 365;
      refuse(problems);
      if (!flag(values, 'allow-large'))
        checkBudget('this table', PRESET_IDS.map(loadPreset), days, seeds, 1, { change: 'fewer seeds or days' });
      // One run at a time, in this thread, with a breath between runs so that Ctrl-C is heard.
      const ctl = new AbortController();
      const stopSignals = stopOnSignals(ctl, 'the presets that finished');
      const results: Summary[][] = [];
      try {
        for (const id of PRESET_IDS) {
          const runs: Summary[] = [];
          for (let k = 0; k < seeds && !ctl.signal.aborted; k++) {
            await breathe();
            if (!ctl.signal.aborted)
              runs.push(simulate(loadPreset(id), { seed: k + 1, days, snapshotEveryMinutes: 0, allowLarge: true }).summary);
          }
          if (ctl.signal.aborted) break;
          results.push(runs);
        }
      } finally {
        stopSignals();
      }
      const done = PRESET_IDS.slice(0, results.length);
      if (done.length > 0) console.log(presetTableOf(done, results, days));
      if (stoppedBy(ctl.signal))
        process.stderr.write(
          `stopped after ${done.length} of ${PRESET_IDS.length} presets${done.length ? ' (the table above has those)' : ''}\n`,
        );
      return;
    }
    case 'assumptions': {
      const list = assumptions();
      if (flag(values, 'json')) {
        console.log(
          JSON.stringify(
            list.map(({ id, paths, range, scale, unit, description, reasoning }) => ({
              id,
              paths: paths.map(pathText),
              range,
              scale,
              unit,
              description,
              reasoning,
            })),
            null,
            2,
          ),
        );
        return;
      }
      for (const a of list) {
        const r = `${a.scale ? '× ' : ''}${a.range[0]} – ${a.range[1]}${a.scale || !a.unit ? '' : ` ${a.unit}`}`;
        console.log(`${a.id}\n  ${r}: ${a.description}\n  ${a.reasoning}`);
      }
      console.log(`\n${list.length} assumptions.`);
      return;
    }
    case 'list':
      for (const id of PRESET_IDS) console.log(`${id.padEnd(20)} ${loadPreset(id).name}`);
      return;
    default:
      throw new UsageError(`unknown command "${printable(String(cmd))}" (see --help)`);
  }
});
