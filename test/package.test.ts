/**
 * The package as a researcher gets it: `npm pack`, installed into an empty folder, imported
 * from Node and from Deno (no tsx, no checkout), running a comparison and a sweep with
 * time series whose CSV d3-dsv parses; the `flatgov` command runs as plain Node.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate.ts';
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { denoBin } from './deno-bin.ts';

const run = promisify(execFile);
/** The oldest TypeScript the package's typings compile with (the README says so; tested below). */
const MIN_TYPESCRIPT = '5.7.3';
const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flatgov-package-'));
const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', npm_config_update_notifier: 'false' };

beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, env, maxBuffer: 64 << 20 });
  const tarball = path.join(dir, JSON.parse(stdout)[0].filename);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'notebook', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: dir, env });
  fs.copyFileSync(path.join(root, 'test', 'package', 'use.mjs'), path.join(dir, 'use.mjs'));
}, 300_000);

describe('the packed library in an empty folder', () => {
  it('ships compiled JavaScript, types, presets and schemas, and no TypeScript sources or tsx', () => {
    const pkg = path.join(dir, 'node_modules', 'flatgov');
    expect(fs.existsSync(path.join(pkg, 'build', 'lib', 'index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'build', 'scenarios', 'presets', 'longgang-2021.json'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'scenarios', 'experiment.schema.json'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'sim'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'node_modules', 'tsx'))).toBe(false);
  });

  const expected = () => ({
    presets: PRESET_IDS,
    closed: simulate(loadPreset('longgang-2021'), { seed: 7, days: 5 }).summary.cases.closed,
    differences: 14,
    rowsColumns: ['structure', 'replication', 'seed', 'metric', 'value', 'unit'],
    rows: 2 * 3 * 14,
    seriesColumns: ['structure', 'demand.casesPerResidentYear', 'replication', 'seed', 'day', 'metric', 'value', 'unit'],
    series: 2 * 2 * 2 * 3,
    hook: 2 * 2 * 2,
    diff: true,
  });

  let nodeOut: Record<string, unknown>;
  it('imports and runs from Node: a comparison and a sweep with time series, CSV parsed by d3-dsv', async () => {
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: dir, env });
    nodeOut = JSON.parse(stdout);
    expect(nodeOut).toMatchObject(expected());
  });

  it('imports and runs from Deno, worker threads included, with the same figures bit for bit', async () => {
    const { stdout } = await run(denoBin(), ['run', '--allow-read', '--allow-env', '--allow-sys', 'use.mjs'], { cwd: dir, env });
    const out = JSON.parse(stdout);
    expect(out).toMatchObject(expected());
    expect(out.meanHours).toBe(nodeOut.meanHours);
  });

  it("runs the README's examples from the installed package, printing what the README shows", async () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it from code'), readme.indexOf('\n## ', readme.indexOf('## Use it from code') + 5));
    const blocks = [...section.matchAll(/```(js|text)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
    const scripts = blocks.filter((b) => b.lang === 'js');
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    const outputs: string[] = [];
    for (const [i, b] of scripts.entries()) {
      fs.writeFileSync(path.join(dir, `readme-${i}.mjs`), b.code);
      outputs.push((await run(process.execPath, [`readme-${i}.mjs`], { cwd: dir, env })).stdout);
    }
    // The comparison prints exactly the figures shown under it (same seeds everywhere).
    const shown = blocks[blocks.findIndex((b) => b.lang === 'js') + 1];
    expect(shown.lang).toBe('text');
    expect(outputs[0]).toBe(shown.code);
    expect(outputs[1]).toMatch(/^60 end-of-run rows, 480 series rows\n$/);
    expect(outputs[2].trim().split('\n')).toHaveLength(4);
    expect(outputs[3]).toMatch(/^day 7: \d+ open, [\d.]+% closed at grid or community\n/);
    // The same problem followed in both structures, as the README shows; its parts add up to its time to close.
    const jsAt = blocks.map((b, i) => (b.lang === 'js' ? i : -1)).filter((i) => i >= 0);
    expect(blocks[jsAt[4] + 1]).toEqual({ lang: 'text', code: outputs[4] });
    const lines = outputs[4].trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['traditional-county', 'longgang-2021']);
    for (const l of lines) {
      const m = /: (closed|lost) after ([\d.]+) h \((.*)\)$/.exec(l)!;
      const sum = [...m[3].matchAll(/ ([\d.]+) h/g)].reduce((a, x) => a + Number(x[1]), 0);
      expect(Math.abs(sum - Number(m[2]))).toBeLessThan(0.01 * (m[3].split(',').length + 1));
    }
  });

  it('runs the flatgov command as plain Node: sim, experiment to a pipe, and help for each', async () => {
    const bin = path.join(dir, 'node_modules', '.bin', 'flatgov');
    const sim = await run(bin, ['sim', 'longgang-2021', '--days', '5', '--seed', '7', '--json'], { cwd: dir, env });
    expect(JSON.parse(sim.stdout).cases.closed).toBe(nodeOut.closed);
    const exp = await run(
      bin,
      [
        'experiment',
        '--compare',
        'traditional-county,longgang-2021',
        '--replications',
        '2',
        '--days',
        '3',
        '--workers',
        '1',
        '--series',
        'daily',
        '--out',
        '-',
        '--quiet',
      ],
      { cwd: dir, env },
    );
    expect(exp.stdout.split('\n')[0]).toBe('structure,replication,seed,day,metric,value,unit');
    // Outside a flatgov checkout the manifest's commit comes from FLATGOV_COMMIT, else it is unknown.
    const manifestOf = async (extra: Record<string, string>) => {
      const args = [
        'experiment',
        '--compare',
        'longgang-2021',
        '--replications',
        '2',
        '--days',
        '1',
        '--workers',
        '1',
        '--out',
        '-',
        '--format',
        'json',
        '--quiet',
      ];
      return JSON.parse((await run(bin, args, { cwd: dir, env: { ...env, ...extra } })).stdout).manifest;
    };
    expect(await manifestOf({ FLATGOV_COMMIT: 'abc123' })).toMatchObject({ modelVersion: MODEL_VERSION, commit: 'abc123' });
    expect((await manifestOf({ FLATGOV_COMMIT: '' })).commit).toBe('unknown');
    for (const cmd of ['sim', 'scenario', 'experiment', 'study', 'brief', 'validate', 'cache', 'bench'])
      expect((await run(bin, [cmd, '--help'], { cwd: dir, env })).stdout).toMatch(/^usage:\s+flatgov /);
  });

  it('runs a study and a brief through the installed bin; validate says it needs a checkout', async () => {
    const bin = path.join(dir, 'node_modules', '.bin', 'flatgov');
    const quick = ['--replications', '2', '--days', '1', '--workers', '1', '--no-cache'];
    const study = await run(bin, ['study', 'calibration', ...quick], { cwd: dir, env });
    expect(study.stdout).toMatch(/^\| .* \|$/m);
    expect(study.stdout).toMatch(/over 2 replications of 1 days/);
    fs.writeFileSync(
      path.join(dir, 'brief-exp.json'),
      JSON.stringify({ structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }], replications: 2, days: 1 }),
    );
    await run(bin, ['brief', 'brief-exp.json', '--out', 'brief.html', '--workers', '1', '--no-cache'], { cwd: dir, env });
    expect(fs.readFileSync(path.join(dir, 'brief.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const validate = await run(bin, ['validate'], { cwd: dir, env }).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(validate?.code).toBe(2);
    expect(validate?.stderr).toMatch(/^error: validate: .*installed package: in a checkout \(git clone\), run npm run validate\n$/);
  });
});

describe('the installed package on a cluster', () => {
  const bin = () => path.join(dir, 'node_modules', '.bin', 'flatgov');
  const long = [
    'experiment',
    '--compare',
    'traditional-county,longgang-2021',
    '--replications',
    '200',
    '--days',
    '30',
    '--workers',
    '1',
    '--progress',
  ];

  /**
   * Start `cmd`, send `sig` once some runs have finished — to it alone, or with `group` to its
   * whole process group, as a terminal's Ctrl-C does; the output once written.
   */
  async function stopped(cmd: string, args: string[], sig: NodeJS.Signals, out: string, group = false) {
    const { spawn } = await import('node:child_process');
    const child = spawn(cmd, args, { cwd: dir, env, detached: group });
    let err = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      err += d;
      if (!sent && /[1-9]\d*\/400 runs/.test(err)) {
        sent = true;
        if (group) process.kill(-child.pid!, sig);
        else child.kill(sig);
      }
    });
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    // Under npx the command may finish writing just after npx itself has gone.
    for (let i = 0; i < 200 && !fs.existsSync(out); i++) await new Promise((res) => setTimeout(res, 100));
    await new Promise((res) => setTimeout(res, 300));
    return { code, err, out: JSON.parse(fs.readFileSync(out, 'utf8')) };
  }

  for (const [sig, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`the installed bin stops on ${sig}, keeping the replications that finished (exit ${status})`, async () => {
      const out = path.join(dir, `bin-${sig}.json`);
      const r = await stopped(bin(), [...long, '--out', out], sig, out);
      expect(r.code, r.err).toBe(status);
      expect(r.out.manifest.complete).toBe(false);
      expect(r.out.rows.length).toBeGreaterThan(0);
      expect(fs.existsSync(`${out}.partial`)).toBe(true);
    });

    // SIGTERM comes to npx alone (kill, a scheduler); SIGINT comes from Ctrl-C, to the terminal's whole process group.
    const how = sig === 'SIGTERM' ? 'sent to npx alone' : 'from Ctrl-C (the process group)';
    it(`npx flatgov stops on ${sig} ${how}, keeping the replications that finished`, async () => {
      const out = path.join(dir, `npx-${sig}.json`);
      const r = await stopped('npx', ['--no-install', 'flatgov', ...long, '--out', out], sig, out, sig === 'SIGINT');
      expect(r.code).not.toBe(0);
      expect(r.out.manifest.complete).toBe(false);
      expect(r.out.rows.length).toBeGreaterThan(0);
      expect(r.out.rows.length).toBeLessThan(400 * 14);
    });
  }

  // 16 runs: one for each of the recipes' 16 shards.
  const shardExperiment = {
    name: 'recipes',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 8,
    days: 3,
    metrics: ['hoursToClose.mean', 'localResolutionShare'],
  };

  it("runs the README's GNU parallel recipe as written, and its merge equals one machine's run", async () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /```sh\n(# GNU parallel[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README shows the GNU parallel recipe').toBeTruthy();
    const work = fs.mkdtempSync(path.join(dir, 'parallel-'));
    fs.symlinkSync(path.join(dir, 'node_modules'), path.join(work, 'node_modules'));
    fs.writeFileSync(path.join(work, 'exp.json'), JSON.stringify(shardExperiment));
    const shenv = { ...env, SOURCE_DATE_EPOCH: '1767225600', FLATGOV_CACHE: 'off' };
    await run('bash', ['-euo', 'pipefail', '-c', block!], { cwd: work, env: shenv });
    await run(bin(), ['experiment', 'exp.json', '--out', 'one.csv', '--quiet'], { cwd: work, env: shenv });
    for (const f of ['csv', 'summary.csv', 'differences.csv', 'manifest.json'])
      expect(fs.readFileSync(path.join(work, `results.${f}`), 'utf8'), f).toBe(fs.readFileSync(path.join(work, `one.${f}`), 'utf8'));
  });

  it('runs the Kubernetes manifests’ commands, index by index, and their merge equals one machine’s run', async () => {
    const list = (yaml: string, key: string) => {
      const m = new RegExp(`${key}:\\s*\\[([\\s\\S]*?)\\]`).exec(yaml);
      return [...(m?.[1] ?? '').matchAll(/'([^']*)'/g)].map((x) => x[1]);
    };
    const job = fs.readFileSync(path.join(root, 'examples', 'cluster', 'kubernetes-job.yaml'), 'utf8');
    const merge = fs.readFileSync(path.join(root, 'examples', 'cluster', 'kubernetes-merge.yaml'), 'utf8');
    const completions = Number(/^\s+completions: (\d+)$/m.exec(job)![1]);
    const [cmd, ...cmdArgs] = list(job, 'command');
    const args = list(job, 'args');
    expect(cmd).toBe('node');
    expect(args).toContain(`$(JOB_COMPLETION_INDEX)/${completions}`);
    const work = fs.mkdtempSync(path.join(dir, 'kubernetes-'));
    fs.symlinkSync(path.join(dir, 'node_modules'), path.join(work, 'node_modules'));
    fs.mkdirSync(path.join(work, 'out'));
    fs.writeFileSync(path.join(work, 'exp.json'), JSON.stringify({ ...shardExperiment, replications: completions }));
    const kenv = { ...env, SOURCE_DATE_EPOCH: '1767225600', FLATGOV_CACHE: 'off' };
    // Kubernetes expands $(JOB_COMPLETION_INDEX) in args from the container's environment.
    for (let i = 0; i < completions; i++)
      await run(cmd, [...cmdArgs, ...args.map((a) => a.replaceAll('$(JOB_COMPLETION_INDEX)', String(i))), '--quiet'], {
        cwd: work,
        env: kenv,
      });
    const [mcmd, ...margs] = list(merge, 'command');
    await run(mcmd, margs, { cwd: work, env: kenv });
    await run(bin(), ['experiment', 'exp.json', '--workers', '2', '--out', 'one.csv', '--quiet'], { cwd: work, env: kenv });
    for (const f of ['csv', 'summary.csv', 'manifest.json'])
      expect(fs.readFileSync(path.join(work, 'out', `results.${f}`), 'utf8'), f).toBe(fs.readFileSync(path.join(work, `one.${f}`), 'utf8'));
  });

  it(`its typings compile with TypeScript ${MIN_TYPESCRIPT}, the oldest the README states`, async () => {
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`TypeScript ${MIN_TYPESCRIPT.replace(/\.\d+$/, '')} or later`);
    const prefix = path.join(root, '.cache', `typescript-${MIN_TYPESCRIPT}`);
    const tsc = path.join(prefix, 'node_modules', '.bin', 'tsc');
    if (!fs.existsSync(tsc))
      await run(
        'npm',
        ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `typescript@${MIN_TYPESCRIPT}`],
        { env },
      );
    fs.writeFileSync(path.join(dir, 'use.ts'), USE_TS);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const r = await run(tsc, ['-v'], { cwd: dir, env });
    expect(r.stdout.trim()).toBe(`Version ${MIN_TYPESCRIPT}`);
    await run(tsc, ['-p', '.'], { cwd: dir, env });
  });
});

/** A TypeScript user of the installed package (strict, library checks on, no Node types). */
const USE_TS = `// A TypeScript user of the installed package (strict, library checks on, no Node types):
// the package test compiles it with the oldest TypeScript the README states.
import { loadPreset, simulate, type Summary } from 'flatgov';
import { experiment, summaryToCsv, type ExperimentInput, type ExperimentOutput } from 'flatgov/experiments';
import { diffScenarios, validateScenario } from 'flatgov/scenarios';

const summary: Summary = simulate(loadPreset('longgang-2021'), { seed: 1, days: 1 }).summary;
const input: ExperimentInput = { structures: [{ preset: 'longgang-2021' }], replications: 2, days: 1 };
const out: ExperimentOutput = await experiment(input, { workers: 0 });
// @ts-expect-error: a misspelt field does not compile
await experiment({ structures: [{ preset: 'longgang-2021' }], replicatons: 2 });
const ok: boolean = validateScenario(loadPreset('proposal-3')).ok;
export const used = [summary.cases.closed, summaryToCsv(out).length, diffScenarios, ok];
`;
