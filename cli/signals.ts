/**
 * Stopping long commands on SIGINT (Ctrl-C) and SIGTERM: the first signal says so on
 * standard error, sets the exit status (130 or 143) and aborts the work, so that the command
 * keeps what finished (experiments, studies, sensitivity, brief, table and validation all
 * do). Repeated signals change nothing: a terminal and npm (`npx flatgov`) may each deliver
 * the same Ctrl-C. The work must leave the event loop free (runs in worker threads, or
 * awaited between runs) for the signal to be heard.
 */

export interface Stopper {
  /** Aborted by the first signal. */
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly received: () => NodeJS.Signals | undefined;
  /** Stop listening (the work is over). */
  readonly done: () => void;
}

/** The exit status of a command stopped by a signal. */
export const signalStatus = (sig: NodeJS.Signals) => (sig === 'SIGTERM' ? 143 : 130);

/** Listen for SIGINT and SIGTERM while work runs; `keeping` says what is kept, e.g. "the replications that finished". */
export function stopOnSignals(keeping: string): Stopper {
  const ctl = new AbortController();
  let got: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (got) return;
    got = sig;
    process.stderr.write(`\n${sig === 'SIGTERM' ? 'terminated' : 'interrupted'}: stopping, keeping ${keeping}\n`);
    process.exitCode = signalStatus(sig);
    ctl.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: ctl.signal,
    received: () => got,
    done: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Yield to the event loop (so that a signal can be heard between runs of in-process work). */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
