/**
 * Every subcommand is guarded alike (issue 24): an unknown or malformed flag is one error
 * line naming it (exit status 2, no stack trace); output files are checked before any work;
 * work past the machine's budget is refused unless --allow-large; --workers is capped at the
 * cores; named pipes are refused at once by every reader; and SIGINT or SIGTERM stops a long
 * command with a message and exit status 130 or 143.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, isCleanUsageError, start, tempDir, type Script } from './cli-helpers.ts';

const tmp = tempDir('flatgov-hostile-cli-');
// Runs go to a cache of this test's own, never the user's.
const env = { FLATGOV_CACHE: path.join(tmp.dir, 'cache') };
const experiment = tmp.file('exp.json', {
  name: 'two structures',
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 2,
  days: 5,
  baseSeed: 1,
  metrics: ['hoursToClose.mean'],
});
const fifo = path.join(tmp.dir, 'pipe.json');
const missing = '/nonexistent-flatgov-folder';

const commands: [string, Script, string[]][] = [
  ['sim', 'sim', ['traditional-county']],
  ['scenario table', 'scenario', ['table']],
  ['experiment', 'experiment', [experiment]],
  ['experiment merge', 'experiment', ['merge', experiment]],
  ['experiment sensitivity', 'experiment', ['sensitivity', experiment]],
  ['study layers', 'study', ['layers']],
  ['study decompose', 'study', ['decompose', 'traditional-county', 'longgang-2021']],
  ['study discover', 'study', ['discover', 'traditional-county', 'longgang-2021']],
  ['study history-match', 'study', ['history-match']],
  ['validate', 'validate', []],
  ['brief', 'brief', [experiment, '--out', path.join(tmp.dir, 'b.html')]],
];

describe('an unknown flag, in every subcommand, is one line naming it', () => {
  for (const [name, script, args] of commands)
    it(`${name} --bogus-flag`, async () => {
      const r = await cli(script, [...args, '--bogus-flag'], { env });
      expect(r.stderr).toMatch(new RegExp(`unknown option --bogus-flag for ${name} \\(see --help\\)`));
      expect(isCleanUsageError(r), r.stderr).toBe(true);
      expect(r.stdout).toBe('');
    });
  it('a flag of another subcommand is refused: merge takes no --replications, sensitivity no --compare', async () => {
    const merge = await cli('experiment', ['merge', experiment, '--replications', '5']);
    expect(merge.stderr).toMatch(/unknown option --replications for experiment merge/);
    expect(isCleanUsageError(merge), merge.stderr).toBe(true);
    const help = await cli('experiment', ['merge', '--help']);
    expect(help.stdout).not.toMatch(/--replications/);
    const sens = await cli('experiment', ['sensitivity', experiment, '--compare', 'a,b']);
    expect(sens.stderr).toMatch(/unknown option --compare for experiment sensitivity/);
  });
  it("each subcommand's --help lists the flags it takes", async () => {
    const study = await cli('study', ['history-match', '--help']);
    for (const f of ['--waves', '--candidates', '--markdown', '--result', '--workers']) expect(study.stdout).toContain(f);
    expect(study.stdout).not.toMatch(/--replications|--svg|--shard|--merge/);
    const brief = await cli('brief', ['--help']);
    for (const f of ['--out', '--lang', '--workers', '--no-cache', '--allow-large']) expect(brief.stdout).toContain(f);
    const validate = await cli('validate', ['--help']);
    expect(validate.stdout.match(/^ {2}--[a-z-]+/gm)).toEqual(['  --workers', '  --no-cache', '  --help']);
  });
});

describe('a malformed value is one line naming the flag', () => {
  const cases: [string, Script, string[], RegExp][] = [
    ['study --days', 'study', ['layers', '--days', 'abc'], /--days: expected a number of days from 0\.001 to 36500, got "abc"/],
    ['study --replications', 'study', ['ablation', '--replications', '1e3'], /--replications: expected a whole number from 2 to 10000/],
    ['study --warmup', 'study', ['decompose', 'a', 'b', '--warmup', '-1'], /--warmup: expected a number of days/],
    ['study --draws', 'study', ['discover', 'a', 'b', '--draws', '5'], /--draws: expected a whole number from 20 to 100000, got "5"/],
    [
      'sensitivity --trajectories',
      'experiment',
      ['sensitivity', experiment, '--trajectories', 'x'],
      /--trajectories: expected a whole number/,
    ],
    ['validate --workers', 'validate', ['--workers', '0'], /--workers: expected a whole number from 1 to 1024, got "0"/],
    ['brief --lang', 'brief', [experiment, '--out', path.join(tmp.dir, 'l.html'), '--lang', 'fr'], /--lang: expected en or zh, got "fr"/],
  ];
  for (const [name, script, args, pattern] of cases)
    it(name, async () => {
      const r = await cli(script, args, { env });
      expect(r.stderr).toMatch(pattern);
      expect(isCleanUsageError(r), r.stderr).toBe(true);
    });
});

describe('output files are checked before any work', () => {
  const cases: [string, Script, string[], RegExp][] = [
    [
      'study layers --svg',
      'study',
      ['layers', '--svg', `${missing}/x.svg`],
      /--svg: the folder \/nonexistent-flatgov-folder does not exist/,
    ],
    ['study history-match --result', 'study', ['history-match', '--result', `${missing}/r.json`], /--result: the folder/],
    [
      'study discover --markdown',
      'study',
      ['discover', 'a', 'b', '--markdown', path.join(tmp.dir, 'r.txt')],
      /--markdown: expected a file ending in \.md/,
    ],
    ['study --out', 'study', ['ablation', '--out', `${missing}/o.json`], /--out: the folder/],
    [
      'sensitivity --markdown',
      'experiment',
      ['sensitivity', experiment, '--markdown', `${missing}/s.md`],
      /--markdown: the folder \/nonexistent-flatgov-folder does not exist/,
    ],
    ['sensitivity --out', 'experiment', ['sensitivity', experiment, '--out', tmp.dir], /--out: expected a file ending in \.json/],
    ['brief --out', 'brief', [experiment, '--out', `${missing}/b.html`], /--out: the folder \/nonexistent-flatgov-folder does not exist/],
  ];
  for (const [name, script, args, pattern] of cases)
    it(name, async () => {
      const t0 = performance.now();
      const r = await cli(script, args, { env });
      expect(r.stderr).toMatch(pattern);
      expect(isCleanUsageError(r), r.stderr).toBe(true);
      // Nothing ran: no progress and nothing in the cache.
      expect(r.stderr).not.toMatch(/runs/);
      expect(fs.existsSync(env.FLATGOV_CACHE) ? fs.readdirSync(env.FLATGOV_CACHE) : []).toEqual([]);
      expect(performance.now() - t0).toBeLessThan(60_000);
    });
});

it('merge checks --markdown with the shards, before merging', async () => {
  const r = await cli('experiment', ['merge', experiment, '--markdown', `${missing}/m.md`]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /2 problems:\n {2}--markdown: the folder \/nonexistent-flatgov-folder does not exist\n {2}merge: .*exp\.json is neither/,
  );
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

describe('budgets and workers', () => {
  it('study refuses 10,000 replications × 36,500 days before the first run, naming --allow-large', async () => {
    const r = await cli('study', ['layers', '--replications', '10000', '--days', '36500', '--workers', '1']);
    expect(r.stderr).toMatch(/this study needs .* over the budget .*pass --allow-large to run it anyway/);
    expect(isCleanUsageError(r), r.stderr).toBe(true);
  });
  it('sensitivity refuses an analysis past the budget before the first run', async () => {
    const long = tmp.file('long.json', { ...JSON.parse(fs.readFileSync(experiment, 'utf8')), days: 36500 });
    const r = await cli('experiment', ['sensitivity', long, '--trajectories', '1000', '--workers', '1'], { env });
    expect(r.stderr).toMatch(/this analysis \([\d,]+ runs\) .*over the budget.*--allow-large/);
    expect(isCleanUsageError(r), r.stderr).toBe(true);
  });
  it('brief refuses work past the budget', async () => {
    const big = tmp.file('big.json', { ...JSON.parse(fs.readFileSync(experiment, 'utf8')), replications: 10000, days: 36500 });
    const r = await cli('brief', [big, '--out', path.join(tmp.dir, 'big.html'), '--workers', '1'], { env });
    expect(r.stderr).toMatch(/this brief needs .*--allow-large/);
    expect(isCleanUsageError(r), r.stderr).toBe(true);
  });
  it('--workers 64 is capped at the cores, and says so', async () => {
    const r = await cli('study', ['ablation', '--workers', '64', '--replications', '2', '--days', '1', '--no-cache'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--workers 64: this machine has \d+ cores?; using \d+/);
  });
});

describe('a named pipe is refused at once by every reader', () => {
  const cases: [string, Script, () => string[]][] = [
    ['sim', 'sim', () => [fifo]],
    ['experiment', 'experiment', () => [fifo]],
    ['experiment merge', 'experiment', () => ['merge', fifo]],
    ['experiment sensitivity', 'experiment', () => ['sensitivity', fifo]],
    ['sensitivity --screening', 'experiment', () => ['sensitivity', experiment, '--screening', fifo]],
    ['brief', 'brief', () => [fifo, '--out', path.join(tmp.dir, 'p.html')]],
  ];
  for (const [name, script, args] of cases)
    it(name, async () => {
      if (!fs.existsSync(fifo)) execFileSync('mkfifo', [fifo]);
      const r = await cli(script, args(), { env, timeoutMs: 60_000 });
      expect(r.signal, 'it waited on the pipe').toBe(null);
      expect(r.stderr).toMatch(/pipe\.json: it is a named pipe/);
      expect(isCleanUsageError(r), r.stderr).toBe(true);
    });
});

describe('signals stop every long command with a message and 130 or 143', () => {
  const stops = (script: Script, args: string[], sig: NodeJS.Signals, ready: RegExp) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = start(script, args, env);
      let err = '';
      let sent = false;
      child.stderr!.on('data', (d) => {
        err += d;
        if (!sent && ready.test(err)) send();
      });
      const send = () => {
        if (!sent) {
          sent = true;
          // A moment for the first runs to start.
          setTimeout(() => child.kill(sig), 500);
        }
      };
      // Under load the first progress line may come late: a signal after ten seconds in any case.
      setTimeout(send, 10_000);
      child.on('exit', (code) => resolve({ code, err }));
    });
  it('SIGTERM stops a sensitivity analysis (exit 143), the runs that finished kept in the cache', async () => {
    const r = await stops('experiment', ['sensitivity', experiment, '--trajectories', '50', '--workers', '1'], 'SIGTERM', / runs of /);
    expect(r.code, r.err).toBe(143);
    expect(r.err).toMatch(/terminated: stopping, keeping the runs that finished \(in the cache\)/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it('SIGINT stops a study (exit 130) with a message and no stack trace', async () => {
    const r = await stops('study', ['layers-equal', '--replications', '20', '--days', '60', '--workers', '1'], 'SIGINT', /\d+\/\d+ runs/);
    expect(r.code, r.err).toBe(130);
    expect(r.err).toMatch(/interrupted: stopping, keeping the runs that finished/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
