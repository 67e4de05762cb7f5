/**
 * The worker API: one interface shared by the page (or the Node CLI) and the worker.
 * Calls are coarse: one replication, or one step of an interactive run.
 */
import { transfer } from 'comlink';
import { runJob, type Job, type JobResult } from './experiment.ts';
import { frameTransferables, SimSession, type SessionInfo, type Frame } from './session.ts';
import type { Summary } from '../sim/metrics.ts';

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
  open(scenario: unknown, seed: number, snapshotEveryMinutes = 1440): SessionInfo {
    session = new SimSession(scenario, seed, snapshotEveryMinutes);
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
  /** The office-level state (queues, utilisation) now. */
  frame(): Frame {
    const f = current().frame();
    return transfer(f, frameTransferables(f));
  },
};

export type WorkerApi = typeof workerApi;
