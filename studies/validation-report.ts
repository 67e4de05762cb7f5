/**
 * The validation report (docs/validation.md) and the block of README.md that quotes it,
 * generated from the code: the theory checks (theory-checks.ts), the seeds' figures (the
 * calibration study), the patterns from independent cases (patterns.ts), the mechanisms
 * switched off one at a time (mechanisms.ts), and the sensitivity analysis and the history
 * match committed for this model version. No I/O:
 * the caller runs it with an executor and writes the files (cli/validate.ts); the test
 * regenerates it in memory and compares. No dates or timings, so the same code gives the
 * same bytes.
 */
import { MODEL_VERSION } from '../sim/version.ts';
import { parseExperiment, type ExperimentInput } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { type ExperimentResult } from '../experiments/results.ts';
import { runExperiment } from '../experiments/runner.ts';
import { type Executor } from '../experiments/executor.ts';
import type { Interval } from '../experiments/stats.ts';
import { presetJson } from '../scenarios/presets.ts';
import { calibrationFigures, calibrationStudy, type SeedFigure } from './calibration.ts';
import { MECHANISM_METRICS, MECHANISM_PAIR, mechanismEffects, mechanismsStudy, type MechanismEffect } from './mechanisms.ts';
import { theoryChecks, type Check } from './theory-checks.ts';
import { historyMatchMarkdown, historyMatchSummary, type HistoryMatchResult } from './history-matching.ts';
import { patternsMarkdown, patternsStudy, type PatternsResult } from './patterns.ts';
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';
import { decisiveSentence, sensitivityMarkdown } from '../experiments/sensitivity-report.ts';
import { combinationLabel, decompose, decompositionExperiment, decompositionMarkdown, type Decomposition } from './decompose.ts';
import { loadPreset } from '../scenarios/presets.ts';

/** Replications and days of the studies the report runs (a few minutes of two cores in all, the patterns from independent cases included). */
export const REPORT_RUNS = {
  calibration: { replications: 5, days: 365 },
  mechanisms: { replications: 5, days: 180 },
  decomposition: { replications: 5, days: 365 },
} as const;

/** The pairs whose differences the report decomposes into structure, resources, policy and calendars. */
export const DECOMPOSITION_PAIRS: [string, string][] = [
  ['traditional-county', 'longgang-2021'],
  ['longgang-town-2018', 'longgang-2021'],
];

export const README_START = '<!-- validate:start -->';
export const README_END = '<!-- validate:end -->';
/** The sensitivity analysis of the reform's before and after (npm run experiment -- sensitivity … --out), which the app shows too. */
export const SENSITIVITY_FILE = 'docs/sensitivity.json';
/** The calibration by history matching (npm run study -- history-match … --result). */
export const HISTORY_MATCHING_FILE = 'docs/history-matching.json';
export const SENSITIVITY_COMMAND = `npm run experiment -- sensitivity experiments/reform-sensitivity.experiment.json --out ${SENSITIVITY_FILE}`;
export const HISTORY_MATCHING_COMMAND = `npm run study -- history-match --result ${HISTORY_MATCHING_FILE}`;

/** The analyses computed once per model version and committed: the report includes them, and says when they are stale. */
export interface Computed {
  sensitivity?: SensitivityResult;
  historyMatching?: HistoryMatchResult;
}

export interface ValidationResults {
  theory: Check[];
  seeds: SeedFigure[];
  patterns: PatternsResult;
  mechanisms: MechanismEffect[];
  /** Each pair's differences split into structure, resources, policy and calendars, and the combinations whose runs were unstable. */
  decompositions: { a: string; b: string; aName: string; bName: string; rows: Decomposition[]; unstable: string[] }[];
  runs: {
    calibration: { replications: number; days: number; seeds: number[]; structures: string[] };
    mechanisms: { replications: number; days: number; seeds: number[]; structures: string[] };
  };
}

async function run(input: ExperimentInput, exec: Executor): Promise<ExperimentResult> {
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  // A fixed date: the manifest is not part of the report, and nothing here may depend on the clock.
  const out = await runExperiment(plan, exec, { date: new Date(0) });
  if (out.failures.length > 0) throw new Error(`${input.name}: ${out.failures.length} replication(s) failed: ${out.failures[0].message}`);
  return out;
}

/** Run every check and study the report shows. */
export async function validationResults(exec: Executor): Promise<ValidationResults> {
  const theory = theoryChecks();
  const { calibration: c, mechanisms: m } = REPORT_RUNS;
  const cal = await run(calibrationStudy(c.replications, c.days), exec);
  const mech = await run(mechanismsStudy(m.replications, m.days), exec);
  const d = REPORT_RUNS.decomposition;
  const decompositions: ValidationResults['decompositions'] = [];
  for (const [aId, bId] of DECOMPOSITION_PAIRS) {
    const a = loadPreset(aId);
    const b = loadPreset(bId);
    const out = await run(decompositionExperiment(a, b, { replications: d.replications, days: d.days }), exec);
    const unstable = [...new Set(out.rows.filter((x) => x.metric === 'stability.stable' && x.value === 0).map((x) => x.structure))].sort(
      (x, y) => combinationOrder(x) - combinationOrder(y),
    );
    decompositions.push({
      a: aId,
      b: bId,
      aName: a.name.split(':')[0],
      bName: b.name.split(':')[0],
      rows: decompose(out).filter((x) => x.metric !== 'stability.stable'),
      unstable,
    });
  }
  const patterns = await patternsStudy(exec);
  const runs = (out: ExperimentResult) => ({
    replications: out.manifest.replications,
    days: out.manifest.experiment.days,
    seeds: out.manifest.seeds,
    structures: out.manifest.experiment.structures.map((s) => s.label ?? s.preset ?? ''),
  });
  return {
    theory,
    seeds: calibrationFigures(cal),
    patterns,
    mechanisms: mechanismEffects(mech),
    decompositions,
    runs: { calibration: runs(cal), mechanisms: runs(mech) },
  };
}

/** Where a combination's label sits among the 16 (A first, B last). */
function combinationOrder(label: string): number {
  for (let m = 0; m < 16; m++) if (combinationLabel(m) === label) return m;
  return 99;
}

// Numbers: fixed decimals per unit, so the text changes only when a figure does.
const grouped = (x: number, d: number) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

function theoryNumber(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'share') return `${(100 * x).toFixed(2)}%`;
  if (Number.isInteger(x)) return grouped(x, 0);
  return Math.abs(x) >= 1000 ? grouped(x, 1) : x.toPrecision(4);
}

const theoryUnit = (unit: string) => (unit === 'share' ? '' : ` ${unit}`);

function seedNumber(f: SeedFigure): string {
  const v = f.unit === 'share' ? `${(100 * f.simulated).toFixed(1)}%` : `${grouped(f.simulated / 1e6, 1)} million yuan/year`;
  return `${v}${f.suffix ?? ''}`;
}

function seedInterval(f: SeedFigure): string {
  if (f.lo === f.hi) return 'exact (does not vary)';
  return f.unit === 'share'
    ? `${(100 * f.lo).toFixed(1)}–${(100 * f.hi).toFixed(1)}%`
    : `${grouped(f.lo / 1e6, 1)}–${grouped(f.hi / 1e6, 1)} million`;
}

const verdict = (f: SeedFigure) => (f.pass ? 'pass' : 'falls short');

function signed(x: number, d: number): string {
  const s = grouped(Math.abs(x), d);
  return Number(s.replace(/,/g, '')) === 0 ? s : `${x > 0 ? '+' : '−'}${s}`;
}

/** A paired difference in a metric's unit: hours, percentage points or yuan. */
function differenceText(iv: Interval | undefined, metric: string): string {
  if (!iv) return '–';
  const pts = metric === 'localResolutionShare' || metric.startsWith('sla.');
  const k = pts ? 100 : 1;
  const d = metric.startsWith('cost.') ? 0 : 1;
  return `${signed(k * iv.mean, d)} ± ${grouped(k * iv.half, d)}`;
}

const METRIC_HEADINGS: Record<string, string> = {
  'hoursToCloseAll.mean': 'mean time to close, open cases at their age (h)',
  localResolutionShare: 'closed at grid or community, of all cases raised (percentage points)',
  'sla.close24h': 'non-field closed within 24 h (percentage points)',
  'cost.perCaseYuan': 'cost per case closed (yuan)',
};

const seedList = (seeds: number[]) => seeds.join(', ');

function table(head: string[], rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join(
    '\n',
  );
}

/** The seeds' figures as a Markdown table (the report's, and `npm run study -- calibration`'s). */
export function seedTable(seeds: SeedFigure[]): string {
  return table(
    ['seed figure (document)', 'expected', 'simulated', '95% interval', 'measured on', 'verdict'],
    seeds.map((f) => [`${f.figure} (${f.source})`, f.expected, seedNumber(f), seedInterval(f), f.measure, verdict(f)]),
  );
}

/** The mechanisms switched off as a Markdown table (the report's, and `npm run study -- mechanisms`'s). */
export function mechanismsTable(effects: MechanismEffect[]): string {
  const metrics = MECHANISM_METRICS.map((m) => m.id);
  return table(
    ['mechanism', 'switch', 'module', ...metrics.map((m) => `Δ ${METRIC_HEADINGS[m] ?? m}`)],
    effects.map((e) => [
      e.name,
      e.switch ? `\`${e.switch}\` = false` : '—',
      e.module,
      ...metrics.map((m) => differenceText(e.differences[m], m)),
    ]),
  );
}

/** Why a committed analysis cannot be shown (missing, or computed by another model version), or undefined. */
export function staleness(what: { modelVersion: string } | undefined, command: string): string | undefined {
  if (!what) return `Not yet computed: run \`${command}\`, then \`npm run validate\`.`;
  if (what.modelVersion !== MODEL_VERSION)
    return `Out of date: computed by model ${what.modelVersion}, this is model ${MODEL_VERSION}. Run \`${command}\`, then \`npm run validate\`.`;
  return undefined;
}

/** The sensitivity outputs the README quotes: the mean time to close and the annual cost, as differences between the structures. */
function decisive(s: SensitivityResult): string[] {
  return ['hoursToCloseAll.mean', 'localResolutionShare', 'cost.annualYuan']
    .map((m) => s.outputs.findIndex((o) => o.metric === m && o.difference))
    .filter((o) => o >= 0)
    .map((o) => `- ${decisiveSentence(s, o)}`);
}

/** The Markdown of docs/validation.md, with the committed sensitivity analysis and history match if current. */
export function renderReport(r: ValidationResults, computed: Computed = {}): string {
  const passed = r.theory.filter((c) => c.pass).length;
  const reproduced = r.seeds.filter((f) => f.pass).length;
  const { calibration: cal, mechanisms: mech } = r.runs;
  const out: string[] = [];
  out.push('# Validation report', '');
  out.push(
    `Model version ${MODEL_VERSION}. Generated from the code by \`npm run validate\`, which rewrites this file and the`,
    'block of README.md that quotes it; do not edit either by hand. `npm run check` fails when they are out of date',
    'with the model or when a theory check fails (`test/validation.test.ts`).',
    '',
    `- Theory checks: **${passed} of ${r.theory.length} pass**. Each runs on its own fixed seeds, named in its row.`,
    `- The seeds' figures: **${reproduced} of ${r.seeds.length} reproduced**; the others fall short and are reported as such (not a failure of the check).`,
    `  Runs: ${cal.structures.join(' and ')}, ${cal.replications} replications of ${cal.days} days, seeds ${seedList(cal.seeds)}`,
    '  (derived from base seed 1; replication k of every structure uses the same seed: common random numbers, paired differences).',
    `- Patterns from independent cases: **${r.patterns.patterns.filter((p) => p.pass).length} of ${r.patterns.patterns.length} within tolerance**; the others fall short and the section says why.`,
    `- Mechanisms switched off: ${MECHANISM_PAIR.join(' against ')}, ${mech.replications} replications of ${mech.days} days, ${seedList(mech.seeds) === seedList(cal.seeds) ? 'the same seeds' : `seeds ${seedList(mech.seeds)}`}.`,
    '- Intervals are 95% Student-t intervals of the mean over replications, unless a row says otherwise.',
    '',
  );

  out.push('## Theory checks', '');
  out.push(
    'The simulation against closed-form results (`studies/theory-checks.ts`; `test/queueing.test.ts`,',
    '`test/model.test.ts` and `test/mechanisms.test.ts` assert the same checks). With the mechanisms of',
    'the reference scenarios off, the model is a queueing network these formulas describe exactly.',
    '',
  );
  out.push(
    table(
      ['check', 'formula', 'expected', 'simulated', '95% interval', 'runs', 'passes when', 'result'],
      r.theory.map((c) => [
        c.name,
        c.formula,
        `${theoryNumber(c.expected, c.unit)}${theoryUnit(c.unit)}`,
        `${theoryNumber(c.simulated, c.unit)}${theoryUnit(c.unit)}`,
        Number.isFinite(c.lo) ? `${theoryNumber(c.lo, c.unit)} – ${theoryNumber(c.hi, c.unit)}${theoryUnit(c.unit)}` : '–',
        c.basis,
        c.rule,
        c.pass ? 'pass' : '**FAIL**',
      ]),
    ),
    '',
  );

  out.push("## The seeds' figures", '');
  out.push(
    'The figures the seed documents state (`ODD.md`, "The facts the model rests on") are outcomes the model\'s',
    'results are checked against, never inputs (`studies/calibration.ts`: `calibrationStudy`, `calibrationFigures`;',
    '`npm run study -- calibration` prints the same table). A figure passes when its whole 95% interval clears',
    'the bar. The seeds\' comparator for "comparable counties" is unnamed: the traditional county is built from',
    'stated staffing norms (its `assumptions` say which). The service targets (004) are rules without a rate; this',
    'report reads "met" as met for at least 90% of the cases each applies to, an assumption of the report.',
    '',
    seedTable(r.seeds),
    '',
  );

  out.push('## Patterns from independent cases', '');
  out.push(
    'Patterns observed outside Longgang (`../shared/MODEL.md`, "Patterns from independent cases"), each case a pair',
    'of presets before and after its reform as far as its sources go (`scenarios/presets/`: `dongcheng-2003` and',
    '`-2005`, `beijing-12345-2018` and `-2019`, `tongling-2009` and `-2010`), run with the assumptions every preset',
    "shares (`studies/patterns.ts` defines each pattern and how it maps to the model's output; `npm run study --",
    'patterns` prints the same table).',
    '',
    patternsMarkdown(r.patterns).trim(),
    '',
  );

  out.push('## Mechanisms', '');
  out.push(
    'Each mechanism is a rule in its own module with a switch under `mechanisms` in the scenario',
    '(`scenarios/README.md`, "How structure decides the outcome"; `test/mechanisms.test.ts` asserts each rule).',
    `The table gives the default comparison, ${MECHANISM_PAIR[1]} less ${MECHANISM_PAIR[0]} (paired over`,
    'replications), with every mechanism on and then with one switched off in both structures',
    '(`studies/mechanisms.ts`: `mechanismsStudy`). The honest metrics have no switch: their row gives the same',
    'comparison measured on closed cases only (mean time to close of closed cases, local share of cases closed).',
    '',
  );
  out.push(
    mechanismsTable(r.mechanisms),
    '',
    `Δ: ${MECHANISM_PAIR[1]} minus ${MECHANISM_PAIR[0]}, mean ± 95% half-width. Compare each row with the first:`,
    'the change is what the mechanism contributes to the difference between the structures.',
    '',
  );

  out.push('## How much of each difference is structure', '');
  out.push(
    'A comparison of two structures says how much of each difference is structure. Every field of a scenario',
    'belongs to one part (`scenarios/parts.ts`): structure (levels, units, organs and the domains they own),',
    'resources (posts and what a post brings: training, contract hours, cost), policy (what a county could adopt',
    'without reorganising: platform, centre, levers, powers, casework shares, procedures) and calendars (office',
    'hours, on-call cover); the setting (population, demand, residents, assumptions) is held alike. Each pair below',
    "is run in all 16 combinations of its parts on common random numbers (`studies/decompose.ts`), and each metric's",
    "difference is split into the parts' Shapley values, which add up to it run by run (`npm run study -- decompose",
    `A B\`). ${REPORT_RUNS.decomposition.replications} replications of ${REPORT_RUNS.decomposition.days} days, the first 28 discarded as warm-up.`,
    '',
  );
  for (const dc of r.decompositions) {
    out.push(`### ${dc.aName} → ${dc.bName}`, '');
    out.push(decompositionMarkdown(dc.rows, dc.a, dc.b), '');
    if (dc.unstable.length > 0)
      out.push(
        `Unstable combinations (an office group saturated or open cases growing in at least one replication; their means grow with the run's length): ${dc.unstable.join(', ')}.`,
        '',
      );
    else out.push('Every combination reached a steady state in every replication.', '');
  }

  out.push('## Sensitivity', '');
  out.push(
    'Which assumptions (parameters no source gives, each with a plausible range in the schema) decide the',
    `comparison: \`${SENSITIVITY_COMMAND}\` (\`experiments/sensitivity-run.ts\`; the app's "What decides the answer" shows the same result).`,
    '',
  );
  const sStale = staleness(computed.sensitivity, SENSITIVITY_COMMAND);
  if (sStale) out.push(sStale, '');
  else out.push(...decisive(computed.sensitivity!), '', sensitivityMarkdown(computed.sensitivity!).trim(), '');

  out.push('## Calibration by history matching', '');
  out.push(
    'Which values of the assumptions are not ruled out by every pattern and seed figure at once, in waves of runs',
    'with emulators (`studies/history-matching.ts` describes the procedure), and what they imply for the Longgang',
    `comparison: \`${HISTORY_MATCHING_COMMAND}\`.`,
    '',
  );
  const hStale = staleness(computed.historyMatching, HISTORY_MATCHING_COMMAND);
  if (hStale) out.push(hStale, '');
  else out.push(historyMatchMarkdown(computed.historyMatching!).trim(), '');
  return out.join('\n');
}

/** The block README.md quotes between its markers: the headline seed figures and the count of theory checks. */
export function renderReadmeBlock(r: ValidationResults, computed: Computed = {}): string {
  const passed = r.theory.filter((c) => c.pass).length;
  const { calibration: cal } = r.runs;
  return [
    README_START,
    `From \`docs/validation.md\` (model ${MODEL_VERSION}; Longgang 2021, mean and 95% interval over ${cal.replications} replications of`,
    `${cal.days} days; theory checks: ${passed} of ${r.theory.length} pass):`,
    '',
    table(
      ['seed figure', 'expected', 'simulated', 'verdict'],
      r.seeds.map((f) => [
        `${f.figure} (${f.source})`,
        f.expected,
        `${seedNumber(f)}${f.lo === f.hi ? '' : ` (${seedInterval(f)})`}`,
        verdict(f),
      ]),
    ),
    ...(computed.sensitivity && !staleness(computed.sensitivity, SENSITIVITY_COMMAND)
      ? [
          '',
          `What decides the reform's gain (${computed.sensitivity.structures.join(' against ')}; Sobol total index ST with its 95% interval):`,
          '',
          ...decisive(computed.sensitivity),
        ]
      : []),
    '',
    `Patterns from independent cases (Beijing Dongcheng, Beijing 12345, Tongling, the reversals of direct management): ${r.patterns.patterns.filter((p) => p.pass).length} of ${r.patterns.patterns.length} within tolerance (${r.patterns.patterns
      .filter((p) => !p.pass)
      .map((p) => `\`${p.id}\``)
      .join(', ')} fall short; the report says why).`,
    ...(computed.historyMatching && !staleness(computed.historyMatching, HISTORY_MATCHING_COMMAND)
      ? ['', historyMatchSummary(computed.historyMatching)]
      : []),
    '',
    'How much of each difference is structure (Shapley values over the 16 combinations of the two structures’ parts, mean ± 95% half-width):',
    '',
    ...r.decompositions.map((dc) => `- ${structuralSentence(dc)}`),
    README_END,
  ].join('\n');
}

/** README.md with its validation block replaced; throws if the markers are missing or out of order. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md: expected the markers ${README_START} and ${README_END}, in that order`);
  return readme.slice(0, a) + block + readme.slice(b + README_END.length);
}

/** One sentence per pair: the difference in mean time to close and in the local share, and what structure contributes. */
export function structuralSentence(dc: ValidationResults['decompositions'][number]): string {
  const part = (metric: string) => dc.rows.find((x) => x.metric === metric);
  const f = (x: number, unit: string) => (unit === 'share' ? `${(100 * x).toFixed(1)} points` : `${x.toFixed(2)} h`);
  const phrase = (metric: string, what: string) => {
    const row = part(metric);
    if (!row) return '';
    const [s, res, pol, cal] = row.parts.map((p) => p.shapley);
    return `${what} ${f(row.total.mean, row.unit)} (± ${f(row.total.half, row.unit)}): structure ${f(s.mean, row.unit)} ± ${f(s.half, row.unit)}, resources ${f(res.mean, row.unit)}, policy ${f(pol.mean, row.unit)}, calendars ${f(cal.mean, row.unit)}`;
  };
  return `${dc.aName} → ${dc.bName}: ${phrase('hoursToCloseAll.mean', 'mean time to close (open cases counted)')}; ${phrase('localResolutionShare', 'closed locally')}${dc.unstable.length ? ` (unstable combinations: ${dc.unstable.join(', ')})` : ''}.`;
}
