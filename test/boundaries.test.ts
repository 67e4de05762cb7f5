/**
 * The folder layering is enforced by lint (eslint.config.js, CONTRIBUTING.md): an import
 * from a folder above fails `npm run lint`, and so does an import cycle.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, ignore: false });
const rules = async (file: string, text?: string) => {
  const [r] = text === undefined ? await eslint.lintFiles([file]) : await eslint.lintText(text, { filePath: path.join(root, file) });
  return r.messages.map((m) => m.ruleId);
};

describe('import boundaries', () => {
  it('refuse an import from a folder above', async () => {
    expect(await rules('scenarios/upward.ts', "import { simulate } from '../sim/index.ts';\n\nexport const run = simulate;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(
      await rules('experiments/upward.ts', "import { nodePool } from '../workers/node-pool.ts';\n\nexport const pool = nodePool;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(await rules('bench/across.ts', "import { parseCli } from '../cli/args.ts';\n\nexport const parse = parseCli;\n")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('let a file import from below', async () => {
    expect(
      await rules(
        'studies/downward.ts',
        "import { runExperiment } from '../experiments/runner.ts';\n\nexport const run = runExperiment;\n",
      ),
    ).toEqual([]);
  });

  it('refuse an import cycle', async () => {
    expect(await rules('test/fixtures/cycle/a.ts')).toContain('import-x/no-cycle');
  });
});
