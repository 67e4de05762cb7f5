/**
 * Stopping long commands cleanly: SIGINT (Ctrl-C) and SIGTERM (Slurm's time limit,
 * Kubernetes, `kill`) abort the run, which then keeps what finished, and the exit status
 * says which signal came (130 or 143). Experiments, studies, sensitivity, brief, the preset
 * table and validation all stop this way. Repeated signals change nothing: a terminal and
 * npm may each deliver the same Ctrl-C.
 *
 * Started by npm (`npm run …`, `npx flatgov …`), the command may never see the signal: npx
 * runs it under a shell that dies of SIGTERM without passing it on, and npm killed outright
 * passes nothing. So under npm the command also watches its parent, and treats being left
 * behind (its parent gone) as SIGTERM.
 *
 * The work must leave the event loop free (runs in worker threads, or `breathe()` awaited
 * between runs made in this thread) for the signal to be heard.
 */

/** The exit status of a command stopped by a signal (128 + the signal's number). */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof SIGNAL_STATUS;

/**
 * Abort `ctl` on SIGINT or SIGTERM (or, under npm, when the process that started this one is
 * gone), writing one line that says what is kept; the abort's reason is the signal's name.
 * Returns a function that stops listening.
 */
export function stopOnSignals(ctl: AbortController, kept = 'the replications that finished'): () => void {
  const stop = (why: string, sig: StopSignal) => {
    if (ctl.signal.aborted) return;
    process.stderr.write(`\n${why}: stopping, keeping ${kept}\n`);
    process.exitCode = SIGNAL_STATUS[sig];
    ctl.abort(sig);
  };
  const handler = (sig: NodeJS.Signals) => stop(sig === 'SIGTERM' ? 'terminated' : 'interrupted', sig === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  let watch: ReturnType<typeof setInterval> | undefined;
  if (process.env.npm_command !== undefined) {
    const parent = process.ppid;
    watch = setInterval(() => {
      if (process.ppid !== parent) stop('terminated (the npm or npx that started this command has gone)', 'SIGTERM');
    }, 250);
    watch.unref();
  }
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    if (watch) clearInterval(watch);
  };
}

/** The signal that stopped the work `signal` belongs to (undefined while it runs, or when aborted otherwise). */
export function stoppedBy(signal: AbortSignal): StopSignal | undefined {
  return signal.aborted && (signal.reason === 'SIGINT' || signal.reason === 'SIGTERM') ? signal.reason : undefined;
}

/** Yield to the event loop, so that a signal can be heard between runs made in this thread. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
