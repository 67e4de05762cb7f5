import { defineConfig } from 'vitest/config';
import { scenarioData } from './tools/scenario-data-plugin.ts';

export default defineConfig({
  plugins: [scenarioData()],
  test: {
    include: ['{scenarios,sim,experiments,analysis,studies,render,workers,ui,lib,tools}/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
