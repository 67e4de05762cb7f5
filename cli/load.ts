/**
 * Loading scenarios from the command line: a JSON file or a preset id, with errors that
 * name the file, the JSON path and what was expected.
 */
import fs from 'node:fs';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import { ScenarioError, validateScenario } from '../scenarios/validate.ts';
import type { Scenario } from '../scenarios/schema.ts';

export class UsageError extends Error {}

/** Read a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return parseJsonText(text, path);
}

/** A scenario from a preset id or a JSON file path. */
export function loadScenarioArg(arg: string): Scenario {
  const isPreset = PRESET_IDS.includes(arg);
  if (!isPreset && !fs.existsSync(arg))
    throw new UsageError(`"${arg}" is neither a scenario file nor a preset (presets: ${PRESET_IDS.join(', ')})`);
  const json = isPreset ? presetJson(arg) : readJsonFile(arg);
  const r = validateScenario(json);
  if (!r.ok) throw new ScenarioError(r.problems, isPreset ? `preset ${arg}` : arg);
  return r.scenario;
}

/** Run a CLI main function: usage and scenario errors exit with status 2, others with 1. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  // A reader that stops early (| head) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    await main();
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof UsageError || e instanceof RangeError || (e instanceof Error && e.name === 'ExperimentError')) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
