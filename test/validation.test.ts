/**
 * docs/validation.md and the block of README.md that quotes it are generated from the code:
 * regenerated here in memory, they must be what is committed, and every theory check must pass.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_MATCHING_FILE,
  README_END,
  README_START,
  renderReadmeBlock,
  renderReport,
  replaceReadmeBlock,
  SENSITIVITY_FILE,
  staleness,
  validationResults,
  SENSITIVITY_COMMAND,
  HISTORY_MATCHING_COMMAND,
  type Computed,
} from '../studies/validation-report.ts';
import { describeCheck } from '../studies/theory-checks.ts';
import { runJob } from '../experiments/jobs.ts';
import { inProcessExecutor } from '../experiments/executor.ts';

const root = new URL('../', import.meta.url);
const read = (file: string) => (fs.existsSync(new URL(file, root)) ? fs.readFileSync(new URL(file, root), 'utf8') : undefined);

/** Where two texts first differ, for the failure message. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, k) => line !== y[k]);
  const k = i < 0 ? Math.min(x.length, y.length) : i;
  return `line ${k + 1}: committed "${x[k] ?? '(end of file)'}", now "${y[k] ?? '(end of file)'}"`;
}

describe('the validation report', () => {
  it('is what npm run validate writes now, README quotes it, and every theory check passes', async () => {
    const r = await validationResults(inProcessExecutor(runJob));
    for (const c of r.theory) expect(c.pass, describeCheck(c)).toBe(true);
    expect(r.seeds.map((f) => f.id)).toEqual([
      'local-resolution',
      'fewer-posts',
      'fewer-organs',
      'cost-saved',
      'accept-30m',
      'onsite-1h',
      'close-24h',
      'difficult-5wd',
    ]);

    const json = (f: string) => (read(f) === undefined ? undefined : JSON.parse(read(f)!));
    const computed: Computed = { sensitivity: json(SENSITIVITY_FILE), historyMatching: json(HISTORY_MATCHING_FILE) };
    // The committed analyses are this model version's: a new version must recompute them.
    expect(staleness(computed.sensitivity, SENSITIVITY_COMMAND)).toBeUndefined();
    expect(staleness(computed.historyMatching, HISTORY_MATCHING_COMMAND)).toBeUndefined();
    const report = renderReport(r, computed);
    const committed = read('docs/validation.md') ?? '';
    expect(committed === report, `docs/validation.md is out of date (${firstDifference(committed, report)}): run npm run validate`).toBe(
      true,
    );

    const readme = read('README.md')!;
    const block = renderReadmeBlock(r, computed);
    const current = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(
      current === block,
      `README.md's validation block is out of date (${firstDifference(current, block)}): run npm run validate`,
    ).toBe(true);
  }, 600_000);

  it('the README block is replaced between its markers, and nothing else', () => {
    const readme = `intro\n${README_START}\nold\n${README_END}\nrest\n`;
    expect(replaceReadmeBlock(readme, `${README_START}\nnew\n${README_END}`)).toBe(`intro\n${README_START}\nnew\n${README_END}\nrest\n`);
    expect(() => replaceReadmeBlock('no markers', 'x')).toThrow(
      /README\.md: expected the markers <!-- validate:start --> and <!-- validate:end -->/,
    );
  });
});
