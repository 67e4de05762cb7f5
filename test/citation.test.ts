/**
 * What a researcher cites: one package version everywhere (package.json, deno.json,
 * CITATION.cff, the `flatgov --version` command, manifests), a licence, and a changelog
 * entry for the current model and package versions.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../sim/version.ts';
import { FLATGOV_VERSION } from '../experiments/identity.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const pkg = JSON.parse(read('package.json'));
const cff = read('CITATION.cff');
const cffField = (key: string) => cff.match(new RegExp(`^${key}: *"?([^"\\n]+)"?$`, 'm'))?.[1];

describe('citation and versions', () => {
  it('states one package version in package.json, deno.json, CITATION.cff and the code', () => {
    expect(FLATGOV_VERSION).toBe(pkg.version);
    expect(JSON.parse(read('deno.json')).version).toBe(pkg.version);
    expect(cffField('version')).toBe(pkg.version);
  });

  it('prints that version from `flatgov --version`', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/flatgov.ts', '--version'], { cwd: root });
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('has a CITATION.cff in format 1.2.0 under the licence package.json names, and ships it with the licence', () => {
    expect(cffField('cff-version')).toBe('1.2.0');
    expect(cffField('license')).toBe(pkg.license);
    expect(cff).toMatch(/^authors:\n {2}- name: "The flatgov authors"$/m);
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The flatgov authors\n/);
    expect(pkg.files).toEqual(expect.arrayContaining(['LICENSE', 'CITATION.cff', 'CHANGELOG.md']));
  });

  it('has a changelog entry for the current model version and package version', () => {
    const headings = [...read('CHANGELOG.md').matchAll(/^## Model (\S+) — package (\S+) /gm)];
    expect(headings.map((m) => m[1])).toContain(MODEL_VERSION);
    expect(headings[0][1]).toBe(MODEL_VERSION);
    expect(headings[0][2]).toBe(pkg.version);
  });
});
