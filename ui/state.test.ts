/**
 * Shareable links are user input: what they carry must never reach a prototype, and what
 * they inflate to is bounded.
 */
import { describe, expect, it } from 'vitest';
import { buildColumn, decodeState, defaultState, encodeState } from './state.ts';

async function linkOf(payload: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(payload)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `#s=${btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('a shareable link with hostile changes', () => {
  it('drops a change that would reach a prototype, says so, and leaves the page working', async () => {
    const hash = await linkOf({
      v: 1,
      ...defaultState(),
      columns: [
        {
          preset: 'longgang-2021',
          changes: { '__proto__.toString': 'pwned', 'levels.__proto__.map': 1, 'demand.casesPerResidentYear': 0.5 },
        },
      ],
    });
    const d = await decodeState(hash);
    expect(Object.prototype.toString).toBeTypeOf('function');
    expect(Array.prototype.map).toBeTypeOf('function');
    expect(String({})).toBe('[object Object]');
    expect(d!.state.columns[0].changes).toEqual({ 'demand.casesPerResidentYear': 0.5 });
    expect(d!.problems.join('\n')).toMatch(/__proto__\.toString: .*"__proto__" is not a parameter/);
    // The poisoned change is not carried into the re-encoded link.
    const again = await decodeState(await encodeState(d!.state));
    expect(Object.keys(again!.state.columns[0].changes)).toEqual(['demand.casesPerResidentYear']);
  });

  it('refuses a custom scenario that hides fields under a __proto__ key', async () => {
    const json = JSON.parse('{"__proto__": {"id": "smuggled"}, "schemaVersion": 1}');
    const d = await decodeState(await linkOf({ v: 1, columns: [{ custom: { name: 'x', json }, changes: {} }] }));
    expect(d!.problems.join('\n')).toMatch(/structure 1: its scenario is not valid/);
    expect(d!.state.columns).toEqual(defaultState().columns);
  });
});

describe('a shareable link that inflates to hundreds of megabytes', () => {
  it('is refused after a few megabytes, with a message, and the defaults are kept', async () => {
    // 30 MB of spaces deflate to about 30 KB.
    const big = { v: 1, seed: 1, pad: ' '.repeat(30 * 2 ** 20) };
    const hash = await linkOf(big);
    expect(hash.length).toBeLessThan(400_000);
    const before = process.memoryUsage().arrayBuffers;
    const d = await decodeState(hash);
    expect(d!.problems[0]).toMatch(/larger than 2 MB unpacked/);
    expect(d!.state).toEqual(defaultState());
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 2 ** 20);
  });
});

describe('a shareable link with equal terms', () => {
  it('keeps a structure’s parts from presets and its equal posts, and the decomposition’s view and replications', async () => {
    const state = {
      ...defaultState(),
      view: 'why' as const,
      whyReplications: 7,
      columns: [
        {
          preset: 'traditional-county',
          parts: { policy: 'longgang-2021' },
          equalPosts: { preset: 'longgang-2021', posts: 'city' as const },
          changes: {},
        },
        { preset: 'longgang-2021', changes: {} },
      ],
    };
    const d = await decodeState(await encodeState(state));
    expect(d!.problems).toEqual([]);
    expect(d!.state.view).toBe('why');
    expect(d!.state.whyReplications).toBe(7);
    expect(d!.state.columns[0]).toEqual(state.columns[0]);
    // The column builds to the county with Longgang 2021's policy at its city posts.
    const built = await buildColumn(d!.state.columns[0]);
    expect(built.scenario!.platform.enabled).toBe(true);
    expect(built.scenario!.name).toMatch(/^Traditional county with policy of Longgang 2021, at the city posts of Longgang 2021:/);
  });

  it('drops terms that name no preset, or give no valid structure, and says so', async () => {
    const d = await decodeState(
      await linkOf({
        v: 1,
        ...defaultState(),
        columns: [
          { preset: 'traditional-county', parts: { policy: 'nope', colour: 'red' }, changes: {} },
          { preset: 'traditional-county', equalPosts: { preset: 'longgang-2021', posts: 'all' }, changes: {} },
          { preset: 'longgang-2021', equalPosts: { preset: 'longgang-2021', posts: 'most' }, changes: {} },
        ],
      }),
    );
    const text = d!.problems.join('\n');
    expect(text).toMatch(/structure 1, parts\.policy: expected one of resources, policy, calendars from a preset/);
    expect(text).toMatch(/structure 1, parts\.colour: expected/);
    // The county at all of Longgang 2021's posts leaves its grids without a case worker.
    expect(text).toMatch(/structure 2: its parts and equal posts give no valid structure; they were dropped/);
    expect(text).toMatch(/structure 3, equalPosts: expected \{"preset": one of .*"posts": "all" or "city"\}/);
    expect(d!.state.columns.map((c) => [c.preset, c.parts, c.equalPosts])).toEqual([
      ['traditional-county', undefined, undefined],
      ['traditional-county', undefined, undefined],
      ['longgang-2021', undefined, undefined],
    ]);
  });
});
