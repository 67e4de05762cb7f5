/** Running the CLI scripts as a user does, through Node with the tsx loader. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run `node --import tsx cli/<script>.ts args…` from the repository root. */
export type Script = 'sim' | 'scenario' | 'experiment' | 'study' | 'validate' | 'brief';

export function cli(script: Script, args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `cli/${script}.ts`, ...args],
      { cwd: root, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 << 20, env: { ...process.env, ...opts.env } },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** Start a CLI script; the caller sends signals. */
export function start(script: Script, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, ...args], { cwd: root, env: { ...process.env, ...env } });
}

export function tempDir(prefix: string): { dir: string; file(name: string, content: unknown): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file(name: string, content: unknown) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
      return p;
    },
  };
}

/** A usage error as users should see it: exit 2, one line on stderr, no stack trace. */
export function isCleanUsageError(r: CliResult): boolean {
  const lines = r.stderr.trim().split('\n');
  return r.code === 2 && lines.length === 1 && lines[0].startsWith('error: ') && !/\n\s+at /.test(r.stderr);
}
