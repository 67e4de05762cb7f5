/**
 * Beyond one machine: every design shards by one rule (`--shard i/N`) and merges into the
 * one machine's result, byte for byte: replications with a Latin hypercube and a series, a
 * sensitivity analysis in its two stages, a study. A shard killed or stopped resumes from
 * its journal, and the merge is still byte for byte. A flag a command cannot honour is an
 * error.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCleanUsageError, root, tempDir, type CliResult } from './cli-helpers.ts';

const tmp = tempDir('flatgov-cluster-');
const at = (f: string) => path.join(tmp.dir, f);
// A fixed manifest date, so that whole files can be compared; the cache is off (vitest.config.ts).
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };

function run(script: 'experiment' | 'study', args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `cli/${script}.ts`, ...args],
      { cwd: root, env, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, signal: null, stdout, stderr }),
    );
  });
}

async function ok(script: 'experiment' | 'study', args: string[]): Promise<CliResult> {
  const r = await run(script, args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const read = (f: string) => fs.readFileSync(at(f), 'utf8');

/** Start a command; once its journal holds `lines` runs, send it `signal`; resolve with its exit. */
function interrupt(script: 'experiment', args: string[], journal: string, lines: number, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, ...args], { cwd: root, env });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setInterval(() => {
    if (fs.existsSync(journal) && fs.readFileSync(journal, 'utf8').trim().split('\n').length > lines) {
      clearInterval(timer);
      child.kill(signal);
    }
  }, 20);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((res) =>
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      res({ code, signal: sig, stderr });
    }),
  );
}

describe('every design shards, and merges byte for byte', () => {
  const lhs = tmp.file('lhs.json', {
    name: 'a Latin hypercube with a series',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 2,
    days: 10,
    sweep: [
      { param: 'demand.casesPerResidentYear', from: 0.3, to: 0.7 },
      { param: 'levels[community].staffPerUnit', from: 4, to: 8 },
    ],
    design: { type: 'latin-hypercube', points: 3, seed: 5 },
    metrics: ['hoursToClose.mean', 'localResolutionShare', 'cost.perCaseYuan'],
    series: { every: 'weekly', metrics: ['open', 'closedInInterval'] },
  });

  it('a Latin hypercube with a series, as 5 shards, merges into the one machine’s five files', async () => {
    await ok('experiment', [lhs, '--workers', '2', '--out', at('lhs-one.csv'), '--quiet']);
    for (let i = 0; i < 5; i++)
      await ok('experiment', [lhs, '--workers', '1', '--shard', `${i}/5`, '--out', at(`lhs-${i}.json`), '--quiet']);
    await ok('experiment', ['merge', ...[0, 1, 2, 3, 4].map((i) => at(`lhs-${i}.json`)), '--out', at('lhs-merged.csv'), '--quiet']);
    for (const ext of ['csv', 'series.csv', 'summary.csv', 'differences.csv', 'manifest.json'])
      expect(read(`lhs-merged.${ext}`), ext).toBe(read(`lhs-one.${ext}`));
    // The weekly series of a 10-day run ends at day 10.
    expect(
      read('lhs-one.series.csv')
        .split('\n')
        .filter((l) => /,10,open,/.test(l)),
    ).toHaveLength(2 * 3 * 2);
  });

  const sens = tmp.file('sens.json', {
    name: 'a small sensitivity analysis',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 2,
    days: 3,
    metrics: ['hoursToClose.mean', 'localResolutionShare'],
    sensitivity: {
      assumptions: ['demand.casesPerResidentYear', 'population.residents', 'population.areaKm2'],
      morris: { trajectories: 2 },
      sobol: { top: 2, n: 4 },
      bootstrap: 50,
    },
  });

  it('a sensitivity analysis as 4 shards in each stage merges into the one machine’s result, byte for byte', async () => {
    await ok('experiment', ['sensitivity', sens, '--workers', '2', '--out', at('sens-one.json'), '--quiet']);
    const shards = [0, 1, 2, 3];
    for (const i of shards)
      await ok('experiment', ['sensitivity', sens, '--workers', '1', '--shard', `${i}/4`, '--out', at(`scr-${i}.json`), '--quiet']);
    const m1 = await ok('experiment', ['merge', ...shards.map((i) => at(`scr-${i}.json`)), '--out', at('screening.json')]);
    expect(m1.stderr).toMatch(/the screening \(20 runs\)\. Next, the Sobol stage/);
    for (const i of shards)
      await ok('experiment', [
        'sensitivity',
        sens,
        '--workers',
        '1',
        '--screening',
        at('screening.json'),
        '--shard',
        `${i}/4`,
        '--out',
        at(`sob-${i}.json`),
        '--quiet',
      ]);
    await ok('experiment', [
      'merge',
      ...shards.map((i) => at(`sob-${i}.json`)),
      '--out',
      at('sens-merged.json'),
      '--markdown',
      at('sens.md'),
    ]);
    expect(read('sens-merged.json') === read('sens-one.json')).toBe(true);
    expect(JSON.parse(read('sens-merged.json')).sobol.runs).toBe(4 * 4 * 2);
    expect(read('sens.md')).toMatch(/Sobol/);
    // A stage with a shard missing, or shards of both stages, are refused.
    const missing = await run('experiment', ['merge', ...[0, 1, 3].map((i) => at(`sob-${i}.json`)), '--out', at('x.json')]);
    expect(missing.stderr).toMatch(/missing sobol shard\(s\) 2\/4/);
    expect(isCleanUsageError(missing)).toBe(true);
    const mixed = await run('experiment', ['merge', at('scr-0.json'), at('sob-1.json'), '--out', at('x.json')]);
    expect(mixed.stderr).toMatch(/parts of both stages/);
  });

  it('a study as 2 shards, merged, prints what one machine prints, byte for byte', async () => {
    const args = ['decompose', 'traditional-county', 'longgang-2021', '--replications', '2', '--days', '2', '--json'];
    const one = await ok('study', [...args, '--workers', '2']);
    await ok('study', [...args, '--workers', '1', '--shard', '0/2', '--out', at('dec-0.json')]);
    await ok('study', [...args, '--workers', '1', '--shard', '1/2', '--out', at('dec-1.json')]);
    const merged = await ok('study', [...args, '--merge', at('dec-0.json'), at('dec-1.json')]);
    expect(merged.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).decomposition.length).toBeGreaterThan(0);
    // Shards of the same study with other options are refused.
    const other = await run('study', [
      'decompose',
      'traditional-county',
      'longgang-2021',
      '--replications',
      '3',
      '--days',
      '2',
      '--merge',
      at('dec-0.json'),
      at('dec-1.json'),
    ]);
    expect(other.stderr).toMatch(/the shards are of another study, or of this one with other options/);
  });
});

describe('a shard interrupted resumes from its journal', () => {
  const exp = tmp.file('long.json', {
    name: 'long enough to kill',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 24,
    days: 20,
    metrics: ['hoursToClose.mean', 'sla.close24h', 'levels[town].utilisation'],
  });

  it('killed outright (SIGKILL), run again: it runs only what is missing, and the merge is the uninterrupted run’s bytes', async () => {
    const shard = ['--workers', '1', '--shard', '0/2', '--out', at('k-0.json'), '--quiet'];
    const killed = await interrupt('experiment', [exp, ...shard], at('k-0.json.partial'), 4, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(at('k-0.json'))).toBe(false);
    const again = await run('experiment', [exp, ...shard.slice(0, -1)]);
    expect(again.code, again.stderr).toBe(0);
    const resumed = Number(/resuming: (\d+) replications already in/.exec(again.stderr)?.[1]);
    expect(resumed).toBeGreaterThanOrEqual(4);
    expect(again.stderr).toMatch(new RegExp(`resumed: ${resumed} from the journal, ${24 - resumed} run now`));
    expect(fs.existsSync(at('k-0.json.partial'))).toBe(false);
    await ok('experiment', [exp, '--workers', '1', '--shard', '1/2', '--out', at('k-1.json'), '--quiet']);
    await ok('experiment', ['merge', at('k-0.json'), at('k-1.json'), '--out', at('k-merged.csv'), '--quiet']);
    await ok('experiment', [exp, '--workers', '2', '--out', at('k-one.csv'), '--quiet']);
    for (const ext of ['csv', 'summary.csv', 'differences.csv', 'manifest.json'])
      expect(read(`k-merged.${ext}`), ext).toBe(read(`k-one.${ext}`));
  });

  it('a sensitivity shard stopped by SIGTERM keeps its journal, resumes from it, and merges into the one machine’s result', async () => {
    const sens = tmp.file('sens-long.json', {
      name: 'screening long enough to stop',
      structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
      replications: 2,
      days: 12,
      metrics: ['hoursToClose.mean'],
      sensitivity: {
        assumptions: ['demand.casesPerResidentYear', 'population.residents', 'population.areaKm2'],
        morris: { trajectories: 4 },
        sobol: null,
        bootstrap: 50,
      },
    });
    const shard = (i: number) => ['experiment', 'sensitivity', sens, '--workers', '1', '--shard', `${i}/2`, '--out', at(`t-${i}.json`)];
    const stopped = await interrupt('experiment', shard(0).slice(1), at('t-0.json.partial'), 3, 'SIGTERM');
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toMatch(/terminated: stopping, keeping the runs that finished/);
    expect(fs.existsSync(at('t-0.json'))).toBe(false);
    const again = await run('experiment', shard(0).slice(1));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/resuming: [3-9]\d* runs already in/);
    await ok('experiment', shard(1).slice(1));
    await ok('experiment', ['merge', at('t-0.json'), at('t-1.json'), '--out', at('t-merged.json'), '--quiet']);
    await ok('experiment', ['sensitivity', sens, '--workers', '2', '--out', at('t-one.json'), '--quiet']);
    expect(read('t-merged.json') === read('t-one.json')).toBe(true);
  });

  it('a journal of other runs is refused, never overwritten', async () => {
    fs.writeFileSync(at('other.json.partial'), '{"flatgov":"journal","experiment":"something else","id":"0"}\n');
    const r = await run('experiment', [exp, '--workers', '1', '--shard', '1/2', '--out', at('other.json')]);
    expect(r.stderr).toMatch(
      /other\.json\.partial holds the runs of "something else", not of this shard 1\/2 of "long enough to kill": remove it/,
    );
    expect(isCleanUsageError(r)).toBe(true);
  });
});

describe('a flag a command cannot honour is an error', () => {
  const sens = tmp.file('flags.json', { structures: [{ preset: 'longgang-2021' }], replications: 2, days: 1 });
  for (const [what, args, message] of [
    ['sensitivity --series', ['sensitivity', sens, '--series', 'daily'], /--series: not an option of sensitivity/],
    ['sensitivity --shard without --out', ['sensitivity', sens, '--shard', '0/2'], /--shard: give --out FILE\.json/],
    [
      'sensitivity --shard with --markdown',
      ['sensitivity', sens, '--shard', '0/2', '--out', at('f.json'), '--markdown', at('f.md')],
      /--markdown: a shard has no result/,
    ],
    ['experiment --markdown', [sens, '--markdown', at('f.md')], /--markdown: only with the sensitivity command/],
    ['experiment --screening', [sens, '--screening', at('f.json')], /--screening: only with the sensitivity command/],
  ] as const)
    it(what, async () => {
      const r = await run('experiment', [...args]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    });
});
