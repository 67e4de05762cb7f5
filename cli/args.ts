/**
 * Command-line arguments: node's parseArgs with errors a person can act on (one line, the
 * option named), and strict numbers: a seed is a whole number in range, never "" or 2^53 + 1.
 *
 * Every subcommand declares its flags once (CommandSpec): its --help is written from that
 * list, and parseCommand accepts exactly those flags, so a flag another subcommand takes
 * (`merge --replications 5`) is refused by name like any unknown flag.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LIMITS, printable } from '../scenarios/guard.ts';
import { isUsageError, UsageError } from './load.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, with its errors turned into one-line usage errors. `--seed -1` reads as `--seed=-1`. */
export function parseCli<O extends Options>(options: O, args = process.argv.slice(2), context = '') {
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
    const opt = printable(/'(-[^' <]+)/.exec(err.message)?.[1] ?? '');
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${opt}${context} (see --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(err.message)) throw new UsageError(`option ${opt} takes no value (see --help)`);
      throw new UsageError(`option ${opt} needs a value (see --help)`);
    }
    throw new UsageError(printable(err.message.split('\n')[0]));
  }
}

/** A whole number from min to max, written in decimal digits; undefined if the option is absent. */
export function wholeArg(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${printable(v)}"`);
  return n;
}

/** A finite number from min to max (with its unit in the message); undefined if absent. */
export function numberArg(name: string, v: string | undefined, min: number, max: number, unit: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name}: expected a number of ${unit} from ${min} to ${max}, got "${printable(v)}"`);
  return n;
}

/** The most days a run or an experiment may simulate (100 years). */
export const MAX_DAYS = LIMITS.days;

/** A flag of a subcommand: its kind, the name of its value in the help, and what it does. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help, e.g. N or FILE.json. */
  arg?: string;
  help: string;
}

/** A subcommand: how it is called, what it does, and every flag it takes (--help is added). */
export interface CommandSpec {
  /** e.g. `experiment merge`. */
  name: string;
  usage: string;
  about: string;
  flags: Record<string, FlagSpec>;
  /** Said after the flags. */
  notes?: string;
}

export type FlagValues = Record<string, string | boolean | undefined>;

/** The help of a subcommand, written from its flags: it lists exactly the flags it takes. */
export function helpOf(c: CommandSpec): string {
  const rows = Object.entries(c.flags).map(([name, f]) => [
    `--${name}${f.arg ? ` ${f.arg}` : ''}${f.short ? `, -${f.short}` : ''}`,
    f.help,
  ]);
  rows.push(['--help, -h', 'this help']);
  const w = Math.max(...rows.map(([a]) => a.length));
  const flags = rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b.replace(/\n/g, `\n  ${' '.repeat(w)}  `)}`).join('\n');
  return `usage: ${c.usage}\n\n${c.about}\n\nflags:\n${flags}${c.notes ? `\n\n${c.notes}` : ''}`;
}

/** The options parseArgs takes for a subcommand's flags, with --help. */
export function optionsOf(c: CommandSpec): Options {
  const o: Options = { help: { type: 'boolean', short: 'h' } };
  for (const [name, f] of Object.entries(c.flags)) o[name] = { type: f.type, ...(f.short ? { short: f.short } : {}) };
  return o;
}

/**
 * Which subcommand the arguments name, and its flags and positionals: the first argument
 * that is not a flag (nor a flag's value) names it when it is one of `commands`; otherwise
 * `fallback` runs (undefined: the first positional must name one). Flags are parsed
 * strictly against that subcommand's own list.
 */
export function parseCommand(
  commands: Record<string, CommandSpec>,
  fallback: string | undefined,
  args = process.argv.slice(2),
): { name: string | undefined; spec: CommandSpec | undefined; values: FlagValues; positionals: string[] } {
  const takesValue = new Set(
    Object.values(commands).flatMap((c) =>
      Object.entries(c.flags)
        .filter(([, f]) => f.type === 'string')
        .flatMap(([n, f]) => [`--${n}`, ...(f.short ? [`-${f.short}`] : [])]),
    ),
  );
  let at = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      if (!a.includes('=') && takesValue.has(a)) i++;
      continue;
    }
    at = i;
    break;
  }
  const word = at >= 0 ? args[at] : undefined;
  const named = word !== undefined && Object.hasOwn(commands, word);
  const name = named ? word : fallback;
  const spec = name !== undefined ? commands[name] : undefined;
  if (!spec) {
    // No subcommand: only --help makes sense.
    const { values, positionals } = parseCli({ help: { type: 'boolean', short: 'h' } }, args);
    return { name: undefined, spec: undefined, values, positionals };
  }
  const rest = named ? [...args.slice(0, at), ...args.slice(at + 1)] : args;
  const { values, positionals } = parseCli(optionsOf(spec), rest, ` for ${spec.name}`);
  return { name, spec, values: values as FlagValues, positionals };
}

/** The flags and positionals of a command that has no subcommands, parsed strictly against its spec. */
export function parseSpec(spec: CommandSpec, args = process.argv.slice(2)): { values: FlagValues; positionals: string[] } {
  const { values, positionals } = parseCli(optionsOf(spec), args, ` for ${spec.name}`);
  return { values: values as FlagValues, positionals };
}

/** A string flag's value (undefined when absent). */
export const str = (v: FlagValues, name: string): string | undefined => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
/** Whether a boolean flag was given. */
export const flag = (v: FlagValues, name: string): boolean => v[name] === true;

/** Run fn; a usage problem is collected instead of thrown, so that all are reported at once. */
export function collect<T>(problems: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (isUsageError(e)) {
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
