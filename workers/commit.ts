/**
 * The git commit of the flatgov code that is running, for run manifests (Node only; the
 * browser build has it injected by Vite). Read with `git rev-parse HEAD` when flatgov runs
 * from its own checkout (`-dirty` appended when tracked files differ from the commit), else
 * from the FLATGOV_COMMIT environment variable (set it in a container or an installed
 * package), else "unknown".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The folder holding flatgov's package.json, above this file (in the sources or in build/). */
function packageRoot(): string | undefined {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'flatgov') return dir;
    } catch {
      // no package.json here, or not JSON: look further up
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function fromGit(): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  try {
    // Inside someone else's repository (flatgov installed in its node_modules) the commit is not ours.
    if (fs.realpathSync(git('rev-parse', '--show-toplevel')) !== fs.realpathSync(root)) return undefined;
    const head = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
  } catch {
    return undefined; // no git, or not a checkout
  }
}

/** The commit this code comes from: git, else FLATGOV_COMMIT, else "unknown" (read once per process). */
export function codeCommit(): string {
  cached ??= fromGit() ?? (process.env.FLATGOV_COMMIT?.trim() || 'unknown');
  return cached;
}
