/** The Web Worker entry: exposes the worker API over comlink. */
import { expose } from 'comlink';
import { workerApi } from './api.ts';

expose(workerApi);
