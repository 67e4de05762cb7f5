/**
 * Stopping long commands cleanly: SIGINT (Ctrl-C) and SIGTERM (Slurm's time limit,
 * Kubernetes, `kill`) abort the run, which then keeps what finished, and the exit status
 * says which signal came (130 or 143).
 *
 * Started by npm (`npm run …`, `npx flatgov …`), the command may never see the signal: npx
 * runs it under a shell that dies of SIGTERM without passing it on, and npm killed outright
 * passes nothing. So under npm the command also watches its parent, and treats being left
 * behind (its parent gone) as SIGTERM.
 */

/** The exit status of a command stopped by a signal (128 + the signal's number). */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Abort `ctl` on SIGINT or SIGTERM (or, under npm, when the process that started this one is
 * gone), writing one line that says what is kept. Returns a function that stops listening.
 */
export function stopOnSignals(ctl: AbortController, kept = 'the replications that finished'): () => void {
  const stop = (why: string, sig: keyof typeof SIGNAL_STATUS) => {
    if (ctl.signal.aborted) return;
    process.stderr.write(`\n${why}: stopping, keeping ${kept}\n`);
    process.exitCode = SIGNAL_STATUS[sig];
    ctl.abort();
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
