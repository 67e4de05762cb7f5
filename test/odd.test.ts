/**
 * The model description (docs/ODD.md): its parameter tables are the schema's, it follows
 * the ODD protocol's outline, names every mechanism's module and every seed document, and
 * the README points to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withParameterTables } from '../scenarios/fieldTable.ts';
import { SEED_DOCUMENTS } from '../scenarios/sources.ts';
import { MODEL_VERSION } from '../sim/version.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const odd = read('docs/ODD.md');

describe('docs/ODD.md', () => {
  it('holds the parameter tables generated from the current schema (npm run scenario -- schema --write refreshes them)', () => {
    expect(odd === withParameterTables(odd)).toBe(true);
    for (const field of [
      '`demand.casesPerResidentYear`',
      '`mechanisms.powersCeiling`',
      '`levels[].forward.infoKept`',
      '`residents.trustLearningRate`',
    ])
      expect(odd).toContain(`| ${field} |`);
    // Fields that only name or document a scenario are not model parameters.
    expect(odd).not.toContain('| `sources[].fact` |');
    expect(odd).not.toContain('| `levels[].nameZh` |');
  });

  it('follows the ODD outline, in order', () => {
    const headings = [...odd.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Purpose and patterns',
      '2. Entities, state variables and scales',
      '3. Process overview and scheduling',
      '4. Design concepts',
      '5. Initialisation',
      '6. Input data',
      '7. Submodels',
    ]);
    for (const concept of [
      'Basic principles',
      'Emergence',
      'Adaptation',
      'Objectives',
      'Learning',
      'Prediction',
      'Sensing',
      'Interaction',
      'Stochasticity',
      'Collectives',
      'Observation',
    ])
      expect(odd).toContain(`**${concept}.**`);
  });

  it('describes the current model version, its mechanisms by module, and every seed document', () => {
    expect(odd).toContain(`model version ${MODEL_VERSION}`);
    for (const module of ['sim/observe/metrics.ts', 'sim/observe/survival.ts', 'scenarios/levers.ts'])
      expect(odd).toContain(`\`${module}\``);
    for (const d of SEED_DOCUMENTS) expect(odd).toMatch(new RegExp(`^\\| ${d.id} \\|`, 'm'));
    for (const id of fs.readdirSync(path.join(root, 'scenarios', 'presets')).map((f) => f.replace(/\.json$/, '')))
      expect(odd).toContain(`| \`${id}\` |`);
  });

  it('names, for every submodel of section 7, files that exist; and describes every file of sim/submodels/', () => {
    const section = odd.slice(odd.indexOf('## 7. Submodels'), odd.indexOf('### Parameters'));
    const headings = [...section.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThanOrEqual(10);
    const named = new Set<string>();
    for (const h of headings) {
      const files = [...h.matchAll(/`([^`]+\.ts)`/g)].map((m) => m[1]);
      expect(files, `the heading "${h}" names its module`).not.toEqual([]);
      for (const f of files) {
        expect(fs.existsSync(path.join(root, f)), `${f}, named by "${h}"`).toBe(true);
        named.add(f);
      }
    }
    const submodels = fs
      .readdirSync(path.join(root, 'sim', 'submodels'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `sim/submodels/${f}`);
    expect(submodels.filter((f) => !named.has(f))).toEqual([]);
  });

  it('is where README.md sends readers for the model, with the citation and the changelog', () => {
    const readme = read('README.md');
    expect(readme).not.toContain('../shared/');
    expect(readme).toContain('docs/ODD.md');
    const cite = readme.slice(readme.indexOf('## Cite'));
    for (const f of ['CITATION.cff', 'docs/ODD.md', 'CHANGELOG.md']) expect(cite).toContain(f);
  });
});
