/**
 * What the machine allows, for the doors that run in Node (the command line and the
 * library): its cores and memory, the files flatgov reads and the files it writes. The
 * rules are scenarios/guard.ts's; this module applies them where they need the machine.
 *
 * Input files are read only when they are regular files of at most 256 MB: a named pipe,
 * a folder, a device (/dev/zero never ends), a socket or a loop of symbolic links is
 * refused by name before anything is read, and the file is opened without blocking and
 * checked again once open, so a pipe put in its place cannot hang the reader. Output paths
 * are checked before any work starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputFileError, LIMITS, OutputFileError, printable, workerCount, type FileKind } from '../scenarios/guard.ts';
import { DEFAULT_BUDGET, type Budget } from '../sim/compute-budget.ts';
import { availableCores } from './node-pool.ts';

/** The compute budget of runs on this machine: the default, or less where memory is short. */
export function budgetOfMachine(): Budget {
  return { ...DEFAULT_BUDGET, bytes: Math.min(DEFAULT_BUDGET.bytes, 0.6 * os.totalmem()) };
}

/** Worker threads to start for `asked` (default: cores less one), at most the cores of this machine. */
export function workersOnThisMachine(asked: unknown, opts: { allowZero?: boolean; option?: string } = {}) {
  return workerCount(asked ?? Math.max(1, availableCores() - 1), availableCores(), opts);
}

/** What a stat says a path is, in words, when it is not a regular file. */
function kindOf(st: fs.Stats): { kind: FileKind; words: string } | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return { kind: 'folder', words: 'it is a folder' };
  if (st.isFIFO())
    return { kind: 'pipe', words: 'it is a named pipe (flatgov reads regular files only: a pipe can keep a reader waiting forever)' };
  if (st.isSocket()) return { kind: 'socket', words: 'it is a socket (flatgov reads regular files only)' };
  if (st.isCharacterDevice() || st.isBlockDevice())
    return { kind: 'device', words: 'it is a device (flatgov reads regular files only: a device such as /dev/zero never ends)' };
  return { kind: 'unreadable', words: 'it is not a regular file' };
}

function statError(file: string, e: unknown): InputFileError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputFileError(file, 'missing', 'no such file');
  if (code === 'ELOOP') return new InputFileError(file, 'link loop', 'its symbolic links form a loop');
  if (code === 'EACCES' || code === 'EPERM') return new InputFileError(file, 'unreadable', 'permission denied');
  if (code === 'EISDIR') return new InputFileError(file, 'folder', 'it is a folder');
  if (code === 'ENAMETOOLONG') return new InputFileError(file, 'missing', 'the name is too long');
  return new InputFileError(file, 'unreadable', (e as Error).message);
}

/**
 * The text of an input file, read as UTF-8; throws an InputFileError naming the file and
 * what it is when it is not a regular file of at most `maxBytes`.
 */
export function readInputFile(file: string, maxBytes: number = LIMITS.fileBytes): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw statError(file, e);
  }
  const bad = kindOf(st);
  if (bad) throw new InputFileError(file, bad.kind, bad.words);
  const tooLarge = () =>
    new InputFileError(file, 'too large', `larger than ${Math.round(maxBytes / 2 ** 20)} MB, which no flatgov input is`);
  if (st.size > maxBytes) throw tooLarge();
  let fd: number;
  try {
    // Non-blocking: were the file swapped for a pipe since the stat, opening it does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw statError(file, e);
  }
  try {
    const again = fs.fstatSync(fd);
    const now = kindOf(again);
    if (now) throw new InputFileError(file, now.kind, now.words);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge();
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Check, before any work, that `file` can be written as the output of `option` (e.g.
 * `--out`): its folder exists and is writable, and it is not a folder, a pipe or a device.
 * `extensions` (lower case, with the dot) are the endings the option takes. Returns the
 * absolute path; throws an OutputFileError naming the option and what is wrong.
 */
export function checkOutputFile(file: string, option: string, extensions?: readonly string[]): string {
  const shown = printable(file);
  if (file === '') throw new OutputFileError(file, `${option}: expected a file name, got ""`);
  const abs = path.resolve(file);
  if (extensions && !extensions.includes(path.extname(file).toLowerCase()))
    throw new OutputFileError(file, `${option}: expected a file ending in ${extensions.join(' or ')}, got "${shown}"`);
  const dir = path.dirname(abs);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new OutputFileError(file, `${option}: the folder ${printable(dir)} does not exist`);
  }
  if (!st.isDirectory()) throw new OutputFileError(file, `${option}: ${printable(dir)} is not a folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new OutputFileError(file, `${option}: cannot write in ${printable(dir)} (permission denied)`);
  }
  let target: fs.Stats | undefined;
  try {
    target = fs.statSync(abs);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) throw new OutputFileError(file, `${option}: ${shown} is a folder`);
  if (target && !target.isFile())
    throw new OutputFileError(file, `${option}: ${shown} is ${target.isFIFO() ? 'a named pipe' : 'not a regular file'}; write to a file`);
  return abs;
}

/**
 * Move a file out of the way, keeping it: `file` becomes `file.1` (or the first free
 * number). Returns the new name, or undefined when there was no file.
 */
export function moveAside(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  for (let k = 1; ; k++) {
    const to = `${file}.${k}`;
    if (!fs.existsSync(to)) {
      fs.renameSync(file, to);
      return to;
    }
  }
}
