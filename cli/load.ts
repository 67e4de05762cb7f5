/**
 * Loading scenarios from the command line: a JSON file or a preset id, with errors that
 * name the file, the JSON path and what was expected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS, printable, terminalText } from '../scenarios/guard.ts';
import { readInputFile } from '../workers/host.ts';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import { ScenarioError, validateScenario } from '../scenarios/validate.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { scenarioWarnings } from '../scenarios/warnings.ts';

export class UsageError extends Error {}

/** Errors of other modules that mean "the input is wrong" (exit status 2), by name. */
const USAGE_ERRORS: ReadonlySet<string> = new Set([
  'ExperimentError',
  'MergeError',
  'BudgetError',
  'PathError',
  'OptionError',
  'InputFileError',
  'OutputFileError',
  'AssumptionError',
]);

/** Whether an error means "the input is wrong": reported in one line, exit status 2. */
export function isUsageError(e: unknown): e is Error {
  return (
    e instanceof ScenarioError || e instanceof UsageError || e instanceof RangeError || (e instanceof Error && USAGE_ERRORS.has(e.name))
  );
}

/** Larger than any scenario, experiment or shard output we write for a few thousand runs. */
export const MAX_FILE_BYTES = LIMITS.fileBytes;

/**
 * A path the user typed, resolved from the folder they typed it in: npm runs scripts from
 * the package root, and says where it was started in INIT_CWD.
 */
export function userPath(p: string): string {
  const { INIT_CWD, npm_package_json } = process.env;
  // Only when npm itself moved us to the package root (not in a child started elsewhere).
  const underNpm = INIT_CWD && npm_package_json && path.dirname(npm_package_json) === process.cwd();
  const cwd = underNpm ? INIT_CWD : process.cwd();
  return path.resolve(cwd, p);
}

/**
 * Read a JSON file; a syntax error names the file, line and column. Only a regular file of at
 * most 256 MB is read: a pipe, folder, device or loop of links is refused by name
 * (workers/host.ts), so no input can keep the command waiting.
 */
export function readJsonFile(path: string): unknown {
  return parseJsonText(readInputFile(path), printable(path));
}

/** Print the scenario's warnings (levels named grid or community that are not of that kind) on stderr. */
export function warn(s: Scenario, source: string): void {
  for (const w of scenarioWarnings(s)) process.stderr.write(`warning: ${printable(source)}: ${printable(w)}\n`);
}

/** A scenario from a preset id or a JSON file path. */
export function loadScenarioArg(arg: string): Scenario {
  const isPreset = PRESET_IDS.includes(arg);
  if (!isPreset && !fs.existsSync(userPath(arg)))
    throw new UsageError(`"${printable(arg)}" is neither a scenario file nor a preset (presets: ${PRESET_IDS.join(', ')})`);
  const json = isPreset ? presetJson(arg) : readJsonFile(userPath(arg));
  const r = validateScenario(json);
  if (!r.ok) throw new ScenarioError(r.problems, isPreset ? `preset ${arg}` : printable(arg));
  warn(r.scenario, arg);
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
    if (isUsageError(e)) {
      process.stderr.write(`error: ${terminalText(e.message)}\n`);
      process.exit(2);
    }
    throw e;
  }
}
