/**
 * The Vite plugin behind `virtual:scenario-data`: the app's plain-data view of the scenario
 * schema and the presets (scenarios/appData.ts), computed from the schema at build time, so
 * the first screen carries no validator. The schema and the presets are dependencies of the
 * Vite config through this file, so the dev server restarts when one of them changes.
 */
import type { Plugin } from 'vite';
import { appScenarioData } from '../scenarios/appData.ts';

const ID = 'virtual:scenario-data';
const RESOLVED = `\0${ID}`;

export function scenarioData(): Plugin {
  return {
    name: 'flatgov-scenario-data',
    resolveId: { filter: { id: new RegExp(`^${ID}$`) }, handler: () => RESOLVED },
    load: {
      filter: { id: new RegExp(`^\0${ID}$`) },
      handler() {
        // JSON.parse of a string literal is quicker to start than the same object literal.
        return Object.entries(appScenarioData())
          .map(([k, v]) => `export const ${k} = JSON.parse(${JSON.stringify(JSON.stringify(v))});`)
          .join('\n');
      },
    },
  };
}
