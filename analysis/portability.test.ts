import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { smoke } from './smoke.ts';

const here = import.meta.dirname;
const root = path.resolve(here, '..');

describe('the analysis methods are portable', () => {
  it('import nothing from the app, the workers, the command line or Node, and draw no unseeded randomness', () => {
    for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-'))) {
      const src = fs.readFileSync(path.join(here, file), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec.startsWith('./') || spec === 'seedrandom', `${file} imports ${spec}`).toBe(true);
      expect(/Math\.random\s*\(/.test(src), `${file} calls Math.random`).toBe(false);
    }
  });

  // Node 20's and Deno's engines differ in the last bit of Math.exp, Math.log, Math.cos…,
  // so results agree to rounding, not bit for bit; discrete results (designs, boxes'
  // limits, chosen candidates) are the same.
  it('give the same results under Deno as under Node, to 1e-9 relative', async () => {
    const deno = process.env.DENO ?? path.join(root, '.cache', 'deno', 'node_modules', '.bin', 'deno');
    if (!fs.existsSync(deno)) throw new Error(`Deno is not installed at ${deno}: run \`npm run deno:ensure\`, or set DENO`);
    const { stdout } = await promisify(execFile)(deno, ['run', '--allow-read', '--allow-env', 'analysis/deno-smoke.ts'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    const node = JSON.parse(JSON.stringify(await smoke()));
    const close = (a: unknown, b: unknown, at: string): void => {
      if (typeof a === 'number' && typeof b === 'number') {
        expect(Math.abs(a - b), at).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
      } else if (a && typeof a === 'object' && b && typeof b === 'object') {
        expect(Object.keys(a).sort(), at).toEqual(Object.keys(b).sort());
        for (const k of Object.keys(a)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      } else expect(a, at).toEqual(b);
    };
    close(JSON.parse(stdout), node, 'smoke');
  });
});
