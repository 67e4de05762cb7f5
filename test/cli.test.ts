/**
 * The command line as a user meets it: a summary or JSON on a good scenario; every
 * problem with its path and what was expected, and exit status 2, on a bad one.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { presetJson } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Run a CLI script; its exit status, stdout and stderr. */
async function cli(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
const sim = (...args: string[]) => cli('cli/sim.ts', args);
const scenario = (...args: string[]) => cli('cli/scenario.ts', args);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flatgov-cli-'));
function file(name: string, content: unknown): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('npm run sim', () => {
  it('prints one JSON object with the documented fields', async () => {
    const r = await sim('longgang-2021', '--days', '10', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const k of [
      'scenario',
      'seed',
      'days',
      'cases',
      'closedAtLevel',
      'localResolutionShare',
      'hoursToClose',
      'sla',
      'throughputPerDay',
      'hopsPerCase',
      'staff',
      'cost',
      'trust',
      'bypassShare',
      'events',
    ])
      expect(s, k).toHaveProperty(k);
    expect(s).not.toHaveProperty('wallMs');
    const again = await sim('longgang-2021', '--days', '10', '--seed', '3', '--json');
    expect(again.stdout === r.stdout).toBe(true);
    const timed = await sim('longgang-2021', '--days', '10', '--seed', '3', '--json', '--timing');
    expect(JSON.parse(timed.stdout).wallMs).toBeGreaterThan(0);
    expect(s.seed).toBe(3);
    expect(s.days).toBe(10);
    expect(s.cases.created).toBe(s.cases.closed + s.cases.open + s.cases.lost);
    expect(Object.keys(s.sla).sort()).toEqual(['accept30m', 'close24h', 'difficult5wd', 'onsite1h']);
  });

  it('runs the default scenario with no arguments and prints a readable table', async () => {
    const r = await sim('--days', '5');
    expect(r.code).toBe(0);
    // Every figure by the catalogue's label, with its unit.
    expect(r.stdout).toMatch(/^Closed at grid or community \(of all cases raised\)\s+\d+\.\d %$/m);
    expect(r.stdout).toMatch(/^Annual administrative cost\s+[\d,.]+ million yuan\/year$/m);
    expect(r.stdout).toMatch(/^90th percentile time to close, open cases counted\s+([\d,.]+ h|not reached)$/m);
  });

  const good = presetJson('longgang-2021') as Record<string, any>;
  const cases: [string, unknown, RegExp[]][] = [
    ['missing field', { ...good, levels: undefined }, [/levels: required/]],
    [
      'wrong type',
      { ...good, population: { ...good.population, residents: 'many' } },
      [/population\.residents: expected number, got "many"/],
    ],
    ['out of range', { ...good, demand: { fieldShare: 1.5 } }, [/demand\.fieldShare: expected ≤ 1 share, got 1\.5/]],
    [
      'zero units',
      { ...good, levels: [{ ...good.levels[0], units: 0 }, ...good.levels.slice(1)] },
      [/levels\[0\]\.units: expected ≥ 1 offices, got 0/],
    ],
    [
      'thresholds out of order',
      {
        ...good,
        levels: [
          { ...good.levels[0], competence: null, threshold: 0.7 },
          { ...good.levels[1], competence: null, threshold: 0.1 },
          good.levels[2],
        ],
      },
      [/levels\[1\]\.threshold: expected a competence threshold ≥ the level below's \(0\.7\), got 0\.1/],
    ],
    [
      'uncovered domain',
      { ...good, domains: [...good.domains, { id: 'weather', name: 'Weather' }] },
      [/domains\[8\]: domain "weather" is covered by no department/],
    ],
    ['unknown field', { ...good, centre: { ...good.centre, staf: 3 } }, [/centre: unknown field "staf"/]],
    ['older schema', { ...good, schemaVersion: 0 }, [/schemaVersion: this scenario was written for schema version 0/]],
    [
      'several problems at once',
      { ...good, population: { residents: -1, microGrids: 0.5 } },
      [/population\.residents: expected ≥ 1 residents, got -1/, /population\.microGrids: expected int/],
    ],
  ];
  for (const [name, content, patterns] of cases) {
    it(`refuses a scenario with ${name}, naming the path, with exit status 2`, async () => {
      const r = await sim(file(`${name.replace(/\W+/g, '-')}.json`, content), '--days', '1');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      for (const p of patterns) expect(r.stderr).toMatch(p);
    });
  }

  it('reports malformed JSON with its line and column', async () => {
    const r = await sim(file('broken.json', '{\n  "schemaVersion": 1,\n  "id": oops\n}'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON \(line 3, column \d+\)/);
  });

  it('refuses an unknown preset or a bad option with exit status 2', async () => {
    expect((await sim('no-such-preset')).code).toBe(2);
    const r = await sim('--days', 'ten');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days: expected a number/);
  });
});

describe('npm run scenario', () => {
  it('validate accepts a good file and refuses a bad one with every problem and exit status 2', async () => {
    const good = file('good.json', presetJson('longgang-2019'));
    expect((await scenario('validate', good)).stdout).toMatch(/good\.json: valid/);
    const bad = file('bad.json', { ...(presetJson('longgang-2019') as object), travel: { speedKmh: -1 } });
    const r = await scenario('validate', good, bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/travel\.speedKmh: expected ≥ 0\.1 km\/h, got -1/);
  });

  it('says "1 parameter differs", and warns when a level named community is not of that kind', async () => {
    const mine = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'my-county.json'), 'utf8'));
    const a = file('kind-a.json', mine);
    delete mine.levels[1].kind;
    const b = file('kind-b.json', mine);
    const r = await scenario('diff', a, b);
    expect(r.stdout).toMatch(
      /^1 parameter differs \(my-county → my-county\):\n\s+levels\[community\]\.kind\s+"community" → "intermediate"/,
    );
    expect(r.stderr).toMatch(
      /warning: .*kind-b\.json: levels\[community\] is named like a community level but its kind is "intermediate" \(the default\)/,
    );
    expect(r.stderr).not.toMatch(/kind-a\.json/);
  });

  it('diff lists every parameter that differs, with units', async () => {
    const r = await scenario('diff', 'longgang-2020', 'longgang-2021');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/parameters differ \(longgang-2020 → longgang-2021\)/);
    expect(r.stdout).toMatch(/levers\.cadresSentDown\s+0\.5 → 0\.7 share/);
    expect(r.stdout).toMatch(/levels\[unit\]\s+\(absent\) → "present"/);
  });
});

describe('npm run experiment', () => {
  const exp = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(tsx, ['cli/experiment.ts', ...args], { cwd: root }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('runs an experiment file in shards that merge into the single-machine result', async () => {
    const e = file('exp.json', {
      name: 'small',
      structures: [{ preset: 'longgang-2020' }, { file: 'mine.json', label: 'mine' }],
      replications: 3,
      days: 5,
      metrics: ['hoursToClose.mean', 'sla.close24h'],
    });
    file('mine.json', presetJson('longgang-2021'));
    const whole = path.join(tmp, 'whole.json');
    const r = await exp(e, '--workers', '2', '--out', whole);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/small: 3 replications × 5 days/);
    expect(r.stdout).toMatch(/Mean time to close, closed cases \(h\)\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+-?[\d.]+ ± [\d.]+ \(p/);
    expect(r.stderr).toMatch(/^6 of 6 runs in \d+ s$/m);
    expect(r.stderr).not.toMatch(/\r/);
    for (const i of [0, 1])
      expect((await exp(e, '--shard', `${i}/2`, '--out', path.join(tmp, `s${i}.json`), '--workers', '1')).code).toBe(0);
    const merged = path.join(tmp, 'merged.json');
    expect((await exp('merge', path.join(tmp, 's0.json'), path.join(tmp, 's1.json'), '--out', merged)).code).toBe(0);
    const strip = (f: string) => {
      const o = JSON.parse(fs.readFileSync(f, 'utf8'));
      delete o.manifest.date;
      return JSON.stringify(o);
    };
    expect(strip(merged) === strip(whole)).toBe(true);
    // The manifest names the model version and the commit of this checkout.
    const { manifest } = JSON.parse(fs.readFileSync(whole, 'utf8'));
    expect(manifest.modelVersion).toBe(MODEL_VERSION);
    expect(manifest.commit).toMatch(
      new RegExp(`^${execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()}(-dirty)?$`),
    );
  });

  it('pipes tidy CSV to standard output, and writes a CSV file with its manifest and series beside it', async () => {
    const args = ['--compare', 'traditional-county,longgang-2021', '--replications', '2', '--days', '3', '--workers', '1'];
    const piped = await exp(...args, '--series', 'daily', '--series-metrics', 'open,levels[community].queued', '--out', '-', '--quiet');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    const rows = csvParse(piped.stdout);
    expect(rows.columns).toEqual(['structure', 'replication', 'seed', 'day', 'metric', 'value', 'unit']);
    expect(rows).toHaveLength(2 * 2 * 3 * 2);
    // Relative paths are relative to the folder the command runs in.
    const r = await new Promise<{ code: number }>((resolve) =>
      execFile(tsx, [path.join(root, 'cli/experiment.ts'), ...args, '--series', 'weekly', '--out', 'res.csv'], { cwd: tmp }, (err) =>
        resolve({ code: err ? 1 : 0 }),
      ),
    );
    expect(r.code).toBe(0);
    const table = csvParse(fs.readFileSync(path.join(tmp, 'res.csv'), 'utf8'));
    expect(table.columns).toEqual(['structure', 'replication', 'seed', 'metric', 'value', 'unit']);
    const manifest = JSON.parse(fs.readFileSync(path.join(tmp, 'res.manifest.json'), 'utf8'));
    expect(manifest.experiment.series).toEqual({
      every: 'weekly',
      metrics: ['open', 'closedInInterval', 'localResolutionShare', 'sla.close24h', 'trust.mean'],
    });
    expect(manifest.seeds).toHaveLength(2);
    expect(fs.existsSync(path.join(tmp, 'res.series.csv'))).toBe(true);
  });

  it('refuses a bad experiment with every problem and exit status 2', async () => {
    const e = file('bad-exp.json', {
      structures: [{ preset: 'longgang-2021', overrides: { 'levels[town].units': 3 } }],
      replications: 1,
      metrics: ['speed'],
    });
    const r = await exp(e);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replications: .*2/);
    expect(r.stderr).toMatch(/metrics\[0\]: expected a metric id/);
  });

  it('stops on Ctrl-C, keeping what finished', async () => {
    const out = path.join(tmp, 'partial.json');
    const child = spawn(
      tsx,
      [
        'cli/experiment.ts',
        '--compare',
        'traditional-county,longgang-2021',
        '--replications',
        '200',
        '--days',
        '60',
        '--workers',
        '1',
        '--out',
        out,
        '--progress',
      ],
      { cwd: root },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      if (/[1-9]\d*\/400 runs/.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    expect(code).toBe(130);
    const o = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(o.manifest.complete).toBe(false);
    expect(o.rows.length).toBeGreaterThan(0);
    expect(o.rows.length).toBeLessThan(400 * 14);
  });
});
