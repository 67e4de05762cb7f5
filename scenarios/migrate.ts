/**
 * Scenarios written for an earlier schema version, brought up to the current one with a note
 * of every change, so that a saved file or an old link keeps what it can.
 *
 * Version 1 → 2 (model 3.0): a worker's knowledge is linear in training and held by people
 * (mechanisms.knowledgePerTraining, seniorFactor) instead of a logarithm of an office's pooled
 * expertise (knowledgePerLog, expertiseScale); trust moves towards what each contact gave
 * (residents.trustLearningRate) instead of by fixed steps (trustUp, trustDown, trustBounced).
 * The removed fields are dropped; the new ones take their defaults.
 */

/** Fields version 2 no longer has, by block. */
const REMOVED_IN_2: Record<string, string[]> = {
  mechanisms: ['knowledgePerLog', 'expertiseScale'],
  residents: ['trustUp', 'trustDown', 'trustBounced'],
};

export interface Migration {
  /** The scenario at the current version (a copy; the input is not changed). */
  scenario: Record<string, unknown>;
  /** What changed, one line each (empty if the input was current). */
  notes: string[];
}

/** Bring a version-1 scenario object to version 2; other inputs are returned as they are. */
export function migrateScenario(input: Record<string, unknown>): Migration {
  if (input.schemaVersion !== 1) return { scenario: input, notes: [] };
  const out = structuredClone(input);
  const notes: string[] = [];
  for (const [block, fields] of Object.entries(REMOVED_IN_2)) {
    const b = out[block];
    if (typeof b !== 'object' || b === null || Array.isArray(b)) continue;
    for (const f of fields)
      if (Object.hasOwn(b, f)) {
        delete (b as Record<string, unknown>)[f];
        notes.push(`${block}.${f}: removed in schema version 2 (model 3.0); see CHANGELOG.md`);
      }
  }
  out.schemaVersion = 2;
  notes.push('schemaVersion: 1 read as 2 (fields removed above; new fields take their defaults)');
  return { scenario: out, notes };
}
