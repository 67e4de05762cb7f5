import { afterEach, describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios/presets.ts';
import { setPath } from '../scenarios/path.ts';
import { checkParamPath } from '../scenarios/param-path.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { loadLang, setLang } from './i18n.ts';
import { linkProblemText } from './link-problems.ts';

/** What decodeState (ui/state.ts) says of a change a link carries that the scenario's validation refuses. */
function problemOfChange(path: string, value: unknown): string {
  try {
    checkParamPath(path);
    const v = validateScenario(setPath(loadPreset('longgang-2021'), path, value));
    if (v.ok) throw new Error(`${path} = ${JSON.stringify(value)} is valid`);
    return `structure 1, ${path}: ${v.problems[0].message}`;
  } catch (e) {
    return `structure 1, ${path}: ${(e as Error).message}`;
  }
}

describe('a scenario’s validation in a link’s message', () => {
  afterEach(() => setLang('en'));

  it('is in Chinese on a Chinese page: the field by its label, what was expected with its unit, and what was given', async () => {
    await loadLang('zh');
    setLang('zh');
    const cases: [string, unknown, string][] = [
      ['demand.casesPerResidentYear', -3, '结构 1，每位居民每年提出的诉求数：应 ≥ 0 件/人·年，实际为 -3'],
      ['demand.fieldShare', 7, '结构 1，需现场处置的比例：应 ≤ 1 比例，实际为 7'],
      ['demand.fieldShare', 'abc', '结构 1，需现场处置的比例：应为数字，实际为 "abc"'],
      ['levels[0].units', 2.5, '结构 1，单位数：应为整数，实际为 2.5'],
      ['levers.floatingPosts', -1, '结构 1，机动岗：应 ≥ 0 人，实际为 -1'],
      ['demand.nonsense', 1, '结构 1，Nonsense：此处没有名为“nonsense”的参数'],
    ];
    // Checks across fields (scenarios/schema.ts) a link's change can fail.
    const across: [string, unknown, RegExp][] = [
      ['levels[0].staffPerUnit', 0, /：最底层（诉求从这一层进入）的人员应多于 0$/],
      ['levels[2].staffPerUnit', 0.1, /：应满足（每单位人员 \+ 每单位干部）× 办案时间占比 ≥ 0\.5（至少一名办案人员），实际为 0\.0\d+$/],
      ['centre.staff', 0.1, /：启用社会治理中心时应至少有一名办案人员/],
      ['residents.bypassLowTrust', 0.99, /之和应 ≤ 1（是一个概率），实际为 1\.0\d*$/],
      ['residents.silentLowTrust', 0.99, /之和应 ≤ 1（是一个概率），实际为 1\.0\d*$/],
    ];
    for (const [path, value, want] of across) {
      const english = problemOfChange(path, value);
      const said = linkProblemText(english);
      expect(said, english).toMatch(want);
      expect(said, english).not.toMatch(/[A-Za-z]{2,}/);
    }
    for (const [path, value, want] of cases) {
      const english = problemOfChange(path, value);
      const said = linkProblemText(english);
      expect(said, english).toBe(want);
      // No English word is left but what the link itself gave.
      expect(said.replace(/nonsense|abc/gi, ''), english).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('is as the validation says it on an English page, the field by its label', () => {
    setLang('en');
    expect(linkProblemText(problemOfChange('demand.casesPerResidentYear', -3))).toBe(
      'structure 1, Problems a resident raises a year: expected ≥ 0 1/resident/year, got -3',
    );
  });
});
