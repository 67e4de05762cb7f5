/**
 * Command-line arguments: node's parseArgs with errors a person can act on (one line, the
 * option named), and strict numbers: a seed is a whole number in range, never "" or 2^53 + 1.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ScenarioError } from '../scenarios/validate.ts';
import { UsageError } from './load.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, with its errors turned into one-line usage errors. `--seed -1` reads as `--seed=-1`. */
export function parseCli<O extends Options>(options: O, args = process.argv.slice(2)) {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    // A negative number after an option that takes a value is that value, not an option.
    if (name && options[name]?.type === 'string' && i + 1 < args.length && /^-[\d.]/.test(args[i + 1])) {
      joined.push(`${a}=${args[++i]}`);
    } else joined.push(a);
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'(-[^' <]+)/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${opt} (see --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(err.message)) throw new UsageError(`option ${opt} takes no value (see --help)`);
      throw new UsageError(`option ${opt} needs a value (see --help)`);
    }
    throw new UsageError(err.message.split('\n')[0]);
  }
}

/** A whole number from min to max, written in decimal digits; undefined if the option is absent. */
export function wholeArg(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${v}"`);
  return n;
}

/** A finite number from min to max (with its unit in the message); undefined if absent. */
export function numberArg(name: string, v: string | undefined, min: number, max: number, unit: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name}: expected a number of ${unit} from ${min} to ${max}, got "${v}"`);
  return n;
}

/** The most days a run or an experiment may simulate (100 years). */
export const MAX_DAYS = 36_500;

/** Run fn; a usage problem is collected instead of thrown, so that all are reported at once. */
export function collect<T>(problems: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError || e instanceof RangeError || e instanceof ScenarioError) {
      problems.push(e.message);
      return undefined;
    }
    throw e;
  }
}

export function refuse(problems: string[]): void {
  if (problems.length === 1) throw new UsageError(problems[0]);
  if (problems.length > 1) throw new UsageError(`${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
