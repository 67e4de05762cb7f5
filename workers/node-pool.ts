/** Worker pools in Node (worker_threads), for the batch CLI, tests and benchmarks. */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './api.ts';
import { WorkerPool, type WorkerHandle } from './pool.ts';

/** Cores this process may use. */
export function availableCores(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Cores less one, at least one. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableCores() - 1);
}

// From the TypeScript sources under Node (tests, npm scripts) the boot file registers tsx
// first; Deno runs the TypeScript worker itself; the compiled package, its JavaScript one.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_FILE = !fromSource ? './node.worker.js' : 'Deno' in globalThis ? './node.worker.ts' : './node-worker-boot.mjs';

function nodeWorker(): WorkerHandle<WorkerApi> {
  const w = new Worker(new URL(WORKER_FILE, import.meta.url));
  let dead = false;
  const listeners: ((e: Error) => void)[] = [];
  const die = (e: Error) => {
    if (dead) return;
    dead = true;
    listeners.forEach((l) => l(e));
  };
  w.on('error', (e) => die(e));
  w.on('exit', (code) => die(new Error(`exit code ${code}`)));
  return {
    api: wrap<WorkerApi>(nodeEndpoint(w)),
    terminate: () => {
      dead = true;
      void w.terminate();
    },
    onDeath: (cb) => listeners.push(cb),
  };
}

export function nodePool(size = defaultWorkerCount()): WorkerPool<WorkerApi> {
  return new WorkerPool<WorkerApi>(nodeWorker, size);
}

export { poolExecutor } from './executor.ts';
