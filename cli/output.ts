/**
 * Output files of long runs: checked before the first replication, written atomically (a
 * temporary file in the same folder, then renamed), and journalled as replications finish,
 * so that a run stopped by a signal, or killed outright, loses nothing that finished.
 * A CSV target comes with its manifest beside it (results.csv, results.manifest.json and,
 * with a time series, results.series.csv); `-` is standard output, for a pipe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { manifestJson, seriesToCsv, toCsv, toJson } from '../experiments/formats.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';
import { printable } from '../scenarios/guard.ts';
import { checkOutputFile, moveAside } from '../workers/host.ts';
import { UsageError } from './load.ts';

export type OutFormat = 'csv' | 'json';

/** The format of an --out file, after checking that it can be written; throws a UsageError otherwise. */
export function checkOut(file: string, opts: { shard?: boolean; format?: string } = {}): OutFormat {
  if (opts.format !== undefined && opts.format !== 'csv' && opts.format !== 'json')
    throw new UsageError(`--format: expected csv or json, got "${printable(opts.format)}"`);
  if (file === '-') {
    const f = (opts.format ?? 'csv') as OutFormat;
    if (opts.shard && f !== 'json')
      throw new UsageError('--shard: write the slice as JSON (--out slice.json, or --out - --format json) so that merge can combine it');
    return f;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new UsageError(`--out: expected a file ending in .csv or .json, got "${printable(file)}"`);
  // The file's ending says its format; --format only chooses for standard output.
  if (opts.format !== undefined && `.${opts.format}` !== ext)
    throw new UsageError(`--format ${opts.format}: the --out file ends in ${ext}; name it .${opts.format}, or leave --format out`);
  if (opts.shard && ext !== '.json')
    throw new UsageError('--shard: write the slice as JSON (--out slice.json) so that merge can combine it');
  checkOutputFile(file, '--out');
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
 * replication, appended as it finishes. Removed once the output is written. A journal an
 * earlier run left (killed before it could write its output) is never truncated: it is moved
 * aside first (`results.json.partial.1`), and `kept` names where.
 */
export class Journal {
  readonly file: string;
  /** Where an earlier run's journal was moved, if there was one. */
  readonly kept: string | undefined;
  private fd: number;

  constructor(out: string, header: unknown) {
    this.file = `${out}.partial`;
    this.kept = moveAside(this.file);
    this.fd = fs.openSync(this.file, 'wx');
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

/** The files a CSV target writes: the table, its manifest and, with a series, the series table. */
export function csvFiles(target: string): { table: string; manifest: string; series: string } {
  const stem = target.replace(/\.csv$/i, '');
  return { table: target, manifest: `${stem}.manifest.json`, series: `${stem}.series.csv` };
}

/**
 * Write results; returns the files written (none for standard output). On standard output
 * CSV is the time series when there is one, else the end-of-run table; JSON is everything.
 */
export function writeResults(target: string, out: ExperimentOutput, format: OutFormat): string[] {
  if (target === '-') {
    process.stdout.write(format === 'json' ? toJson(out) : out.series ? seriesToCsv(out) : toCsv(out));
    return [];
  }
  if (format === 'json') {
    writeAtomic(target, toJson(out));
    return [target];
  }
  const f = csvFiles(target);
  writeAtomic(f.table, toCsv(out));
  if (out.series) writeAtomic(f.series, seriesToCsv(out));
  writeAtomic(f.manifest, manifestJson(out));
  return out.series ? [f.table, f.series, f.manifest] : [f.table, f.manifest];
}
