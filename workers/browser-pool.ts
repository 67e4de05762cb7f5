/** Worker pools in the browser (Web Workers), for replications in the app. */
import { wrap } from 'comlink';
import type { WorkerApi } from './api.ts';
import { WorkerPool, type WorkerHandle } from './pool.ts';

/** Cores less one (the page's own), at least one. */
export function browserWorkerCount(): number {
  return Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1);
}

function webWorker(): WorkerHandle<WorkerApi> {
  const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const listeners: ((e: Error) => void)[] = [];
  w.addEventListener('error', (e) => {
    e.preventDefault();
    listeners.forEach((l) => l(new Error(e.message || 'the worker failed to load or crashed')));
  });
  // A reply that cannot be read would leave its call waiting for ever: treat it as a death.
  w.addEventListener('messageerror', () => listeners.forEach((l) => l(new Error('a message from the worker could not be read'))));
  return { api: wrap<WorkerApi>(w), terminate: () => w.terminate(), onDeath: (cb) => listeners.push(cb) };
}

export function browserPool(size = browserWorkerCount()): WorkerPool<WorkerApi> {
  return new WorkerPool<WorkerApi>(webWorker, size);
}

export { poolExecutor as browserExecutor } from './executor.ts';
