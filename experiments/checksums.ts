/**
 * The checksums a shard carries, written with it: SHA-256 of the canonical JSON (keys
 * sorted; NaN and ±Infinity as null, as JSON writes them) of its manifest and of each list
 * of its results. A merge recomputes them before it reads anything else, so that a file
 * edited or damaged after it was written is refused rather than merged.
 */
import { sha256 } from './identity.ts';

/** An experiment shard's checksums (`series` only when it has a time series). */
export interface ShardChecksums {
  manifest: string;
  rows: string;
  series?: string;
  failures: string;
}

/** A sensitivity analysis part's checksums: its manifest (every field but its runs) and its runs. */
export interface PartChecksums {
  manifest: string;
  runs: string;
  screening?: string;
}

/** The checksums of an experiment shard's manifest, rows, series and failures. */
export async function shardChecksums(o: {
  manifest: unknown;
  rows: unknown;
  series?: unknown;
  failures: unknown;
}): Promise<ShardChecksums> {
  return {
    manifest: await sha256(o.manifest),
    rows: await sha256(o.rows),
    ...(o.series !== undefined ? { series: await sha256(o.series) } : {}),
    failures: await sha256(o.failures),
  };
}

/** The fields of a sensitivity part its manifest checksum covers: all but its runs and checksums. */
export function partManifest<T extends { runs: unknown; screening?: unknown; checksums?: unknown }>(
  p: T,
): Omit<T, 'runs' | 'screening' | 'checksums'> {
  const { runs: _runs, screening: _screening, checksums: _checksums, ...rest } = p;
  return rest;
}

/** The checksums of a sensitivity part: its manifest, its runs and the screening it follows. */
export async function partChecksums(p: { runs: unknown; screening?: unknown }): Promise<PartChecksums> {
  return {
    manifest: await sha256(partManifest(p)),
    runs: await sha256(p.runs),
    ...(p.screening !== undefined ? { screening: await sha256(p.screening) } : {}),
  };
}

/** Whether a value is a SHA-256 checksum as written: 64 lower-case hex digits. */
export const isChecksum = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
