/**
 * JSON that gives back every number exactly: NaN, ±Infinity and −0 (which JSON cannot
 * write) are written as `{"$num": "NaN"}` and read back as numbers, so that a run stored and
 * read again (the results cache, a shard's journal) gives the same bits as the run itself.
 */

const SPECIAL = '$num';

function encode(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { [SPECIAL]: Object.is(v, -0) ? '-0' : String(v) };
  return v;
}

function decode(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const s = (v as Record<string, unknown>)[SPECIAL];
    if (keys.length === 1 && typeof s === 'string' && (s === 'NaN' || s === 'Infinity' || s === '-Infinity' || s === '-0'))
      return Number(s);
  }
  return v;
}

/** A value as JSON text in which every number reads back bit for bit (see `parseExactJson`). */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, encode);
}

/** Read text written by `exactJson` (plain JSON reads as usual). */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, decode);
}

/**
 * A value parsed as plain JSON, with the numbers `exactJson` wrote as `{"$num": …}` read back
 * as numbers (what `parseExactJson` would have given).
 */
export function reviveExact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveExact) as T;
  if (value !== null && typeof value === 'object') {
    const n = decode('', value);
    if (typeof n === 'number') return n as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveExact(v)])) as T;
  }
  return value;
}
