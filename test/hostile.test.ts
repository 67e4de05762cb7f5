/**
 * Hostile inputs, as an adversarial user would try them: scenario files, experiment files,
 * shard outputs to merge, shareable links, command-line flags and signals. Each must be
 * handled cleanly: a refusal of the documented kind that names what is wrong (exit status 2
 * and one line for the CLI), or a correct result; never a crash, a stack trace, a hang, a
 * polluted prototype or a message with "undefined", "NaN" or "[object Object]" in it. The
 * suite prints how many inputs it tried and how many were handled cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonText } from '../scenarios/json.ts';
import { presetJson } from '../scenarios/presets.ts';
import { ScenarioError, validateScenario } from '../scenarios/validate.ts';
import { ExperimentError } from '../experiments/experiment.ts';
import { parseAndPlanExperiment } from '../experiments/plan.ts';
import { runJob } from '../experiments/jobs.ts';
import { inProcessExecutor } from '../experiments/executor.ts';
import { MergeError, mergeShards } from '../experiments/merge.ts';
import { runExperiment, type ExperimentOutput } from '../experiments/runner.ts';
import { decodeState } from '../ui/state.ts';
import { cli, isCleanUsageError, start, tempDir, type CliResult } from './cli-helpers.ts';

interface Outcome {
  kind: string;
  input: string;
  clean: boolean;
  detail: string;
}
const outcomes: Outcome[] = [];
afterAll(() => {
  const by = new Map<string, { tried: number; clean: number }>();
  for (const o of outcomes) {
    const k = by.get(o.kind) ?? { tried: 0, clean: 0 };
    k.tried++;
    if (o.clean) k.clean++;
    by.set(o.kind, k);
  }
  const clean = outcomes.filter((o) => o.clean).length;
  console.log(
    `hostile inputs: ${outcomes.length} tried, ${clean} handled cleanly (${[...by].map(([k, v]) => `${k} ${v.clean}/${v.tried}`).join(', ')})`,
  );
  for (const o of outcomes.filter((x) => !x.clean)) console.log(`  NOT CLEAN ${o.kind}: ${o.input} → ${o.detail}`);
});

const protoState = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) =>
      Object.entries(Object.getOwnPropertyDescriptors(p))
        .map(([k, d]) => `${k}:${'value' in d ? typeof d.value : 'accessor'}`)
        .join(),
    )
    .join('|');
const PROTO = protoState();
const badWords = /undefined|NaN|\[object Object\]|Maximum call stack|TypeError|Cannot read prop/;

function record(kind: string, input: string, clean: boolean, detail: string) {
  const polluted = protoState() !== PROTO;
  outcomes.push({
    kind,
    input: input.length > 80 ? `${input.slice(0, 77)}…` : input,
    clean: clean && !polluted,
    detail: polluted ? 'a prototype changed' : detail,
  });
}

/** In process: clean if it returns, or throws one of the expected errors with a sensible message. */
async function tryIn(kind: string, input: string, fn: () => unknown, expected: (e: unknown) => boolean) {
  try {
    await fn();
    record(kind, input, true, 'accepted');
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    record(
      kind,
      input,
      expected(e) && m.length > 0 && !badWords.test(m),
      `${(e as Error)?.name}: ${m.split('\n').slice(0, 2).join(' / ')}`,
    );
  }
}

// ---------------------------------------------------------------- scenario files

const good = presetJson('longgang-2021') as Record<string, any>;
const goodText = JSON.stringify(good);
const weird: [string, unknown][] = [
  ['null', null],
  ['a string', 'x'],
  ['-1', -1],
  ['1e308', 1e308],
  ['an array', [1, 2]],
  ['an empty object', {}],
  ['true', true],
  ['a long string', 'x'.repeat(100_000)],
  ['a deep array', JSON.parse(`${'['.repeat(50)}${']'.repeat(50)}`)],
];
const scenarioTexts: [string, string][] = [
  ['empty file', ''],
  ['whitespace', '   \n'],
  ['BOM only', '\uFEFF'],
  ['BOM and scenario', `\uFEFF${goodText}`],
  ['null', 'null'],
  ['[]', '[]'],
  ['a number', '42'],
  ['1e999', '1e999'],
  ['truncated', goodText.slice(0, 500)],
  ['trailing comma', goodText.replace(/}$/, ',}')],
  ['comments', `// hi\n${goodText}`],
  ['NaN literal', goodText.replace('"residents":465000', '"residents":NaN')],
  ['Infinity literal', goodText.replace('"residents":465000', '"residents":Infinity')],
  ['10,000-deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['100,000-deep objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ['__proto__ at the root', goodText.replace('{', '{"__proto__":{"id":"x"},')],
  ['constructor key', goodText.replace('{', '{"constructor":{"prototype":{"x":1}},')],
  ['__proto__ in a level', goodText.replace('"levels":[{', '"levels":[{"__proto__":{"units":5},')],
  ['duplicate keys', goodText.replace('{', '{"id":"a","id":"b",')],
  ['lone surrogate', goodText.replace('"id":"longgang-2021"', '"id":"\\ud800"')],
  ['NUL in a string', goodText.replace('"id":"longgang-2021"', '"id":"a\\u0000b"')],
  ['control characters', '{"a":"\u0001"}'],
  ['UTF-16 text', Buffer.from(goodText, 'utf16le').toString('latin1')],
  ['binary', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
  ['huge number of keys', `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ['a million-element array', `{"shocks":[${Array(200_000).fill('1').join(',')}]}`],
];
for (const key of Object.keys(good))
  for (const [what, v] of weird) scenarioTexts.push([`${key} = ${what}`, JSON.stringify({ ...good, [key]: v })]);
for (const [what, v] of weird.slice(0, 6)) {
  scenarioTexts.push([
    `levels[0].units = ${what}`,
    JSON.stringify({ ...good, levels: [{ ...good.levels[0], units: v }, ...good.levels.slice(1)] }),
  ]);
  scenarioTexts.push([`population.residents = ${what}`, JSON.stringify({ ...good, population: { ...good.population, residents: v } })]);
}
scenarioTexts.push(
  ['levels = []', JSON.stringify({ ...good, levels: [] })],
  ['no departments, bounded top', JSON.stringify({ ...good, departments: [] })],
  ['13 levels', JSON.stringify({ ...good, levels: Array.from({ length: 13 }, (_, i) => ({ ...good.levels[0], id: `l${i}` })) })],
  [
    'residents 2e7, demand 1e4',
    JSON.stringify({ ...good, population: { ...good.population, residents: 2e7 }, demand: { casesPerResidentYear: 1e4 } }),
  ],
);

describe('hostile scenario files', () => {
  it('are all refused with the file name and a path, or accepted', async () => {
    for (const [name, text] of scenarioTexts)
      await tryIn(
        'scenario files',
        name,
        () => {
          const v = validateScenario(parseJsonText(text, 'hostile.json'));
          if (!v.ok) throw new ScenarioError(v.problems, 'hostile.json');
        },
        (e) => e instanceof ScenarioError && /hostile\.json is not valid/.test((e as Error).message),
      );
    expect(outcomes.filter((o) => o.kind === 'scenario files' && !o.clean)).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------- experiment files

const load = (r: { preset?: string; scenario?: unknown }) => (r.preset !== undefined ? presetJson(r.preset) : r.scenario);
const baseExp = { structures: [{ preset: 'longgang-2021' }, { preset: 'traditional-county' }], replications: 2, days: 1 };
const experiments: [string, unknown][] = [
  ['null', null],
  ['an array', []],
  ['no structures', { replications: 2 }],
  ['structures = {}', { structures: {} }],
  ['21 structures', { structures: Array.from({ length: 21 }, () => ({ preset: 'longgang-2021' })) }],
  ['preset and file', { structures: [{ preset: 'longgang-2021', file: 'x.json' }] }],
  ['preset __proto__', { structures: [{ preset: '__proto__' }] }],
  ['preset constructor', { structures: [{ preset: 'constructor' }] }],
  ['preset toString', { structures: [{ preset: 'toString' }] }],
  [
    'override __proto__.hasOwnProperty',
    { ...baseExp, structures: [baseExp.structures[0], { preset: 'traditional-county', overrides: { '__proto__.hasOwnProperty': 1 } }] },
  ],
  [
    'override constructor.prototype.x',
    { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { 'constructor.prototype.x': 1 } }] },
  ],
  ['override levels.__proto__.map', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { 'levels.__proto__.map': 1 } }] }],
  ['override levels.map', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { 'levels.map': 1 } }] }],
  ['override to an object', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { demand: { evil: true } } }] }],
  ['override with empty path', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { '': 1 } }] }],
  ['override "..."', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { '...': 1 } }] }],
  ['override "[[]]"', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { '[[]]': 1 } }] }],
  ['override levels[99].units', { ...baseExp, structures: [{ preset: 'longgang-2021', overrides: { 'levels[99].units': 1 } }] }],
  ['sweep param __proto__', { ...baseExp, sweep: [{ param: '__proto__.x', values: [1] }] }],
  ['sweep of strings into a number', { ...baseExp, sweep: [{ param: 'demand.casesPerResidentYear', values: ['a', null, {}] }] }],
  ['sweep from NaN', { ...baseExp, sweep: [{ param: 'demand.casesPerResidentYear', from: 'a', to: 1, steps: 3 }] }],
  ['sweep 1001 steps', { ...baseExp, sweep: [{ param: 'demand.casesPerResidentYear', from: 0, to: 1, steps: 1001 }] }],
  ['three sweeps', { ...baseExp, sweep: [1, 2, 3].map(() => ({ param: 'demand.casesPerResidentYear', values: [1] })) }],
  ['replications 1e9', { ...baseExp, replications: 1e9 }],
  ['replications 2.5', { ...baseExp, replications: 2.5 }],
  ['days -1', { ...baseExp, days: -1 }],
  ['days 1e9', { ...baseExp, days: 1e9 }],
  ['baseSeed 2^53+1', { ...baseExp, baseSeed: 2 ** 53 + 1 }],
  ['baseSeed -1', { ...baseExp, baseSeed: -1 }],
  ['unknown metric', { ...baseExp, metrics: ['speed'] }],
  ['metrics = []', { ...baseExp, metrics: [] }],
  ['unknown field', { ...baseExp, evil: 1 }],
  ['sequential with 0 batch', { ...baseExp, sequential: { batch: 0 } }],
  [
    'duplicate labels',
    {
      ...baseExp,
      structures: [
        { preset: 'longgang-2021', label: 'a' },
        { preset: 'traditional-county', label: 'a' },
      ],
    },
  ],
  ['inline scenario __proto__', { ...baseExp, structures: [{ scenario: JSON.parse('{"__proto__":{"id":"x"}}') }] }],
  ['inline scenario null', { ...baseExp, structures: [{ scenario: null }] }],
  ['label =HYPERLINK', { ...baseExp, structures: [{ preset: 'longgang-2021', label: '=HYPERLINK("http://x")' }] }],
  [
    'three problems',
    { structures: [{ preset: 'nope' }, { preset: 'longgang-2021', overrides: { 'levels[town].units': 3 } }], replications: 1 },
  ],
];

describe('hostile experiment files', () => {
  it('are refused with every problem named, or planned', async () => {
    for (const [name, input] of experiments)
      await tryIn(
        'experiment files',
        name,
        () => parseAndPlanExperiment(input, load),
        (e) => e instanceof ExperimentError,
      );
    expect(outcomes.filter((o) => o.kind === 'experiment files' && !o.clean)).toEqual([]);
  });
});

// ---------------------------------------------------------------- merges

describe('hostile merges', () => {
  it('are refused with a reason, or merged exactly', async () => {
    const plan = parseAndPlanExperiment({ ...baseExp, days: 0.5, metrics: ['hoursToClose.mean'] }, load);
    const DATE = new Date('2026-01-01T00:00:00Z');
    const shard = (index: number, count: number) => runExperiment(plan, inProcessExecutor(runJob), { date: DATE, shard: { index, count } });
    const [a, b] = [await shard(0, 2), await shard(1, 2)];
    const c = structuredClone;
    const edit = (o: ExperimentOutput, f: (x: any) => void) => {
      const x = c(o);
      f(x);
      return x;
    };
    const sets: [string, unknown[]][] = [
      ['nothing', []],
      ['one of two', [a]],
      ['the same twice', [a, a]],
      ['a, b, a', [a, b, a]],
      ['null', [a, null]],
      ['a number', [a, 1]],
      ['a string', [a, 'x']],
      ['no manifest', [a, edit(b, (x) => delete x.manifest)]],
      ['rows not an array', [a, edit(b, (x) => (x.rows = {}))]],
      ['shard index 5', [a, edit(b, (x) => (x.shard.index = 5))]],
      ['shard index -1', [a, edit(b, (x) => (x.shard.index = -1))]],
      ['shard count 3', [a, edit(b, (x) => (x.shard.count = 3))]],
      ['no shard field', [a, edit(b, (x) => delete x.shard)]],
      ['replication -1', [a, edit(b, (x) => (x.rows[0].replication = -1))]],
      ['replication 1e9', [a, edit(b, (x) => (x.rows[0].replication = 1e9))]],
      ['unknown structure', [a, edit(b, (x) => (x.rows[0].structure = 'ghost'))]],
      ['a row twice', [a, edit(b, (x) => x.rows.push(x.rows[0]))]],
      ['a row removed', [a, edit(b, (x) => x.rows.pop())]],
      ['rows swapped between shards', [edit(a, (x) => x.rows.push(...b.rows)), edit(b, (x) => (x.rows = []))]],
      ['edited scenario', [a, edit(b, (x) => (x.resolved[0].scenario.population.residents = 1))]],
      ['edited experiment', [a, edit(b, (x) => (x.manifest.experiment.days = 2))]],
      ['__proto__ in a row', [a, edit(b, (x) => (x.rows[0].point = JSON.parse('{"__proto__":{"a":1}}')))]],
      [
        'failure with a foreign index',
        [
          a,
          edit(b, (x) =>
            x.failures.push({ ...x.failures[0], index: 0, structure: 's', scenario: 's', seed: 1, replication: 0, message: 'm' }),
          ),
        ],
      ],
      ['the right two', [b, a]],
    ];
    for (const [name, outs] of sets)
      await tryIn(
        'merges',
        name,
        () => mergeShards(outs as ExperimentOutput[], DATE),
        (e) => e instanceof MergeError,
      );
    expect(outcomes.filter((o) => o.kind === 'merges' && !o.clean)).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------- links

async function hashOf(payload: string): Promise<string> {
  const stream = new Blob([payload]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let s = '';
  for (const x of bytes) s += String.fromCharCode(x);
  return `#s=${btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('hostile links', () => {
  it('keep what is valid, list the rest, and never throw', async () => {
    const links: [string, string | Promise<string>][] = [
      ['#', '#'],
      ['#s=', '#s='],
      ['#x=1', '#x=1'],
      ['#s=!!!', '#s=!!!'],
      ['#s=AAAA', '#s=AAAA'],
      ['not base64 length', '#s=A'],
      ['not JSON', hashOf('hello')],
      ['null', hashOf('null')],
      ['a number', hashOf('1')],
      ['an array', hashOf('[]')],
      ['columns not an array', hashOf('{"v":1,"columns":{}}')],
      ['100 columns', hashOf(JSON.stringify({ v: 1, columns: Array(100).fill({ preset: 'longgang-2021' }) }))],
      ['preset __proto__', hashOf('{"v":1,"columns":[{"preset":"__proto__"}]}')],
      ['preset constructor', hashOf('{"v":1,"columns":[{"preset":"constructor"}]}')],
      ['changes __proto__.toString', hashOf('{"v":1,"columns":[{"preset":"longgang-2021","changes":{"__proto__.toString":"pwned"}}]}')],
      ['changes {"__proto__": …}', hashOf('{"v":1,"columns":[{"preset":"longgang-2021","changes":{"__proto__":{"toString":1}}}]}')],
      ['changes null', hashOf('{"v":1,"columns":[{"preset":"longgang-2021","changes":null}]}')],
      ['changes a string', hashOf('{"v":1,"columns":[{"preset":"longgang-2021","changes":"x"}]}')],
      ['custom scenario __proto__', hashOf('{"v":1,"columns":[{"custom":{"name":"x","json":{"__proto__":{"id":"x"}}}}]}')],
      ['custom json null', hashOf('{"v":1,"columns":[{"custom":{"name":"x","json":null}}]}')],
      ['custom a string', hashOf('{"v":1,"columns":[{"custom":"x"}]}')],
      ['seed a string', hashOf('{"v":1,"seed":"1"}')],
      ['seed 2^53', hashOf(`{"v":1,"seed":${2 ** 53}}`)],
      ['days 1e9', hashOf('{"v":1,"days":1e9}')],
      ['view __proto__', hashOf('{"v":1,"view":"__proto__"}')],
      ['lang constructor', hashOf('{"v":1,"lang":"constructor"}')],
      ['selected -1', hashOf('{"v":1,"selected":-1}')],
      ['replications 1e9', hashOf('{"v":1,"replications":1e9}')],
      ['deep nesting', hashOf(`{"v":1,"columns":[{"custom":{"name":"x","json":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`)],
      ['inflates to 50 MB', hashOf(`{"v":1,"pad":"${' '.repeat(50 * 2 ** 20)}"}`)],
      [
        '2e7 residents × 1e4 demand',
        hashOf(
          JSON.stringify({
            v: 1,
            columns: [{ preset: 'longgang-2021', changes: { 'population.residents': 2e7, 'demand.casesPerResidentYear': 1e4 } }],
          }),
        ),
      ],
    ];
    for (const [name, h] of links) {
      const hash = await h;
      try {
        const d = await decodeState(hash);
        const text = JSON.stringify(d?.problems ?? []);
        record('links', name, !badWords.test(text) && String({}) === '[object Object]', d ? `${d.problems.length} problem(s)` : 'no state');
      } catch (e) {
        record('links', name, false, `threw ${(e as Error).message}`);
      }
    }
    expect(outcomes.filter((o) => o.kind === 'links' && !o.clean)).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------- command line

const tmp = tempDir('flatgov-hostile-');
const cleanCli = (r: CliResult, ok = false) =>
  ok ? r.code === 0 : isCleanUsageError(r) || (r.code === 2 && !/\n\s+at /.test(r.stderr) && /^error: /.test(r.stderr));

describe('hostile command lines', () => {
  it('give one line and exit status 2, or run', async () => {
    const bom = tmp.file('bom.json', `\uFEFF${goodText}`);
    const deep = tmp.file('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const exp3 = tmp.file('exp3.json', { structures: [{ preset: 'nope' }, { file: 'missing.json' }], replications: 1 });
    const dir = tmp.dir;
    const runs: [string, 'sim' | 'scenario' | 'experiment', string[], boolean?][] = [
      ['sim --seed -1', 'sim', ['--seed', '-1']],
      ['sim --seed', 'sim', ['--seed']],
      ['sim --seed ""', 'sim', ['--seed', '']],
      ['sim --seed 2^53+2', 'sim', ['--seed', '9007199254740994']],
      ['sim --seed 0x10', 'sim', ['--seed', '0x10']],
      ['sim --days -1', 'sim', ['--days', '-1']],
      ['sim --days 1e9', 'sim', ['--days', '1e9']],
      ['sim --days NaN', 'sim', ['--days', 'NaN']],
      ['sim --days Infinity', 'sim', ['--days', 'Infinity']],
      ['sim --bogus', 'sim', ['--bogus']],
      ['sim --json=1', 'sim', ['--json=1']],
      ['sim a b', 'sim', ['a', 'b']],
      ['sim /dev/zero', 'sim', ['/dev/zero']],
      ['sim a folder', 'sim', [dir]],
      ['sim /dev/null', 'sim', ['/dev/null']],
      ['sim deep.json', 'sim', [deep]],
      ['sim __proto__', 'sim', ['__proto__']],
      ['sim BOM file', 'sim', [bom, '--days', '1'], true],
      ['scenario validate nothing', 'scenario', ['validate']],
      ['scenario frob', 'scenario', ['frob']],
      ['scenario table --seeds 1', 'scenario', ['table', '--seeds', '1']],
      ['scenario diff one', 'scenario', ['diff', 'longgang-2021']],
      ['experiment --workers 0', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--workers', '0']],
      ['experiment --workers 1.5', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--workers', '1.5']],
      ['experiment --shard 1/0', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--shard', '1/0']],
      ['experiment --shard a/b', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--shard', 'a/b']],
      [
        'experiment --shard 0/2 --out x.csv',
        'experiment',
        ['--compare', 'longgang-2021,longgang-2020', '--shard', '0/2', '--out', path.join(dir, 'x.csv')],
      ],
      ['experiment --out /nonexistent/r.json', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--out', '/nonexistent/r.json']],
      ['experiment --out a folder', 'experiment', ['--compare', 'longgang-2021,longgang-2020', '--out', `${dir}/`]],
      ['experiment --compare ,', 'experiment', ['--compare', ',']],
      ['experiment --compare nope', 'experiment', ['--compare', 'traditional-county,nope']],
      ['experiment three problems', 'experiment', [exp3]],
      ['experiment merge', 'experiment', ['merge']],
      ['experiment merge /dev/zero', 'experiment', ['merge', '/dev/zero']],
      ['experiment merge a scenario', 'experiment', ['merge', bom]],
      ['experiment file and --days', 'experiment', [exp3, '--days', '3']],
    ];
    for (let i = 0; i < runs.length; i += 2) {
      const batch = runs.slice(i, i + 2);
      const results = await Promise.all(batch.map(([, script, args]) => cli(script, args, { timeoutMs: 60_000 })));
      batch.forEach(([name, , , ok], k) =>
        record('command lines', name, cleanCli(results[k], ok), `exit ${results[k].code}: ${results[k].stderr.trim().split('\n')[0]}`),
      );
    }
    expect(outcomes.filter((o) => o.kind === 'command lines' && !o.clean)).toEqual([]);
  }, 300_000);

  it('signals: SIGTERM and SIGINT at various moments write what finished or nothing half-written', async () => {
    for (const [sig, afterRuns] of [
      ['SIGTERM', 0],
      ['SIGTERM', 2],
      ['SIGINT', 0],
      ['SIGINT', 2],
      ['SIGHUP', 2],
    ] as const) {
      const out = path.join(tmp.dir, `sig-${sig}-${afterRuns}.json`);
      const child = start('experiment', [
        '--compare',
        'traditional-county,longgang-2021',
        '--replications',
        '100',
        '--days',
        '20',
        '--workers',
        '1',
        '--progress',
        '--out',
        out,
      ]);
      let err = '';
      let sent = false;
      const send = () => {
        if (!sent) {
          sent = true;
          child.kill(sig);
        }
      };
      child.stderr!.on('data', (d) => {
        err += d;
        const m = /(\d+)\/200 runs/.exec(err.slice(-200));
        if (afterRuns === 0 || (m && Number(m[1]) >= afterRuns)) send();
      });
      if (afterRuns === 0) setTimeout(send, 300);
      const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      const exists = fs.existsSync(out);
      let clean: boolean;
      if (sig === 'SIGHUP') clean = !exists || JSON.parse(fs.readFileSync(out, 'utf8')).manifest !== undefined;
      else
        clean =
          (code === (sig === 'SIGTERM' ? 143 : 130) && exists && JSON.parse(fs.readFileSync(out, 'utf8')).manifest.complete === false) ||
          (!exists && code !== 0);
      const stray = fs.readdirSync(tmp.dir).filter((f) => f.startsWith(`.sig-${sig}-${afterRuns}`));
      record(
        'signals',
        `${sig} after ${afterRuns} runs`,
        clean && stray.length === 0,
        `exit ${code}, output ${exists ? 'written' : 'absent'}`,
      );
    }
    expect(outcomes.filter((o) => o.kind === 'signals' && !o.clean)).toEqual([]);
  }, 180_000);
});
