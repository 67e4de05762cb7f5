import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { denoBin } from './deno-bin.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('the core under Deno', () => {
  it('runs and gives the same result, bit for bit, as under Node', async () => {
    const deno = denoBin();
    const { stdout } = await promisify(execFile)(deno, ['run', '--allow-read', '--allow-env', 'test/deno-smoke.ts'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    const node = simulate(loadPreset('longgang-2021'), { seed: 9, days: 7 }).summary;
    expect(stdout.trim() === JSON.stringify(node)).toBe(true);
  });
});
