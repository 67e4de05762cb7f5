/**
 * Argument errors are usage errors: one line on stderr, exit status 2, no stack trace.
 */
import { describe, expect, it } from 'vitest';
import { cli, isCleanUsageError } from './cli-helpers.ts';

const cases: [string, 'sim' | 'experiment' | 'scenario', string[], RegExp][] = [
  ['a negative seed', 'sim', ['--seed', '-1', '--days', '1'], /--seed: expected a whole number from 0 to 9007199254740991, got "-1"/],
  ['a seed with no value', 'sim', ['--days', '1', '--seed'], /option --seed needs a value/],
  ['an empty seed', 'sim', ['--seed', '', '--days', '1'], /--seed: expected a whole number .* got ""/],
  ['a seed above 2^53', 'sim', ['--seed', '9007199254740993', '--days', '1'], /--seed: expected a whole number from 0 to 9007199254740991/],
  ['a fractional seed', 'sim', ['--seed', '1.5', '--days', '1'], /--seed: expected a whole number/],
  ['negative days', 'sim', ['--days', '-1'], /--days: expected a number of days from 0\.001 to 36500, got "-1"/],
  ['an unknown flag', 'sim', ['--dayz', '3'], /unknown option --dayz for sim \(see --help\)/],
  ['two scenarios', 'sim', ['longgang-2021', 'longgang-2020'], /expected one scenario, got 2 \(see --help\)/],
  ['an unknown flag', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--bogus'], /unknown option --bogus/],
  [
    'a negative seed',
    'experiment',
    ['--compare', 'longgang-2021,longgang-2020', '--seed', '-1'],
    /--seed: expected a whole number from 0 to 2147483648, got "-1"/,
  ],
  [
    'a seed above 2^31',
    'experiment',
    ['--compare', 'longgang-2021,longgang-2020', '--seed', '4294967296'],
    /--seed: expected a whole number from 0 to 2147483648/,
  ],
  [
    'a fractional replication count',
    'experiment',
    ['--compare', 'longgang-2021,longgang-2020', '--replications', '2.5'],
    /--replications: expected a whole number from 2 to 10000/,
  ],
  ['a bad shard', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--shard', '3/3'], /--shard: expected i\/N with 0 ≤ i < N/],
  [
    'a shard with no replications',
    'experiment',
    ['--compare', 'longgang-2021,longgang-2020', '--replications', '2', '--shard', '5/6', '--out', '/tmp/x.json'],
    /--shard 5\/6: this slice holds no replication \(the experiment has 4 runs; use at most 4 shards\)/,
  ],
  ['merge with no files', 'experiment', ['merge'], /merge: expected the shard output files/],
  ['merge of a file that does not exist', 'experiment', ['merge', '/nonexistent/s0.json'], /cannot read \/nonexistent\/s0\.json/],
  ['an unknown command', 'scenario', ['frobnicate'], /unknown command "frobnicate" \(see --help\)/],
];

describe('usage errors', () => {
  for (const [name, script, args, pattern] of cases) {
    it(`${script}: ${name} gives one line and exit status 2`, async () => {
      const r = await cli(script, args);
      expect(r.stderr).toMatch(pattern);
      expect(isCleanUsageError(r), r.stderr).toBe(true);
      expect(r.stdout).toBe('');
    });
  }
});

describe('every problem at once', () => {
  it('sim lists a bad seed, bad days and an unknown preset (with the preset list) in one run', async () => {
    const r = await cli('sim', ['nope', '--seed', '-1', '--days', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: 3 problems:\n {2}--seed: .*\n {2}--days: .*\n {2}"nope" is neither a scenario file nor a preset \(presets: [^)]*traditional-county/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
