// Starts the Node worker thread: registers tsx so the worker can load TypeScript, then the
// worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./node.worker.ts');
