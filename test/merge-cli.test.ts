/**
 * Merges verify what they merge (issue 24), through the command line: every shard carries
 * the checksums of its manifest and rows, and `experiment merge`, a study's `--merge`, the
 * merge of a sensitivity analysis's parts and its `--screening` check them, then every field
 * (seeds by the experiment's rule, values), before using anything. A shard edited is one
 * error line naming the file and the field (exit status 2); honest shards still merge into
 * the one machine's file byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { partChecksums, shardChecksums } from '../experiments/checksums.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';
import type { SensitivityPart } from '../experiments/sensitivity-shard.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { cli, isCleanUsageError, tempDir, type Script } from './cli-helpers.ts';

const tmp = tempDir('flatgov-merge-cli-');
const at = (f: string) => path.join(tmp.dir, f);
// The test's own cache, and a fixed manifest date so that whole files can be compared.
const env = { FLATGOV_CACHE: at('cache'), SOURCE_DATE_EPOCH: '1767225600' };
const exp = tmp.file('exp.json', {
  name: 'two structures',
  structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
  replications: 3,
  days: 2,
  metrics: ['hoursToClose.mean', 'sla.close24h'],
});

async function ok(script: Script, args: string[]) {
  const r = await cli(script, args, { env });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** The one error line of a refusal (exit status 2, no stack trace). */
async function refusal(script: Script, args: string[]): Promise<string> {
  const r = await cli(script, args, { env });
  expect(isCleanUsageError(r), r.stderr).toBe(true);
  return r.stderr.trim();
}

const readJson = <T>(f: string): T => JSON.parse(fs.readFileSync(at(f), 'utf8')) as T;

/** A copy of a shard file, edited; with `resign`, its checksums written again (as a careless or deliberate writer could). */
async function tampered<T extends object>(from: string, to: string, edit: (o: T) => void, resign?: (o: T) => Promise<unknown>) {
  const o = readJson<T>(from);
  edit(o);
  if (resign) (o as { checksums?: unknown }).checksums = await resign(o);
  fs.writeFileSync(at(to), JSON.stringify(o, null, 2));
  return at(to);
}
const shard = (o: ExperimentOutput) => shardChecksums(o);
const part = (o: SensitivityPart) => partChecksums(o);

describe('experiment merge verifies each shard', () => {
  beforeAll(async () => {
    await ok('experiment', [exp, '--workers', '1', '--out', at('one.json'), '--quiet']);
    for (const i of [0, 1])
      await ok('experiment', [exp, '--workers', '1', '--shard', `${i}/2`, '--out', at(`part-${i + 1}.json`), '--quiet']);
  }, 120_000);

  it('honest shards merge into the one machine’s file, byte for byte', async () => {
    await ok('experiment', ['merge', at('part-1.json'), at('part-2.json'), '--out', at('merged.json'), '--quiet']);
    expect(fs.readFileSync(at('merged.json'), 'utf8')).toBe(fs.readFileSync(at('one.json'), 'utf8'));
    expect(readJson<ExperimentOutput>('part-2.json').checksums!.rows).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a value edited to a plausible number, naming the file and the rows', async () => {
    const bad = await tampered<ExperimentOutput>('part-2.json', 'plausible.json', (o) => (o.rows[3].value = o.rows[3].value * 1.01 + 0.01));
    expect(await refusal('experiment', ['merge', at('part-1.json'), bad])).toBe(
      `error: merge: ${bad}: rows: checksum does not match the rows (edited?)`,
    );
  });

  it('refuses a value edited to "abc", with or without its checksum written again', async () => {
    const abc = (o: ExperimentOutput) => ((o.rows[3] as { value: unknown }).value = 'abc');
    const bad = await tampered('part-2.json', 'abc.json', abc);
    expect(await refusal('experiment', ['merge', at('part-1.json'), bad])).toMatch(
      /: rows: checksum does not match the rows \(edited\?\)$/,
    );
    const signed = await tampered('part-2.json', 'abc-signed.json', abc, shard);
    expect(await refusal('experiment', ['merge', at('part-1.json'), signed])).toBe(
      `error: merge: ${signed}: rows[3].value: expected a number (or null for a value missing), got "abc"`,
    );
  });

  it("refuses a row's seed that is not the experiment's seed of its replication", async () => {
    const o = readJson<ExperimentOutput>('part-2.json');
    const r = o.rows[5];
    expect(r.seed).toBe(replicationSeed(1, r.replication));
    const bad = await tampered<ExperimentOutput>('part-2.json', 'seed.json', (x) => (x.rows[5].seed = 5), shard);
    expect(await refusal('experiment', ['merge', at('part-1.json'), bad])).toBe(
      `error: merge: ${bad}: rows[5].seed: expected ${r.seed} for replication ${r.replication} of "${r.structure}", got 5`,
    );
  });

  it('refuses an edited manifest: by its checksum, and field by field when it is written again', async () => {
    const days = await tampered<ExperimentOutput>('part-2.json', 'days.json', (o) => (o.manifest.experiment.days = 3));
    expect(await refusal('experiment', ['merge', at('part-1.json'), days])).toBe(
      `error: merge: ${days}: manifest: checksum does not match the manifest (edited?)`,
    );
    // A billion replications, checksums and all: refused from the seeds the file holds, at once.
    const huge = (o: ExperimentOutput) => (o.manifest.replications = 1e9);
    const files = [await tampered('part-1.json', 'huge-1.json', huge, shard), await tampered('part-2.json', 'huge-2.json', huge, shard)];
    const t0 = performance.now();
    expect(await refusal('experiment', ['merge', ...files])).toBe(
      `error: merge: ${files[0]}: manifest.replications: expected 3 (the experiment's replications), got 1000000000`,
    );
    expect(performance.now() - t0).toBeLessThan(20_000);
    const schema = await tampered<ExperimentOutput>('part-2.json', 'schema.json', (o) => (o.manifest.scenarioSchemaVersion = 99), shard);
    expect(await refusal('experiment', ['merge', at('part-1.json'), schema])).toBe(
      `error: merge: ${schema}: manifest.scenarioSchemaVersion: expected 2 (this flatgov's scenario schema), got 99`,
    );
  });

  it('refuses a shard without checksums, saying to run it again', async () => {
    const old = await tampered<ExperimentOutput>('part-2.json', 'old.json', (o) => delete o.checksums);
    expect(await refusal('experiment', ['merge', at('part-1.json'), old])).toMatch(/: checksums: missing: .*: run the shard again$/);
  });

  it('refuses an experiment that lists a metric twice, when it is read (the experiment file and --metrics)', async () => {
    const twice = tmp.file('twice.json', {
      ...readJson<object>('exp.json'),
      metrics: ['sla.close24h', 'hoursToClose.mean', 'sla.close24h'],
    });
    for (const args of [[twice], [exp, '--metrics', 'sla.close24h,sla.close24h']]) {
      const r = await cli('experiment', [...args, '--workers', '1'], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: experiment is not valid:\n {2}metrics\[\d\]: "sla\.close24h" is listed twice\n$/);
    }
  });
});

describe("a study's --merge verifies its shards alike", () => {
  const args = ['calibration', '--replications', '2', '--days', '1'];
  beforeAll(async () => {
    for (const i of [0, 1]) await ok('study', [...args, '--workers', '1', '--shard', `${i}/2`, '--out', at(`cal-${i}.json`)]);
  }, 120_000);

  it('merges honest shards and refuses an edited one, naming it', async () => {
    const one = await ok('study', [...args, '--workers', '1']);
    expect((await ok('study', [...args, '--merge', at('cal-0.json'), at('cal-1.json')])).stdout).toBe(one.stdout);
    const bad = await tampered<ExperimentOutput>('cal-1.json', 'cal-bad.json', (o) => (o.rows[0].value = 1));
    expect(await refusal('study', [...args, '--merge', at('cal-0.json'), bad])).toBe(
      `error: merge: ${bad}: rows: checksum does not match the rows (edited?)`,
    );
  });
});

describe("a sensitivity analysis's parts and its screening are verified alike", () => {
  const sens = tmp.file('sens.json', {
    name: 'a small sensitivity analysis',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 2,
    days: 1,
    metrics: ['hoursToClose.mean'],
    sensitivity: {
      assumptions: ['demand.casesPerResidentYear', 'population.residents'],
      morris: { trajectories: 2 },
      sobol: { top: 2, n: 4 },
      bootstrap: 20,
    },
  });
  beforeAll(async () => {
    for (const i of [0, 1])
      await ok('experiment', ['sensitivity', sens, '--workers', '1', '--shard', `${i}/2`, '--out', at(`scr-${i}.json`), '--quiet']);
    await ok('experiment', ['merge', at('scr-0.json'), at('scr-1.json'), '--out', at('screening.json'), '--quiet']);
  }, 120_000);

  it('refuses an edited part, by its checksum and then by its fields', async () => {
    const edit = (o: SensitivityPart) => (o.runs[0].values[0] = 1.5);
    const bad = await tampered('scr-1.json', 'scr-bad.json', edit);
    expect(await refusal('experiment', ['merge', at('scr-0.json'), bad, '--out', at('x.json')])).toBe(
      `error: merge: ${bad}: runs: checksum does not match the runs (edited?)`,
    );
    const abc = await tampered<SensitivityPart>('scr-1.json', 'scr-abc.json', (o) => ((o.runs[0].values as unknown[])[0] = 'abc'), part);
    expect(await refusal('experiment', ['merge', at('scr-0.json'), abc, '--out', at('x.json')])).toBe(
      `error: merge: ${abc}: runs[0].values[0]: expected a number (or null for a value missing), got "abc"`,
    );
    const spec = await tampered<SensitivityPart>('scr-1.json', 'scr-spec.json', (o) => (o.spec.morris.trajectories = 5));
    expect(await refusal('experiment', ['merge', at('scr-0.json'), spec, '--out', at('x.json')])).toMatch(
      /: manifest: checksum does not match the manifest \(edited\?\)$/,
    );
  });

  it('refuses an edited screening given to the Sobol stage, before any run', async () => {
    const bad = await tampered<SensitivityPart>('screening.json', 'screening-bad.json', (o) => (o.runs[2].values[0] = 0));
    expect(await refusal('experiment', ['sensitivity', sens, '--screening', bad, '--shard', '0/2', '--out', at('sob-0.json')])).toBe(
      `error: merge: ${bad}: runs: checksum does not match the runs (edited?)`,
    );
    expect(fs.existsSync(at('sob-0.json'))).toBe(false);
  });
});
