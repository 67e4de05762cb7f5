// Lint (not formatting). ESLint's and typescript-eslint's recommended rules, with the
// exceptions this code base has reasons for; `npm run lint` (part of `npm run check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', '.cache/', 'docs/api/', 'test-output/'] },
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
