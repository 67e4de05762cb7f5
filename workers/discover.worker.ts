/**
 * The Web Worker of scenario discovery's analysis (studies/discover.ts): PRIM and its
 * bootstrap resamples take from a second (60 draws) to a minute (1,000 draws), so the app
 * runs them here, off the page's thread. Loaded only when an analysis starts.
 */
import { expose } from 'comlink';
import { discoverAnalysis } from '../studies/discover.ts';

const api = { analyse: discoverAnalysis };
export type DiscoverWorkerApi = typeof api;

expose(api);
