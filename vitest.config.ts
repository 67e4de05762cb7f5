import { defineConfig } from 'vitest/config';
import { scenarioData } from './tools/scenario-data-plugin.ts';

export default defineConfig({
  plugins: [scenarioData()],
  test: {
    include: ['{scenarios,sim,experiments,analysis,studies,render,workers,ui,lib,tools}/**/*.test.ts', 'test/**/*.test.ts'],
    // The results cache stays off in tests (a run taken from it would finish before a test's
    // signal arrives); the cache's own tests turn it on in a folder of their own.
    env: { FLATGOV_CACHE: 'off' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
