import { defineConfig } from 'vite';

export default defineConfig({
  // Relative paths: the built site works from any static host or folder.
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
