/**
 * What a manifest names a run by: the program's version and the SHA-256 of each scenario.
 * Small on purpose, so the app's first screen can write a manifest without loading the
 * experiment machinery.
 */

/** The package's version (package.json, deno.json and CITATION.cff say the same; a test checks). */
export const FLATGOV_VERSION = '0.3.0';

/** SHA-256 of a value's canonical JSON (keys sorted), as hex. */
export async function sha256(value: unknown): Promise<string> {
  const canonical = JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
  const bytes = new TextEncoder().encode(canonical);
  // Web Crypto exists only in secure contexts: an app embedded in a page served over plain http has none.
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : (await import('./sha256.ts')).sha256Bytes(bytes);
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
