import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vite';
import { scenarioData } from './tools/scenario-data-plugin.ts';

/** The commit the site is built from, for run manifests and chart exports (see workers/commit.ts for Node). */
function buildCommit(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
  } catch {
    return process.env.FLATGOV_COMMIT?.trim() || 'unknown';
  }
}

export default defineConfig({
  // Relative paths: the built site works from any static host or folder.
  base: './',
  plugins: [scenarioData()],
  worker: { format: 'es' },
  define: { __FLATGOV_COMMIT__: JSON.stringify(buildCommit()) },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The app, and the validation report (docs/validation.md) as a page beside it.
    rolldownOptions: { input: { main: 'index.html', validation: 'validation.html' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
