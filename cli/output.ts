/**
 * Output files of long runs: checked before the first replication, written atomically (a
 * temporary file in the same folder, then renamed), and journalled as replications finish,
 * so that a run stopped by a signal, or killed outright, loses nothing that finished.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './load.ts';

export type OutFormat = 'csv' | 'json';

/** The format of an --out file, after checking that it can be written; throws a UsageError otherwise. */
export function checkOut(file: string, opts: { shard?: boolean } = {}): OutFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new UsageError(`--out: expected a file ending in .csv or .json, got "${file}"`);
  if (opts.shard && ext !== '.json') throw new UsageError('--shard: write the slice as JSON (--out slice.json) so that merge can combine it');
  const dir = path.dirname(path.resolve(file));
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`--out: the folder ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`--out: ${dir} is not a folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`--out: cannot write in ${dir} (permission denied)`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(`--out: ${file} is a folder`);
  return ext === '.csv' ? 'csv' : 'json';
}

/** Write text to file atomically: readers see the old file or the whole new one, never half. */
export function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`--out: cannot write ${file}: ${(e as Error).message}`);
  }
}

/**
 * A journal next to the output (`results.json.partial`): one JSON line per finished
 * replication, appended as it finishes. Removed once the output is written.
 */
export class Journal {
  readonly file: string;
  private fd: number;

  constructor(out: string, header: unknown) {
    this.file = `${out}.partial`;
    this.fd = fs.openSync(this.file, 'w');
    this.append(header);
  }

  append(record: unknown): void {
    fs.writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  /** Close and delete it (the output now holds everything). */
  discard(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.file, { force: true });
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
