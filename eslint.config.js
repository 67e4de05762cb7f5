// Lint (not formatting). ESLint's and typescript-eslint's recommended rules, with the
// exceptions this code base has reasons for, and the layering of the folders (CONTRIBUTING.md);
// `npm run lint` (part of `npm run check`).
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The folders from the ground up. A file may import from its own folder and the folders
 * below it, never from one above (nor from test/, which may import anything). The top
 * folders (the programs and the package) import none of each other, except that the CLI
 * runs the benchmarks (`flatgov bench`).
 */
const LAYERS = [
  ['scenarios'],
  ['sim'],
  ['analysis'],
  ['experiments'],
  ['studies'],
  ['render'],
  ['workers'],
  ['ui', 'cli', 'bench', 'lib', 'tools'],
];
const ALLOWED_ACROSS = { cli: ['bench'] };
const layerOf = (folder) => LAYERS.findIndex((l) => l.includes(folder));
const boundaryZones = LAYERS.flat().map((folder) => {
  const from = [...LAYERS.flat(), 'test'].filter(
    (other) =>
      other !== folder &&
      (other === 'test' ||
        layerOf(other) > layerOf(folder) ||
        (layerOf(other) === layerOf(folder) && !(ALLOWED_ACROSS[folder] ?? []).includes(other))),
  );
  return {
    target: `./${folder}`,
    from: from.map((f) => `./${f}`),
    message: `${folder}/ may not import from this folder: it sits above ${folder}/ or beside it (see CONTRIBUTING.md, Layering).`,
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', '.cache/', 'docs/api/', 'test-output/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // Paired assignments are written `(lo = x), (hi = y)` throughout.
      '@typescript-eslint/no-unused-expressions': 'off',
      // A leading underscore marks a value dropped on purpose (`const { a: _drop, ...rest } = o`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The layering: no import from a folder above, no import cycle (test/boundaries.test.ts shows both fire).
    files: ['**/*.{ts,mts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Walking zod's internal definitions, which it does not type for outside use.
    files: ['scenarios/schema.ts', 'scenarios/validate.ts', 'experiments/experiment-schema.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests build hostile and partial inputs on purpose.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Published coefficients kept digit for digit as printed in the source.
    files: ['experiments/student-t.ts', 'sim/random/fdlibm.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
);
