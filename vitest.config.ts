import { defineConfig } from 'vitest/config';
import { scenarioData } from './ui/scenario-data-plugin.ts';

export default defineConfig({
  plugins: [scenarioData()],
  test: {
    include: ['analysis/**/*.test.ts', 'sim/**/*.test.ts', 'scenarios/**/*.test.ts', 'workers/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
