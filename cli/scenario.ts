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
import { loadScenarioArg, runMain, UsageError } from './load.ts';
import { presetTable } from '../render/preset-table.ts';
import { parseCli } from './args.ts';
import { assumptions, pathText } from '../scenarios/assumptions.ts';

const HELP = `usage: flatgov scenario <command>   (in a checkout: npm run scenario -- <command>)
  validate <file.json>...   check scenario files; every problem with its path (exit 2 if any)
  diff <a> <b>              every parameter that differs between two scenarios (files or presets), with units
  schema [--experiment] [--write]
                            print the JSON Schema of scenarios (or of experiment files); --write
                            updates scenarios/scenario.schema.json, the field table of
                            docs/scenarios.md and the parameter tables of docs/ODD.md
                            (or scenarios/experiment.schema.json)
  list                      the presets
  assumptions [--json]      every assumption (a parameter no source gives): its id, plausible
                            range (× for a multiplier on each place's own value) and reasoning
  table [--seeds N] [--days D]   the presets side by side (Markdown), mean ± 95% half-width over N seeds`;

const SCHEMA_DIR = path.join(import.meta.dirname, '..', 'scenarios');

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

await runMain(() => {
  const { values, positionals } = parseCli({
    write: { type: 'boolean', default: false },
    experiment: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '3' },
    days: { type: 'string', default: '365' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const [cmd, ...args] = positionals;
  if (values.help || !cmd) {
    console.log(HELP);
    return;
  }
  switch (cmd) {
    case 'validate': {
      if (args.length === 0) throw new UsageError('validate: expected at least one scenario file');
      let bad = 0;
      for (const f of args) {
        try {
          loadScenarioArg(f);
          console.log(`${f}: valid`);
        } catch (e) {
          bad++;
          process.stderr.write(`${(e as Error).message}\n`);
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
      for (const x of d) console.log(`  ${x.path.padEnd(w)}  ${show(x.a)} → ${show(x.b)}${x.unit ? ` ${x.unit}` : ''}`);
      return;
    }
    case 'schema': {
      const text = values.experiment ? experimentJsonSchemaText() : scenarioJsonSchemaText();
      const file = path.join(SCHEMA_DIR, values.experiment ? 'experiment.schema.json' : 'scenario.schema.json');
      if (values.write) {
        fs.writeFileSync(file, text);
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
        if (!values.experiment) {
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
      const seeds = Number(values.seeds);
      const days = Number(values.days);
      if (!Number.isInteger(seeds) || seeds < 2) throw new UsageError(`--seeds: expected an integer ≥ 2, got "${values.seeds}"`);
      if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
      console.log(presetTable(PRESET_IDS, seeds, days));
      return;
    }
    case 'assumptions': {
      const list = assumptions();
      if (values.json) {
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
      throw new UsageError(`unknown command "${cmd}" (see --help)`);
  }
});
