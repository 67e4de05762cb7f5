/** Scenario discovery's analysis in a Web Worker of its own (discover.worker.ts), stopped by a signal. */
import { wrap } from 'comlink';
import type { ExperimentResult } from '../experiments/results.ts';
import type { DiscoverOutcome, DiscoverResult } from '../studies/discover.ts';
import type { DiscoverWorkerApi } from './discover.worker.ts';

/**
 * discoverAnalysis of the draws' output, in a new worker that ends with the analysis; the
 * signal ends it early (the promise then rejects with an AbortError).
 */
export function analyseInWorker(
  out: Pick<ExperimentResult, 'rows' | 'manifest'>,
  outcome: DiscoverOutcome,
  opts: Parameters<DiscoverWorkerApi['analyse']>[2],
  signal?: AbortSignal,
): Promise<DiscoverResult> {
  if (signal?.aborted) return Promise.reject(new DOMException('the analysis was cancelled', 'AbortError'));
  const w = new Worker(new URL('./discover.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<DiscoverWorkerApi>(w);
  return new Promise<DiscoverResult>((resolve, reject) => {
    const stop = () => {
      w.terminate();
      reject(new DOMException('the analysis was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    w.addEventListener('error', (e) => {
      e.preventDefault();
      w.terminate();
      reject(new Error(e.message || 'the analysis worker failed to load or crashed'));
    });
    // Only what the analysis reads crosses to the worker (not the resolved scenarios).
    api
      .analyse({ rows: out.rows, manifest: out.manifest }, outcome, opts)
      .then(resolve, reject)
      .finally(() => {
        signal?.removeEventListener('abort', stop);
        w.terminate();
      });
  });
}
