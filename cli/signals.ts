import fs from 'node:fs';

/**
 * Stopping long commands cleanly: SIGINT (Ctrl-C) and SIGTERM (Slurm's time limit,
 * Kubernetes, `kill`) abort the run, which then keeps what finished, and the exit status
 * says which signal came (130 or 143).
 *
 * Started by npm (`npm run …`, `npx flatgov …`), the command may never see the signal: npx
 * runs it under a shell that dies of SIGTERM without passing it on (or outlives npx after
 * SIGINT), and npm killed outright passes nothing. So under npm the command also watches the
 * npm that started it (its parent, or its parent's parent when a shell sits between them),
 * and treats being left behind as SIGTERM.
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
    // npx runs the command under `sh -c`: then the npm to watch is the shell's parent.
    const p = procStat(parent);
    const npm = p && /^(sh|dash|bash|zsh|ash)$/.test(p.comm) && p.ppid > 1 ? p.ppid : undefined;
    watch = setInterval(() => {
      if (process.ppid !== parent || (npm !== undefined && !alive(npm)))
        stop('terminated (the npm or npx that started this command has gone)', 'SIGTERM');
    }, 250);
    watch.unref();
  }
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    if (watch) clearInterval(watch);
  };
}

/** A process's name and parent, from /proc (Linux); undefined elsewhere or when it is gone. */
function procStat(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const t = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = t.lastIndexOf(')');
    return { comm: t.slice(t.indexOf('(') + 1, close), ppid: Number(t.slice(close + 2).split(' ')[1]) };
  } catch {
    return undefined;
  }
}

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
