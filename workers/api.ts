/**
 * The worker API: one interface shared by the page (or the Node CLI) and the worker.
 * Calls are coarse: one replication, or one step of an interactive run.
 */
import { transfer } from 'comlink';
import { runJob, type Job, type JobResult } from '../experiments/jobs.ts';
import { frameTransferables, SimSession, type SessionInfo, type Frame, type MapFrame } from './session.ts';
import type { Journey } from '../sim/observe/trace.ts';
import type { Summary } from '../sim/observe/metrics.ts';

let session: SimSession | undefined;

function current(): SimSession {
  if (!session) throw new Error('no scenario loaded: call open() first');
  return session;
}

export const workerApi = {
  /** Run one replication of an experiment. */
  replicate(job: Job): JobResult {
    return runJob(job);
  },
  /** Load a scenario for an interactive run (validates; throws a ScenarioError listing problems). */
  open(scenario: unknown, seed: number, snapshotEveryMinutes = 1440, followEvery = 0): SessionInfo {
    session = new SimSession(scenario, seed, snapshotEveryMinutes, followEvery);
    return session.info;
  },
  /** Advance the open run to `toDay` and return what is new since the last frame (arrays transferred). */
  advance(toDay: number): Frame {
    const f = current().advanceTo(toDay);
    return transfer(f, frameTransferables(f));
  },
  summary(): Summary {
    return current().summary();
  },
  /** What the living map draws now (arrays transferred). */
  map(): MapFrame {
    const f = current().mapFrame();
    return transfer(
      f,
      [f.live, f.ended, f.queue, f.busy, f.capacity, f.backlog, f.trust].map((a) => a.buffer as ArrayBuffer),
    );
  },
  /** The journey of a followed problem (undefined if it is not followed or no longer kept). */
  journey(problem: number): Journey | undefined {
    return current().journey(problem);
  },
  /** The office-level state (queues, utilisation) now. */
  frame(): Frame {
    const f = current().frame();
    return transfer(f, frameTransferables(f));
  },
};

export type WorkerApi = typeof workerApi;
