import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json.ts';
import { presetJson } from './presets.ts';
import { validateScenario } from './validate.ts';

const good = JSON.stringify(presetJson('longgang-2021'), null, 2);

describe('scenario JSON text', () => {
  it('refuses fields nested under a __proto__ key instead of reading them as real fields', () => {
    const text = good.replace('"id": "longgang-2021",', '"__proto__": { "id": "smuggled" },');
    expect(() => parseJsonText(text, 'x.json')).toThrow(/__proto__: "__proto__" is not allowed as a field name \(line \d+, column \d+\)/);
  });
  it('refuses constructor and prototype keys anywhere, naming their paths', () => {
    const text = '{"a": {"constructor": {"prototype": 1}}, "b": [{"__proto__": {}}]}';
    let message = '';
    try {
      parseJsonText(text, 'x.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/a\.constructor: "constructor" is not allowed/);
    expect(message).toMatch(/a\.constructor\.prototype: "prototype" is not allowed/);
    expect(message).toMatch(/b\[0\]\.__proto__: "__proto__" is not allowed/);
  });
  it('accepts a leading byte-order mark', () => {
    expect(validateScenario(parseJsonText(`\uFEFF${good}`, 'bom.json')).ok).toBe(true);
  });
  it('refuses 10,000-deep nesting with the file name, not a stack overflow', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(() => parseJsonText(deep, 'deep.json')).toThrow(
      /deep\.json is not valid:\n {2}\(root\): nested more than 64 levels deep \(line 1, column 65\)/,
    );
    const deepInString = `{"id": "${'['.repeat(1000)}"}`;
    expect(parseJsonText(deepInString)).toEqual({ id: '['.repeat(1000) });
  });
  it('reports every syntax error at once', () => {
    expect(() => parseJsonText('{"a": oops, "b": nope, "c": 1,}', 'x.json')).toThrow(/line 1, column 7[\s\S]*line 1, column 18/);
  });
});

describe('validateScenario on values that did not come from a parser', () => {
  it('refuses an own __proto__ key (as JSON.parse makes) and an object with a foreign prototype', () => {
    const own = JSON.parse(good.replace('"id": "longgang-2021",', '"__proto__": { "id": "smuggled" },'));
    const r = validateScenario(own);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual({ path: '__proto__', message: '"__proto__" is not allowed as a field name' });
    const foreign = Object.assign(Object.create({ id: 'smuggled' }), presetJson('longgang-2021'));
    delete foreign.id;
    const f = validateScenario(foreign);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.problems[0].message).toMatch(/"__proto__" key is not allowed/);
  });
  it('refuses deep nesting without overflowing the stack', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    const r = validateScenario({ ...(presetJson('longgang-2021') as object), shocks: v });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/nested more than 64 levels deep/);
  });
});
