/**
 * The model's version. It changes whenever the same scenario and seed would give a
 * different result; CHANGELOG.md says what changed in each. Every run manifest states it.
 */
export const MODEL_VERSION = '3.0.0';
