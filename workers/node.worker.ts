/** The Node worker_threads entry: the same API as the Web Worker, over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { workerApi } from './api.ts';

if (!parentPort) throw new Error('node.worker.ts must run in a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
