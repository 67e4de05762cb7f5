/**
 * npm run brief: the brief of an experiment file holds the experiment's own figures (as
 * `npm run experiment` reports them) with their intervals, the sentence naming the structure
 * that closes cases faster, two charts and the command that reproduces it; bad input gets a
 * message naming what was expected.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInterval } from '../render/headline.ts';
import { cli, root, tempDir } from './cli-helpers.ts';

function brief(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/brief.ts', ...args], { cwd: root, timeout: 120_000 }, (err, _stdout, stderr) => {
      const e = err as (Error & { code?: number }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stderr });
    });
  });
}

const experiment = {
  name: 'brief',
  structures: [
    { preset: 'traditional-county', label: 'County' },
    { preset: 'longgang-2021', label: 'Longgang' },
  ],
  replications: 2,
  days: 3,
  baseSeed: 4,
  metrics: ['hopsPerCase'],
};

describe('npm run brief', () => {
  it('writes the experiment’s figures with 95% intervals, the sentence, two charts and the command that reproduces it', async () => {
    const t = tempDir('flatgov-brief-');
    const file = t.file('exp.json', experiment);
    const out = path.join(t.dir, 'brief.html');
    const r = await brief([file, '--out', out, '--workers', '1']);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    // The same experiment through npm run experiment.
    const json = path.join(t.dir, 'results.json');
    const e = await cli('experiment', [
      t.file('exp2.json', { ...experiment, metrics: ['hoursToClose.mean', 'localResolutionShare'] }),
      '--out',
      json,
      '--workers',
      '1',
      '--quiet',
    ]);
    expect(e.code).toBe(0);
    const results = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      summary: { structure: string; metric: string; mean: number; low: number; high: number }[];
    };
    const cell = (s: string, m: string, unit: string) => {
      const x = results.summary.find((y) => y.structure === s && y.metric === m)!;
      return `<td data-metric="${m}">${formatInterval(x.mean, x.low, x.high, unit)}</td>`;
    };
    for (const s of ['County', 'Longgang']) {
      expect(html).toContain(cell(s, 'hoursToClose.mean', 'h'));
      expect(html).toContain(cell(s, 'localResolutionShare', 'share'));
    }
    const mean = (s: string) => results.summary.find((y) => y.structure === s && y.metric === 'hoursToClose.mean')!.mean;
    const faster = mean('County') < mean('Longgang') ? 'County' : 'Longgang';
    expect(html).toMatch(
      new RegExp(`id="sentence">${faster} closes cases [\\d.]+ h faster on average than \\w+ \\(95% CI -?[\\d.]+–-?[\\d.]+\\)`),
    );
    expect(html).toContain('2 replications of 3 days each, from seed 4');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<code id="command">npm run brief -- exp.json --out brief.html</code>');
    expect(html).toContain('@page { size: A4;');
  });

  it('with --decompose, says how much of the difference is each part, the sentence’s figures the table’s; without, how to compute it', async () => {
    const t = tempDir('flatgov-brief-');
    const file = t.file('exp.json', experiment);
    const out = path.join(t.dir, 'brief.html');
    const r = await brief([file, '--out', out, '--workers', '1', '--decompose']);
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    const fig = '(-?[\\d.]+) h \\(± ([\\d.]+) h\\)';
    const m = new RegExp(
      `id="sentence">(\\w+) closes cases [^<]*; over 2 paired replications of 3 days the difference is ${fig}, of which structure accounts for ${fig}, policy for ${fig}, resources for ${fig} and working hours for ${fig}\\. Mean time to close, closed cases: [^<]+<`,
    ).exec(html)!;
    expect(m, html.slice(html.indexOf('id="sentence"'), html.indexOf('id="sentence"') + 400)).not.toBeNull();
    // The sentence's figures are the table's, in the sentence's direction (Longgang is B: faster means B − A below zero).
    const sign = m[1] === 'Longgang' ? -1 : 1;
    const cell = /<td data-part="structure" data-metric="hoursToClose\.mean">(-?[\d.]+) ± ([\d.]+) h<\/td>/.exec(html)!;
    expect(Number(m[4])).toBeCloseTo(sign * Number(cell[1]), 6);
    expect(m[5]).toBe(cell[2]);
    const total = /<td data-metric="hoursToClose\.mean">(-?[\d.]+) ± ([\d.]+) h<\/td>/.exec(html.slice(html.indexOf('id="structural"')))!;
    expect(Number(m[2])).toBeCloseTo(sign * Number(total[1]), 6);
    // The parts add up to the difference, to the rounding of the five figures.
    const parts = [4, 6, 8, 10].reduce((a, k) => a + Number(m[k]), 0);
    const rounding = [2, 4, 6, 8, 10].reduce((a, k) => a + 0.5 * 10 ** -(m[k].split('.')[1]?.length ?? 0), 0);
    expect(Math.abs(parts - Number(m[2]))).toBeLessThanOrEqual(rounding + 1e-9);
    expect(html.match(/<td data-part="structure"/g)).toHaveLength(9);
    expect(html).toContain('<code id="command">npm run brief -- exp.json --out brief.html --decompose</code>');
    // Without --decompose: the command that computes it.
    const plain = path.join(t.dir, 'plain.html');
    expect((await brief([file, '--out', plain, '--workers', '1'])).code).toBe(0);
    expect(fs.readFileSync(plain, 'utf8')).toContain(
      'How much of each difference is structure:</b> not yet computed (npm run brief -- exp.json --out plain.html --decompose computes it).',
    );
  }, 240_000);

  it('refuses a sweep, a missing --out and an unknown language, saying what it expected', async () => {
    const t = tempDir('flatgov-brief-');
    const sweep = t.file('sweep.json', { ...experiment, sweep: [{ param: 'demand.casesPerResidentYear', values: [0.5, 1] }] });
    const r = await brief([sweep, '--out', path.join(t.dir, 'b.html'), '--workers', '1']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/sweeps 2 points; a brief compares structures at one point/);
    const plain = t.file('exp.json', experiment);
    const m = await brief([plain, '--lang', 'fr']);
    expect(m.code).not.toBe(0);
    expect(m.stderr).toMatch(/--out: expected the HTML file to write/);
    expect(m.stderr).toMatch(/--lang: expected en or zh, got "fr"/);
  });
});
