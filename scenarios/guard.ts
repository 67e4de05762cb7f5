/**
 * The guard every door shares: the limits of what flatgov takes, the typed errors it
 * refuses with, and the checks of numbers, seeds, worker counts and printed names. The
 * command line, the library's entry points, the share-link decoder and merge all use
 * these, so that an input refused at one door is refused at every other, with the same
 * words. Pure (no DOM, no Node): workers/host.ts adds what needs the machine (cores,
 * memory, files), scenarios/param-path.ts the rules for parameter paths, and
 * sim/compute-budget.ts the estimates budgets are checked against.
 */

/** The limits every door applies. */
export const LIMITS = {
  /** The most days a run or an experiment may simulate (100 years). */
  days: 36_500,
  /** The most replications of an experiment. */
  replications: 10_000,
  /** The largest file flatgov reads: larger than any scenario, experiment or shard output of a few thousand runs. */
  fileBytes: 256 * 2 ** 20,
  /** The shortest snapshot interval, minutes (the engine's clock counts minutes). */
  snapshotMinutes: 1,
  /** The most snapshots one run may keep (a century of daily snapshots is 36,500). */
  snapshots: 100_000,
  /** The longest seed given as text. */
  seedLength: 200,
} as const;

/**
 * An option out of its range: a number of days, a seed, a worker count, a snapshot
 * interval, a time to advance to. A RangeError, so that code catching those catches it.
 */
export class OptionError extends RangeError {
  /** The option, e.g. `days` or `advanceTo`. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = 'OptionError';
    this.option = option;
  }
}

/** A run or an experiment past its compute budget (memory, events): the message says by how much and what to change. */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** What kind of file system entry a path names, when it is not a regular file flatgov can read. */
export type FileKind = 'missing' | 'folder' | 'pipe' | 'socket' | 'device' | 'link loop' | 'unreadable' | 'too large' | 'regular';

/** An input file that cannot be read: missing, a folder, a named pipe, a device, a loop of links, or too large. */
export class InputFileError extends Error {
  readonly file: string;
  readonly kind: FileKind;
  constructor(file: string, kind: FileKind, detail: string) {
    super(`cannot read ${printable(file)}: ${detail}`);
    this.name = 'InputFileError';
    this.file = file;
    this.kind = kind;
  }
}

/** An output path that cannot be written (checked before any work starts). */
export class OutputFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'OutputFileError';
    this.file = file;
  }
}

/** How a value looks in a message: short, on one line, never "[object Object]". */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return printable(JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v));
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return 'a symbol';
  return String(v);
}

/**
 * A finite number within [min, max] (max inclusive; min inclusive unless `above`), whole
 * if `integer`; throws an OptionError naming the option, the range with its unit, and what
 * was given.
 */
export function checkNumber(
  option: string,
  v: unknown,
  range: { min: number; max: number; unit?: string; integer?: boolean; above?: boolean },
): number {
  const unit = range.unit ? ` ${range.unit}` : '';
  const kind = range.integer ? 'a whole number' : 'a number';
  const lo = range.above ? `above ${range.min}` : `from ${range.min}`;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (range.above ? v > range.min : v >= range.min) &&
    v <= range.max &&
    (!range.integer || Number.isInteger(v));
  if (!ok) throw new OptionError(option, `expected ${kind}${unit ? ` of${unit}` : ''} ${lo} to ${range.max}, got ${describeValue(v)}`);
  return v as number;
}

/**
 * A seed: a whole number (safe integer) or a short non-empty text. A run without a seed,
 * with NaN or with an object (which would read as "[object Object]", the same for every
 * object) is refused.
 */
export function checkSeed(option: string, v: unknown): number | string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && v.length > 0 && v.length <= LIMITS.seedLength) return v;
  throw new OptionError(
    option,
    `expected a whole number (or a text of 1 to ${LIMITS.seedLength} characters), got ${v === undefined ? 'no seed' : describeValue(v)}`,
  );
}

/**
 * How many workers to start: the number asked for (a whole number ≥ 1, or ≥ 0 where 0
 * means the calling thread), at most `cores`. `capped` says when fewer than asked.
 */
export function workerCount(
  asked: unknown,
  cores: number,
  opts: { allowZero?: boolean; option?: string } = {},
): { count: number; capped: boolean } {
  const min = opts.allowZero ? 0 : 1;
  const n = checkNumber(opts.option ?? 'workers', asked, { min, max: 1024, integer: true });
  const most = Math.max(1, Math.floor(cores));
  return n > most ? { count: most, capped: true } : { count: n, capped: false };
}

/** Control characters (C0, DEL, C1), and the format characters that reorder or hide text (bidi controls, zero widths). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * A user-supplied name or label as it may be printed: every control character (newline
 * and escape included) and every character that reorders text shown as an escape, `\x1b`,
 * `\n`, `\u202e`, so that a name can neither drive the terminal nor fake a line.
 */
export function printable(s: string): string {
  return String(s).replace(CONTROL, escapeChar);
}

/** Text for a terminal: like printable, but the text's own line breaks kept. */
export function terminalText(s: string): string {
  return String(s).replace(CONTROL_BUT_NEWLINE, escapeChar);
}
