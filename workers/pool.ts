/**
 * A pool of workers running jobs through comlink. The same pool serves Web Workers in
 * the browser and worker_threads in Node: only the factory differs. A worker that dies
 * (crash, error at top level, terminate) fails its job with a clear error and is replaced;
 * the other jobs go on.
 */
import type { Remote } from 'comlink';

export interface WorkerHandle<Api> {
  api: Remote<Api>;
  terminate(): void;
  /** Called once if the worker dies on its own. */
  onDeath(cb: (err: Error) => void): void;
}

interface Slot<Api> {
  handle: WorkerHandle<Api>;
  busy: boolean;
  /** Rejects the task in flight when the worker dies or is cancelled. */
  fail?: (err: Error) => void;
}

interface Task<Api> {
  fn: (api: Remote<Api>) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class WorkerDiedError extends Error {
  constructor(detail: string) {
    super(`worker stopped: ${detail}`);
    this.name = 'WorkerDiedError';
  }
}

export class WorkerPool<Api> {
  readonly size: number;
  private slots: Slot<Api>[] = [];
  private queue: Task<Api>[] = [];
  private closed = false;
  /** How many workers have been replaced after dying or being cancelled. */
  replaced = 0;
  /** How many workers died on their own (crash, error at top level), each replaced. */
  died = 0;

  constructor(
    private readonly create: () => WorkerHandle<Api>,
    size: number,
  ) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`workers: expected an integer ≥ 1, got ${size}`);
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot<Api> {
    const slot: Slot<Api> = { handle: this.create(), busy: false };
    slot.handle.onDeath((err) => this.onDeath(slot, err));
    return slot;
  }

  private onDeath(slot: Slot<Api>, err: Error) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    slot.fail?.(new WorkerDiedError(err.message));
    slot.handle.terminate();
    if (this.closed) return;
    this.died++;
    this.replaced++;
    this.slots[i] = this.spawn();
    this.pump();
  }

  /** Run fn on the next free worker. */
  exec<T>(fn: (api: Remote<Api>) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn: fn as Task<Api>['fn'], resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump() {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const task = this.queue.shift()!;
      slot.busy = true;
      let settled = false;
      const done = (ok: boolean, v: unknown) => {
        if (settled) return;
        settled = true;
        slot.busy = false;
        slot.fail = undefined;
        if (ok) task.resolve(v);
        else task.reject(v);
        this.pump();
      };
      slot.fail = (err) => done(false, err);
      task.fn(slot.handle.api).then(
        (v) => done(true, v),
        (e) => done(false, e),
      );
    }
  }

  /** Reject queued tasks and stop the ones in flight; busy workers are replaced. */
  cancel(): void {
    const queued = this.queue.splice(0);
    for (const t of queued) t.reject(new Error('cancelled'));
    this.slots.forEach((slot, i) => {
      if (!slot.busy) return;
      slot.fail?.(new Error('cancelled'));
      slot.handle.terminate();
      this.replaced++;
      if (!this.closed) this.slots[i] = this.spawn();
    });
  }

  /** Terminate every worker. */
  close(): void {
    this.closed = true;
    this.cancel();
    for (const s of this.slots) s.handle.terminate();
  }

  /** For tests: terminate the worker running a task, as if it had crashed. */
  killBusyWorker(): boolean {
    const slot = this.slots.find((s) => s.busy);
    if (!slot) return false;
    this.onDeath(slot, new Error('terminated'));
    return true;
  }
}
