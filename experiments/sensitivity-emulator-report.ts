/**
 * An emulator-based sensitivity result (sensitivity-emulator.ts) as Markdown: how it was
 * computed, each emulator's held-out check, and per output the assumptions ranked by Sobol
 * total index with their 95% intervals — or, where the emulator failed its check, why no
 * indices are given.
 */
import type { IndexEstimate } from '../analysis/index.ts';
import type { EmulatorSensitivityResult } from './sensitivity-emulator.ts';
import { displayUnit, rangeText } from './sensitivity-report.ts';

function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : digits;
  return x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
}

const est = (e: IndexEstimate) => `${fmt(e.estimate)} [${fmt(e.lo)}, ${fmt(e.hi)}]`;

/** The factors of output o by total index, most decisive first (none when its emulator failed). */
export function emulatorRanked(r: EmulatorSensitivityResult, o: number): { factor: number; first: IndexEstimate; total: IndexEstimate }[] {
  const ix = r.results[o].indices;
  if (!ix) return [];
  return ix
    .map((x, factor) => ({ factor, first: x.first, total: x.total }))
    .sort((a, b) => b.total.estimate - a.total.estimate || a.factor - b.factor);
}

/** The check of output o in words. */
export function checkText(r: EmulatorSensitivityResult, o: number): string {
  const c = r.results[o].check;
  if (!Number.isFinite(c.r2)) return `no emulator: ${c.reasons.join('; ')}`;
  return (
    `held-out check on ${c.runs} runs: R² ${fmt(c.r2, 3)} (${fmt(c.noiseAdjustedR2, 3)} against the mean over seeds), ` +
    `95% intervals cover ${fmt(100 * c.coverage95, 0)}%, standardised errors sd ${fmt(c.standardisedErrors.sd)}` +
    (c.passed ? ': passed' : `: FAILED (${c.reasons.join('; ')})`)
  );
}

/** One sentence naming the assumptions that most decide output o, with their total indices and intervals. */
export function emulatorDecisiveSentence(r: EmulatorSensitivityResult, o: number, count = 5): string {
  const out = r.outputs[o];
  const ranked = emulatorRanked(r, o).slice(0, count);
  if (ranked.length === 0)
    return `${out.label} (${out.of}): no indices, the emulator failed its check (${r.results[o].refused?.join('; ')}).`;
  const parts = ranked.map((f) => `\`${r.factors[f.factor].id}\` (ST ${est(f.total)})`);
  return `What most decides ${out.label.toLowerCase()} (${out.of}): ${parts.join(', ')}.`;
}

/** The Markdown section: how it was computed, then a table per output (differences first). */
export function emulatorMarkdown(r: EmulatorSensitivityResult, opts: { rows?: number } = {}): string {
  const rows = opts.rows ?? 8;
  const es = r.spec.emulator;
  const k = r.factors.length;
  const cost = r.factors.filter((f) => f.costOnly).length;
  const lines: string[] = [];
  lines.push(
    `Structures: ${r.structures.join(', ')}; ${r.days} days; model version ${r.modelVersion}.`,
    `A maximin Latin hypercube of ${r.design.points} points over all ${k} assumptions; each point runs every structure once on its own seed ` +
      `(the same seed for every structure: paired differences), ${r.design.runs} runs. ` +
      (cost > 0
        ? `The ${cost} cost-only assumptions are applied to the finished runs (experiments/cost-only.ts), and left out of the emulators of outputs that are not costs (their indices there are 0). `
        : '') +
      `One Gaussian-process emulator per output (${es?.kernel ?? 'matern52'} kernel, linear mean when there are three training runs per coefficient, else constant; a nugget for the seed noise), trained on ${r.design.train} points and checked on the ${r.design.heldOut} held out ` +
      `(refused below R² ${es?.check.minR2 ?? 0.9}, coverage outside [${(es?.check.coverage ?? [0.85, 1]).map((x) => `${Math.round(100 * x)}%`).join(', ')}] or standardised-error sd above ${es?.check.maxErrorSd ?? 1.6}). ` +
      `Sobol indices of the mean over seeds from ${es?.realisations ?? 40} emulator realisations on a Saltelli design of base N = ${es?.baseSamples ?? 1024}; ` +
      'brackets are 95% intervals that include the emulator’s uncertainty and the Monte Carlo error. ' +
      'S1 is the share of the output’s variance the assumption explains alone, ST the share it explains with its interactions.',
    '',
  );
  r.outputs.forEach((out, o) => {
    if (!out.difference && r.structures.length > 1 && r.outputs.some((x) => x.difference)) return;
    const res = r.results[o];
    const du = displayUnit(out.unit, res.runs.mean);
    lines.push(`#### ${out.label}: ${out.of} (${du.unit})`, '');
    lines.push(
      `Over the design's runs: mean ${fmt(res.runs.mean * du.factor)} ${du.unit}, standard deviation ${fmt(res.runs.sd * du.factor)}` +
        (res.emulator ? `; seed noise sd ${fmt(res.emulator.noiseSd * du.factor)}` : '') +
        `. Emulator ${checkText(r, o)}.`,
      '',
    );
    const ranked = emulatorRanked(r, o).slice(0, rows);
    if (ranked.length === 0) {
      lines.push('No indices: an emulator that fails its check is not used.', '');
      return;
    }
    lines.push('| rank | assumption | plausible range | S1 | ST |', '| --- | --- | --- | --- | --- |');
    ranked.forEach((f, i) => {
      const a = r.factors[f.factor];
      lines.push(`| ${i + 1} | \`${a.id}\`${a.costOnly ? ' (cost only)' : ''} | ${rangeText(a)} | ${est(f.first)} | ${est(f.total)} |`);
    });
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

/** A sentence for the command line when some emulators failed their check (undefined when none did). */
export function refusalSummary(r: EmulatorSensitivityResult): string | undefined {
  const failed = r.results.map((x, o) => (x.refused ? o : -1)).filter((o) => o >= 0);
  if (failed.length === 0) return undefined;
  const names = failed.map((o) => `${r.outputs[o].label} (${r.outputs[o].of})`);
  return (
    `no indices for ${failed.length} of ${r.outputs.length} outputs: their emulators failed the held-out check (${names.join('; ')}). ` +
    `Each one's reasons are in the tables; more design points (--points) or fewer assumptions (sensitivity.assumptions) may let them pass.`
  );
}
