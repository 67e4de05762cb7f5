/**
 * Progress of long commands on standard error: a bar redrawn in place on a terminal; on a
 * log file or a pipe (CI, Slurm) a single line at the end; nothing with --quiet.
 */
export interface Progress {
  done: number;
  total: number;
  failed: number;
}

export interface ProgressReporter {
  update(p: Progress): void;
  /** The final line (a terminal's bar ends with a newline first). */
  finish(p: Progress | undefined): void;
}

function seconds(s: number): string {
  return s < 90 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(1)} min`;
}

export function progressReporter(opts: {
  quiet: boolean;
  tty?: boolean;
  now?: () => number;
  write?: (s: string) => void;
}): ProgressReporter {
  const write = opts.write ?? ((s: string) => process.stderr.write(s));
  const now = opts.now ?? Date.now;
  const tty = opts.tty ?? process.stderr.isTTY === true;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (opts.quiet || !tty) return;
      const t = now();
      if (t - last < 200 && p.done < p.total) return;
      last = t;
      const frac = p.total > 0 ? p.done / p.total : 0;
      const width = 30;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '·');
      const elapsed = (t - started) / 1000;
      const eta = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : NaN;
      write(
        `\r${bar} ${p.done}/${p.total} runs  ${Number.isFinite(eta) ? `ETA ${seconds(eta)}` : 'ETA –'}${p.failed ? `  ${p.failed} failed` : ''}   `,
      );
      drawn = true;
    },
    finish(p) {
      if (opts.quiet) return;
      if (drawn) write('\n');
      if (!p) return;
      write(`${p.done} of ${p.total} runs in ${seconds((now() - started) / 1000)}${p.failed ? `, ${p.failed} failed` : ''}\n`);
    },
  };
}
