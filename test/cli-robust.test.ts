/**
 * Long runs from the command line lose nothing and refuse what they cannot do before
 * starting: output checked first and written whole, signals handled, shards marked,
 * merges verified, budgets enforced, every problem at once.
 */

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { cli, isCleanUsageError, root, start, tempDir } from './cli-helpers.ts';

const tmp = tempDir('flatgov-robust-');
const exp = (...args: string[]) => cli('experiment', args);
const compare = ['--compare', 'traditional-county,longgang-2021', '--days', '2', '--replications', '2', '--workers', '1'];

describe('--out is checked before the first replication and written atomically', () => {
  it('refuses a folder that does not exist at once, in one line, without running anything', async () => {
    const r = await exp(...compare, '--out', '/nonexistent/r.json');
    expect(r.stderr).toMatch(/--out: the folder \/nonexistent does not exist/);
    expect(isCleanUsageError(r), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/runs/);
  });
  it('refuses an unknown format before running', async () => {
    const r = await exp(...compare, '--out', path.join(tmp.dir, 'r.txt'));
    expect(r.stderr).toMatch(/--out: expected a file ending in \.csv or \.json/);
    expect(isCleanUsageError(r)).toBe(true);
  });
  it('leaves no temporary or journal file behind when it succeeds', async () => {
    const out = path.join(tmp.dir, 'ok.csv');
    const r = await exp(...compare, '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^structure,replication,seed,metric,value,unit\n/);
    expect(
      fs
        .readdirSync(tmp.dir)
        .filter((f) => f.startsWith('ok.') || f.startsWith('.ok.'))
        .sort(),
    ).toEqual(['ok.csv', 'ok.differences.csv', 'ok.manifest.json', 'ok.summary.csv']);
  });
});

describe('signals', () => {
  // --progress: progress lines on a pipe too, so the test knows when runs have finished.
  const long = ['--compare', 'traditional-county,longgang-2021', '--replications', '200', '--days', '30', '--workers', '1', '--progress'];
  for (const [sig, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${sig} stops the run and writes every finished replication (exit ${status})`, async () => {
      const out = path.join(tmp.dir, `${sig}.json`);
      const child = start('experiment', [...long, '--out', out]);
      let err = '';
      let sent = false;
      child.stderr!.on('data', (d) => {
        err += d;
        if (!sent && /[1-9]\d*\/400 runs/.test(err)) {
          sent = true;
          child.kill(sig);
        }
      });
      const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      expect(code, err).toBe(status);
      const o = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(o.manifest.complete).toBe(false);
      expect(o.rows.length).toBeGreaterThan(0);
      // The journal stays, for the same command to resume from.
      expect(fs.existsSync(`${out}.partial`)).toBe(true);
    });
  }
  it('SIGTERM to the process group of npm run (as Slurm and Ctrl-C send) reaches the CLI, which writes what finished', async () => {
    const out = path.join(tmp.dir, 'npm-term.json');
    const { spawn } = await import('node:child_process');
    const child = spawn('npm', ['run', '-s', 'experiment', '--', ...long, '--out', out], { cwd: root, detached: true });
    let err = '';
    let sent = false;
    child.stderr!.on('data', (d) => {
      err += d;
      if (!sent && /[1-9]\d*\/400 runs/.test(err)) {
        sent = true;
        process.kill(-child.pid!, 'SIGTERM');
      }
    });
    await new Promise((res) => child.on('exit', res));
    for (let i = 0; i < 100 && !fs.existsSync(out); i++) await new Promise((res) => setTimeout(res, 100));
    const o = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(o.manifest.complete).toBe(false);
    expect(o.rows.length).toBeGreaterThan(0);
    expect(err).toMatch(/terminated: stopping, keeping the replications that finished/);
  });
  for (const [sig, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)
    it(`${sig} to npm run alone (as Kubernetes sends it to the first process) reaches the CLI; npm waits for it to write what finished`, async () => {
      const out = path.join(tmp.dir, `npm-alone-${sig}.json`);
      const { spawn } = await import('node:child_process');
      const child = spawn('npm', ['run', '-s', 'experiment', '--', ...long, '--out', out], { cwd: root });
      let err = '';
      let sent = false;
      child.stderr!.on('data', (d) => {
        err += d;
        if (!sent && /[1-9]\d*\/400 runs/.test(err)) {
          sent = true;
          child.kill(sig);
        }
      });
      const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      expect(code, err).toBe(status);
      // Written before npm exits: npm passed the signal on and waited.
      const o = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(o.manifest.complete).toBe(false);
      expect(o.rows.length).toBeGreaterThan(0);
      expect(err).toMatch(sig === 'SIGTERM' ? /terminated: stopping/ : /interrupted: stopping/);
    });
  it('a run killed outright leaves its finished replications in the journal', async () => {
    const out = path.join(tmp.dir, 'killed.json');
    const child = start('experiment', [...long, '--out', out]);
    let err = '';
    let sent = false;
    child.stderr!.on('data', (d) => {
      err += d;
      if (!sent && /[3-9]\/400 runs/.test(err)) {
        sent = true;
        child.kill('SIGKILL');
      }
    });
    await new Promise((res) => child.on('exit', res));
    const lines = fs
      .readFileSync(`${out}.partial`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ flatgov: 'journal' });
    expect(lines.length - 1).toBeGreaterThanOrEqual(3);
    expect(lines[1]).toHaveProperty('seed');
    expect(lines[1]).toHaveProperty('values');
  });
});

describe('shards', () => {
  const e = tmp.file('exp.json', {
    name: 'sharded',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 3,
    days: 2,
    sweep: [{ param: 'demand.casesPerResidentYear', values: [0.3, 0.5] }],
    metrics: ['hoursToClose.mean', 'sla.close24h'],
  });
  it('a shard says it is one: in its summary, its manifest, and with no NaN', async () => {
    const out = path.join(tmp.dir, 'shard0.json');
    const r = await exp(e, '--shard', '0/5', '--workers', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SHARD 0\/5: /);
    expect(r.stdout).toMatch(/shard 0\/5 of sharded/);
    expect(r.stdout).not.toMatch(/NaN/);
    const o = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(o.manifest.complete).toBe(false);
    expect(o.manifest.shard).toEqual({ index: 0, count: 5, finished: true });
  });
  it('merge of 0/2 with 1/3 and 2/3 is refused with exit status 2 and one line', async () => {
    const files: string[] = [];
    for (const s of ['0/2', '1/3', '2/3']) {
      const f = path.join(tmp.dir, `mix-${s.replace('/', 'of')}.json`);
      expect((await exp(e, '--shard', s, '--workers', '1', '--out', f)).code).toBe(0);
      files.push(f);
    }
    const r = await exp('merge', ...files, '--out', path.join(tmp.dir, 'mixed.json'));
    expect(r.stderr).toMatch(/merge: shards of different partitions: 0\/2, 1\/3, 2\/3/);
    expect(isCleanUsageError(r), r.stderr).toBe(true);
    expect(fs.existsSync(path.join(tmp.dir, 'mixed.json'))).toBe(false);
  });
});

describe('every problem at once', () => {
  it('--compare with an unknown name lists the presets, with the other problems', async () => {
    const r = await exp('--compare', 'traditional-county,nope', '--seed', '-3', '--out', '/nonexistent/x.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 problems:/);
    expect(r.stderr).toMatch(/--compare: "nope" is neither a preset nor a scenario file \(presets: [^)]*traditional-county/);
    expect(r.stderr).toMatch(/--seed: expected a whole number/);
    expect(r.stderr).toMatch(/--out: the folder \/nonexistent does not exist/);
    expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
  });
  it('an experiment file with three problems reveals them in one run', async () => {
    const f = tmp.file('three.json', { structures: [{ preset: 'nope' }, { file: 'missing.json' }], replications: 1 });
    const r = await exp(f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replications: /);
    expect(r.stderr).toMatch(/structures\[0\]: unknown preset "nope" \(presets: [^)]*traditional-county/);
    expect(r.stderr).toMatch(/structures\[1\]: cannot read .*missing\.json: no such file/);
  });
});

describe('budgets', () => {
  it('sim refuses a run estimated past the memory budget, before starting, unless --allow-large', async () => {
    const s = presetJson('longgang-2021') as Record<string, any>;
    const f = tmp.file('huge.json', { ...s, demand: { ...s.demand, casesPerResidentYear: 10_000 } });
    const r = await cli('sim', [f, '--days', '5']);
    expect(r.stderr).toMatch(/this run needs up to [\d.]+ GB of memory .* over the budget of [\d.]+ GB\. .*--allow-large/);
    expect(isCleanUsageError(r)).toBe(true);
  });
  it('experiment refuses a 1000 × 1000 sweep before planning it', async () => {
    const values = Array.from({ length: 1000 }, (_, i) => 0.1 + i / 1000);
    const f = tmp.file('sweep.json', {
      structures: [{ preset: 'longgang-2021' }],
      sweep: [
        { param: 'demand.casesPerResidentYear', values },
        { param: 'demand.fieldShare', values: values.map((v) => v / 2) },
      ],
    });
    const r = await exp(f);
    expect(r.stderr).toMatch(/has 1,000,000 sweep points, more than 10,000/);
    expect(isCleanUsageError(r)).toBe(true);
  });
  it('--workers above the cores is capped, and says so', async () => {
    const r = await exp(...compare.slice(0, -2), '--workers', '64');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--workers 64: this machine has \d+ cores?; using \d+/);
  });
  it('a scenario file that never ends (/dev/zero) is refused', async () => {
    const r = await cli('sim', ['/dev/zero']);
    expect(r.stderr).toMatch(/cannot read \/dev\/zero: larger than 256 MB/);
    expect(isCleanUsageError(r)).toBe(true);
  });
});
