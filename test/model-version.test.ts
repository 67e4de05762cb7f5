/**
 * Results change only with a new model version: every preset's result (seed 1, 30 days)
 * matches its fingerprint in test/fingerprints.json, recorded for the current MODEL_VERSION.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../sim/version.ts';
import { BUMP_ADVICE, changedPresets, presetFingerprints, readFingerprints } from './fingerprints.ts';

describe('model version', () => {
  const recorded = readFingerprints();
  const current = presetFingerprints();

  it('the fingerprints were recorded for the current model version', () => {
    if (recorded.modelVersion !== MODEL_VERSION)
      expect.fail(
        `test/fingerprints.json holds the results of model version ${recorded.modelVersion}, but MODEL_VERSION is ${MODEL_VERSION}: ` +
          'add an entry for it to CHANGELOG.md and run `npm run fingerprints` to record its results',
      );
  });

  it("every preset's result matches its fingerprint, unless the model version changed", () => {
    if (recorded.modelVersion !== MODEL_VERSION) return; // the test above says what to do
    const changed = changedPresets(recorded, current);
    if (changed.length > 0)
      expect.fail(`the results of ${changed.join(', ')} changed, but MODEL_VERSION is still ${MODEL_VERSION}. ${BUMP_ADVICE}.`);
    const unrecorded = Object.keys(current).filter((id) => !(id in recorded.fingerprints));
    if (unrecorded.length > 0) expect.fail(`no fingerprint for ${unrecorded.join(', ')}: run \`npm run fingerprints\` to record it`);
    const gone = Object.keys(recorded.fingerprints).filter((id) => !(id in current));
    if (gone.length > 0) expect.fail(`fingerprints for presets that no longer exist (${gone.join(', ')}): run \`npm run fingerprints\``);
  });

  it('a run gives the same fingerprint twice (the summary holds nothing but results)', () => {
    expect(presetFingerprints()).toEqual(current);
  });
});
