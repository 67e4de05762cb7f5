import { defineConfig } from 'vite';
import { scenarioData } from './ui/scenario-data-plugin.ts';

export default defineConfig({
  // Relative paths: the built site works from any static host or folder.
  base: './',
  plugins: [scenarioData()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The app, and the validation report (docs/validation.md) as a page beside it.
    rolldownOptions: { input: { main: 'index.html', validation: 'validation.html' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
