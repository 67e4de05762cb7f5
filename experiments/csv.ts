/**
 * CSV as every reader expects it (RFC 4180 quoting, by d3-dsv): a header row, then one row
 * per record; numbers that are not finite (NaN, ±Infinity) become empty cells, and a text
 * cell that a spreadsheet would run as a formula is prefixed with a quote.
 */
import { csvFormatRows, csvFormatValue } from 'd3-dsv';

export type Cell = string | number | boolean | null | undefined;

function text(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v ?? '');
  // =, +, -, @, tab or return first: a formula to a spreadsheet (CSV injection).
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV cell, quoted when needed. */
export function csvCell(v: unknown): string {
  return csvFormatValue(text(v));
}

export function csvText(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const out: string[][] = [[...header]];
  for (const r of rows) out.push(r.map(text));
  return `${csvFormatRows(out)}\n`;
}
