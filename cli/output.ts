/**
 * Output files of long runs: checked before the first replication, written atomically (a
 * temporary file in the same folder, then renamed), and journalled as replications finish,
 * so that a run stopped by a signal, or killed outright, loses nothing that finished, and
 * the same command run again resumes from the journal, skipping the runs it holds.
 * A CSV target comes with its manifest beside it (results.csv, results.manifest.json,
 * results.summary.csv, results.differences.csv and, with a time series,
 * results.series.csv); `-` is standard output, for a pipe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { differencesToCsv, manifestJson, seriesToCsv, summaryToCsv, toCsv, toJson } from '../experiments/formats.ts';
import { exactJson, parseExactJson } from '../experiments/exact-json.ts';
import type { JobResult } from '../experiments/jobs.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';
import { UsageError } from './load.ts';

/**
 * The date a manifest states: now, or SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when it is set, so that two runs can give the same bytes.
 */
export function manifestDate(env: NodeJS.ProcessEnv = process.env): Date {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return new Date();
  if (!/^\d+$/.test(v.trim())) throw new UsageError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, got "${v}"`);
  return new Date(Number(v.trim()) * 1000);
}

export type OutFormat = 'csv' | 'json';

/** The format of an --out file, after checking that it can be written; throws a UsageError otherwise. */
export function checkOut(file: string, opts: { shard?: boolean; format?: string } = {}): OutFormat {
  if (opts.format !== undefined && opts.format !== 'csv' && opts.format !== 'json')
    throw new UsageError(`--format: expected csv or json, got "${opts.format}"`);
  if (file === '-') {
    const f = (opts.format ?? 'csv') as OutFormat;
    if (opts.shard && f !== 'json')
      throw new UsageError('--shard: write the slice as JSON (--out slice.json, or --out - --format json) so that merge can combine it');
    return f;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new UsageError(`--out: expected a file ending in .csv or .json, got "${file}"`);
  if (opts.shard && ext !== '.json')
    throw new UsageError('--shard: write the slice as JSON (--out slice.json) so that merge can combine it');
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

/** What a journal's first line says: which runs it holds, so that only the same command resumes from it. */
export interface JournalHeader {
  flatgov: 'journal';
  /** What the runs are of: the experiment's name, or the analysis. */
  experiment: string;
  /** SHA-256 of everything that decides the runs (the experiment, its scenarios, the model version). */
  id: string;
  shard?: { index: number; count: number };
}

/**
 * A journal next to the output (`results.json.partial`): one JSON line per finished run,
 * appended as it finishes, numbers written exactly. Removed once the output is written.
 * Opened where a journal of the same runs exists (a run stopped or killed), it keeps the
 * runs that one holds (`done`), so they are not run again; a journal of other runs is
 * refused, never overwritten.
 */
export class Journal {
  readonly file: string;
  /** Runs a journal of an earlier, stopped run already held. */
  readonly done: JobResult[] = [];
  private fd: number;

  constructor(out: string, header: JournalHeader) {
    this.file = `${out}.partial`;
    if (fs.existsSync(this.file)) {
      const lines = fs.readFileSync(this.file, 'utf8').split('\n');
      let old: Partial<JournalHeader> | undefined;
      try {
        old = JSON.parse(lines[0]) as Partial<JournalHeader>;
      } catch {
        old = undefined;
      }
      const same =
        old?.flatgov === 'journal' && old.id === header.id && JSON.stringify(old.shard ?? null) === JSON.stringify(header.shard ?? null);
      if (!same)
        throw new UsageError(
          `${this.file} holds the runs of ${old?.experiment ? `"${old.experiment}"` : 'something else'}${old?.shard ? ` (shard ${old.shard.index}/${old.shard.count})` : ''}, not of this ${header.shard ? `shard ${header.shard.index}/${header.shard.count} of ` : ''}"${header.experiment}": remove it, or write to another --out`,
        );
      // The last line of a run killed while writing it may be cut short: keep the whole ones.
      for (const line of lines.slice(1)) {
        if (line.trim() === '') continue;
        try {
          const r = parseExactJson(line) as JobResult;
          if (Number.isInteger(r?.index) && Array.isArray(r.values)) this.done.push(r);
        } catch {
          break;
        }
      }
      writeAtomic(this.file, [JSON.stringify(header), ...this.done.map((r) => exactJson(r))].join('\n') + '\n');
      this.fd = fs.openSync(this.file, 'a');
    } else {
      this.fd = fs.openSync(this.file, 'w');
      this.append(header);
    }
  }

  append(record: unknown): void {
    fs.writeSync(this.fd, `${exactJson(record)}\n`);
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

/** The files a CSV target writes: the table, its manifest, the summary, the differences and, with a series, the series table. */
export function csvFiles(target: string): { table: string; manifest: string; series: string; summary: string; differences: string } {
  const stem = target.replace(/\.csv$/i, '');
  return {
    table: target,
    manifest: `${stem}.manifest.json`,
    series: `${stem}.series.csv`,
    summary: `${stem}.summary.csv`,
    differences: `${stem}.differences.csv`,
  };
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
  writeAtomic(f.summary, summaryToCsv(out));
  writeAtomic(f.differences, differencesToCsv(out));
  writeAtomic(f.manifest, manifestJson(out));
  return [f.table, ...(out.series ? [f.series] : []), f.summary, f.differences, f.manifest];
}
