/**
 * The library is as safe as the command line: every misuse of simulate, createSimulation,
 * planFrom and experiment is refused at once with a documented error naming the option, and
 * worker threads never outnumber the cores. Calls that used to hang or exhaust memory
 * (1e9 days, advanceTo(Infinity), /dev/zero as a structure file) run in a process of their
 * own (test/library-call.ts), with a time limit.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiment, HookError } from '../lib/experiments.ts';
import { root, tempDir } from './cli-helpers.ts';

interface CallResult {
  returned: boolean;
  ms: number;
  name?: string;
  message?: string;
  range?: boolean;
  value?: unknown;
}

function call(which: string, file?: string, timeoutMs = 60_000): Promise<CallResult> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/library-call.ts', which, ...(file ? [file] : [])],
      { cwd: root, timeout: timeoutMs },
      (err, stdout, stderr) => {
        if (err && !stdout) resolve({ returned: false, ms: timeoutMs, name: 'killed', message: `${err.message} ${stderr}`.slice(0, 300) });
        else resolve(JSON.parse(stdout));
      },
    ),
  );
}

const tmp = tempDir('flatgov-library-');
const fifo = path.join(tmp.dir, 'structure.json');

const refusals: [string, string, RegExp, string?][] = [
  ['simulate without options', 'OptionError', /^options: simulate expected an object such as \{ seed: 1, days: 365 \}, got nothing$/],
  ['simulate without a seed', 'OptionError', /^seed: expected a whole number .*got no seed$/],
  ['simulate with seed NaN', 'OptionError', /^seed: expected a whole number .*got NaN$/],
  ['simulate with an object seed', 'OptionError', /^seed: expected a whole number .*got an object$/],
  ['simulate 1e9 days', 'OptionError', /^days: expected a number of days above 0 to 36500, got 1000000000$/],
  ['simulate Infinity days', 'OptionError', /^days: .*got Infinity$/],
  ['a snapshot every 0.0001 minutes', 'OptionError', /^snapshotEveryMinutes: expected a number of minutes \(0 for none\) from 1 to/],
  ['a snapshot every minute for 100 years', 'OptionError', /would keep 52,560,000 snapshots, more than 100,000/],
  ['advanceTo(Infinity)', 'OptionError', /^advanceTo: expected a time from 0 to 52560000 min \(36500 days\), got Infinity$/],
  ['advanceTo(NaN)', 'OptionError', /^advanceTo: .*got NaN$/],
  ['advanceDays(1e308)', 'OptionError', /^advanceDays: expected a number of days above 0 to 36500, got 1e\+308$/],
  ['advanceDays(-1)', 'OptionError', /^advanceDays: .*got -1$/],
  ['a tracer that is not one', 'OptionError', /^tracer: expected a Tracer/],
  ['simulate past the budget', 'BudgetError', /^this run needs up to [\d.]+ GB of memory .*pass allowLarge: true to run it anyway$/],
  ['experiment past the budget', 'BudgetError', /^this experiment .*over the budget .*pass allowLarge: true$/],
  ['experiment with options that are not an object', 'OptionError', /^options: expected an object such as \{ workers: 2 \}, got "fast"$/],
  ['experiment with a hook that is not a function', 'OptionError', /^hooks\.x: expected a function of a snapshot, got 1$/],
  ['a structure file that is a device', 'ExperimentError', /structures\[0\]: cannot read \/dev\/zero: it is a device/, '/dev/zero'],
  ['a structure file that is a named pipe', 'ExperimentError', /structures\[0\]: cannot read .*structure\.json: it is a named pipe/, fifo],
];

describe('the library refuses misuse at once, with a documented error naming the option', () => {
  for (let i = 0; i < refusals.length; i += 2) {
    const batch = refusals.slice(i, i + 2);
    it(
      batch.map(([w]) => w).join('; '),
      async () => {
        if (!fs.existsSync(fifo)) await new Promise((res) => execFile('mkfifo', [fifo], res));
        const results = await Promise.all(batch.map(([w, , , file]) => call(w, file, 30_000)));
        batch.forEach(([w, name, message], k) => {
          const r = results[k];
          expect(r.returned, w).toBe(false);
          expect(r.name, `${w}: ${r.message}`).toBe(name);
          expect(r.message, w).toMatch(message);
          // Option errors are RangeErrors, so code that catches those catches them.
          if (name === 'OptionError') expect(r.range, w).toBe(true);
          expect(r.ms, w).toBeLessThan(5000);
        });
      },
      70_000,
    );
  }
});

describe('worker threads', () => {
  it('never outnumber the cores: experiment({ workers: 64 }) on this machine starts at most one a core', async () => {
    const r = await call('experiment with 64 workers', undefined, 60_000);
    expect(r.returned, r.message).toBe(true);
    const { extraThreads, cores } = r.value as { extraThreads: number; cores: number };
    // Each worker thread is one thread, with one more for the TypeScript loader it registers.
    expect(extraThreads).toBeLessThanOrEqual(2 * cores + 2);
  }, 70_000);
});

describe('metric hooks', () => {
  it('fail their replication with a HookError when they return something that is not a number', async () => {
    const out = await experiment(
      { structures: [{ preset: 'longgang-2021' }], replications: 2, days: 1, metrics: ['closedShare', 'cases.open'] },
      { workers: 0, hooks: { closedShare: () => 'abc' as unknown as number } },
    );
    expect(out.rows.some((r) => (r.value as unknown) === 'abc')).toBe(false);
    expect(out.failures).toHaveLength(2);
    expect(out.failures[0].message).toBe(new HookError('closedShare', 'abc').message);
    expect(out.failures[0].message).toBe('metric hook "closedShare" returned "abc"; expected a number (NaN where it has none)');
  });
  it('a hook named like an inherited property is not found on the prototype', async () => {
    await expect(
      experiment({ structures: [{ preset: 'longgang-2021' }], replications: 2, days: 1, metrics: ['toString'] }, { workers: 0, hooks: {} }),
    ).rejects.toThrow(/metrics\[0\]: expected a metric id/);
  });
});
