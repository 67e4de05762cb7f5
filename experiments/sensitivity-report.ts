/**
 * A sensitivity result as Markdown (for docs/sensitivity.md, the validation report and the
 * README) and as plain rows for charts: for each output, the assumptions ranked by Sobol
 * total index (or Morris μ* without Sobol), with 95% bootstrap intervals.
 */
import type { Estimate } from './sensitivity.ts';
import type { SensitivityResult } from './sensitivity-run.ts';

export interface RankedFactor {
  id: string;
  description: string;
  range: [number, number];
  scale: boolean;
  unit: string;
  muStar: Estimate;
  sigma: number;
  first?: Estimate;
  total?: Estimate;
}

/**
 * The factors of output o, most decisive first: by Morris μ* (which covers every
 * assumption), or with `by: 'total'` by Sobol total index where computed, then by μ*.
 */
export function rankedFactors(r: SensitivityResult, o: number, by: 'muStar' | 'total' = 'muStar'): RankedFactor[] {
  const sobol = r.sobol;
  const rows = r.factors.map((f, i): RankedFactor => {
    const m = r.morris.indices[o][i];
    const si = sobol ? sobol.factors.indexOf(f.id) : -1;
    const s = si >= 0 ? sobol!.indices[o][si] : undefined;
    return {
      id: f.id,
      description: f.description,
      range: f.range,
      scale: f.scale,
      unit: f.unit,
      muStar: m.muStar,
      sigma: m.sigma,
      ...(s ? { first: s.first, total: s.total } : {}),
    };
  });
  return rows.sort((a, b) => {
    const t = by === 'total' ? (b.total?.estimate ?? -1) - (a.total?.estimate ?? -1) : 0;
    return t || b.muStar.estimate - a.muStar.estimate;
  });
}

/** Display scale of a unit: shares as percentage points, large yuan in millions. */
export function displayUnit(unit: string, magnitude: number): { factor: number; unit: string } {
  if (unit === 'share') return { factor: 100, unit: 'percentage points' };
  if (Math.abs(magnitude) >= 1e6) return { factor: 1e-6, unit: `million ${unit}` };
  return { factor: 1, unit };
}

function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : digits;
  return x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
}

const est = (e: Estimate | undefined) => (e ? `${fmt(e.estimate)} [${fmt(e.lo)}, ${fmt(e.hi)}]` : '');

export function rangeText(f: { range: [number, number]; scale: boolean; unit: string }): string {
  return f.scale ? `× ${f.range[0]} – ${f.range[1]}` : `${f.range[0]} – ${f.range[1]}${f.unit ? ` ${f.unit}` : ''}`;
}

/** The Markdown section: how it was computed, then a table per output (differences first). */
export function sensitivityMarkdown(r: SensitivityResult, opts: { rows?: number; outputs?: 'differences' | 'all' } = {}): string {
  const rows = opts.rows ?? 8;
  const lines: string[] = [];
  const k = r.factors.length;
  lines.push(
    `Structures: ${r.structures.join(', ')}; ${r.days} days; every run on seed ${r.seed} (common random numbers); model version ${r.modelVersion}.`,
    `Morris screening of all ${k} assumptions (${r.morris.trajectories} trajectories on ${r.morris.levels} levels: ${r.morris.runs} runs), ` +
      (r.sobol
        ? `then Sobol indices of the ${r.sobol.factors.length} that matter most (Saltelli design, base N = ${r.sobol.n}, Jansen's estimators: ${r.sobol.runs} runs). `
        : '') +
      `Brackets are 95% bootstrap intervals (${r.spec.bootstrap} resamples). μ* is the mean absolute change of the output when the assumption moves across its whole range; ` +
      'S1 is the share of the output’s variance the assumption explains alone, ST the share it explains with its interactions.',
    '',
  );
  r.outputs.forEach((out, o) => {
    if (opts.outputs !== 'all' && !out.difference && r.structures.length > 1) return;
    const b = r.baseline[o];
    const du = displayUnit(out.unit, b.mean);
    const ranked = rankedFactors(r, o).slice(0, rows);
    lines.push(`#### ${out.label}: ${out.of} (${du.unit})`, '');
    lines.push(
      `At the presets' own values: ${fmt(b.mean * du.factor)} ${du.unit} (standard deviation over ${b.seeds} seeds: ${fmt(b.sd * du.factor)}).`,
      '',
    );
    lines.push(`| rank | assumption | plausible range | μ* (${du.unit}) | σ | S1 | ST |`, '| --- | --- | --- | --- | --- | --- | --- |');
    ranked.forEach((f, i) => {
      const m = { estimate: f.muStar.estimate * du.factor, lo: f.muStar.lo * du.factor, hi: f.muStar.hi * du.factor };
      lines.push(
        `| ${i + 1} | \`${f.id}\` | ${rangeText(f)} | ${est(m)} | ${fmt(f.sigma * du.factor)} | ${est(f.first)} | ${est(f.total)} |`,
      );
    });
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

/** One sentence naming the five assumptions that most decide output o, with their total indices. */
export function decisiveSentence(r: SensitivityResult, o: number, count = 5): string {
  const out = r.outputs[o];
  const top = rankedFactors(r, o, 'total').slice(0, count);
  const parts = top.map((f) =>
    f.total ? `\`${f.id}\` (ST ${fmt(f.total.estimate)} [${fmt(f.total.lo)}, ${fmt(f.total.hi)}])` : `\`${f.id}\``,
  );
  return `What most decides ${out.label.toLowerCase()} (${out.of}): ${parts.join(', ')}.`;
}
