/**
 * Loading scenarios from the command line: a JSON file or a preset id, with errors that
 * name the file, the JSON path and what was expected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRESET_IDS, presetJson } from '../scenarios/presets.ts';
import { parseJsonText } from '../scenarios/json.ts';
import { ScenarioError, validateScenario } from '../scenarios/validate.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { scenarioWarnings } from '../scenarios/warnings.ts';

export class UsageError extends Error {}

/** Errors of other modules that mean "the input is wrong" (exit status 2), by name. */
const USAGE_ERRORS = new Set(['ExperimentError', 'MergeError', 'BudgetError', 'PathError']);

/** Larger than any scenario, experiment or shard output we write for a few thousand runs. */
export const MAX_FILE_BYTES = 256 * 2 ** 20;

/** Read at most MAX_FILE_BYTES of a file (a device such as /dev/zero never ends). */
function readBounded(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    if (fs.fstatSync(fd).isDirectory()) throw new Error('it is a folder');
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 2 ** 20} MB, which no flatgov input is`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

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

/** Read a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readBounded(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.code === 'EISDIR'
            ? 'it is a folder'
            : err.message;
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
  return parseJsonText(text, path);
}

/** Print the scenario's warnings (levels named grid or community that are not of that kind) on stderr. */
export function warn(s: Scenario, source: string): void {
  for (const w of scenarioWarnings(s)) process.stderr.write(`warning: ${source}: ${w}\n`);
}

/** A scenario from a preset id or a JSON file path. */
export function loadScenarioArg(arg: string): Scenario {
  const isPreset = PRESET_IDS.includes(arg);
  if (!isPreset && !fs.existsSync(userPath(arg)))
    throw new UsageError(`"${arg}" is neither a scenario file nor a preset (presets: ${PRESET_IDS.join(', ')})`);
  const json = isPreset ? presetJson(arg) : readJsonFile(userPath(arg));
  const r = validateScenario(json);
  if (!r.ok) throw new ScenarioError(r.problems, isPreset ? `preset ${arg}` : arg);
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
    if (
      e instanceof ScenarioError ||
      e instanceof UsageError ||
      e instanceof RangeError ||
      (e instanceof Error && USAGE_ERRORS.has(e.name))
    ) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
