/**
 * Fingerprints of the model's results: every preset in scenarios/presets/ run for
 * FINGERPRINT_DAYS days with seed 1, its summary hashed (SHA-256 of its JSON). They change
 * exactly when the model's results change, which must come with a new MODEL_VERSION.
 *
 * `npm run fingerprints` rewrites test/fingerprints.json for the current model version; it
 * refuses when a preset's result changed and MODEL_VERSION did not.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simulate } from '../sim/simulate.ts';
import { MODEL_VERSION } from '../sim/version.ts';

export const FINGERPRINT_DAYS = 30;
export const FINGERPRINT_SEED = 1;
export const PRESETS_DIR = path.resolve(import.meta.dirname, '..', 'scenarios', 'presets');
export const FINGERPRINTS_FILE = path.resolve(import.meta.dirname, 'fingerprints.json');

export interface Fingerprints {
  modelVersion: string;
  fingerprints: Record<string, string>;
}

/** The fingerprint of every preset file, by file name without `.json`, in name order. */
export function presetFingerprints(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs
    .readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const scenario = JSON.parse(fs.readFileSync(path.join(PRESETS_DIR, f), 'utf8'));
    const { summary } = simulate(scenario, { seed: FINGERPRINT_SEED, days: FINGERPRINT_DAYS });
    out[f.replace(/\.json$/, '')] = createHash('sha256').update(JSON.stringify(summary)).digest('hex');
  }
  return out;
}

export function readFingerprints(file = FINGERPRINTS_FILE): Fingerprints {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Presets whose result differs from the recorded one (presets new to the file are not listed). */
export function changedPresets(recorded: Fingerprints, current: Record<string, string>): string[] {
  return Object.keys(current).filter((id) => id in recorded.fingerprints && recorded.fingerprints[id] !== current[id]);
}

export const BUMP_ADVICE =
  'If the change is intended, bump MODEL_VERSION in sim/version.ts, add an entry for it to CHANGELOG.md, ' +
  'and run `npm run fingerprints` to record the new results';

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const current = presetFingerprints();
  const recorded = fs.existsSync(FINGERPRINTS_FILE) ? readFingerprints() : undefined;
  const changed = recorded && recorded.modelVersion === MODEL_VERSION ? changedPresets(recorded, current) : [];
  if (changed.length > 0) {
    console.error(`the results of ${changed.join(', ')} changed, but MODEL_VERSION is still ${MODEL_VERSION}. ${BUMP_ADVICE}.`);
    process.exit(1);
  }
  const data: Fingerprints = { modelVersion: MODEL_VERSION, fingerprints: current };
  fs.writeFileSync(FINGERPRINTS_FILE, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${path.relative(process.cwd(), FINGERPRINTS_FILE)}: ${Object.keys(current).length} presets, model version ${MODEL_VERSION}`);
}
