/**
 * How stable a PRIM box is under resampling, as in the EMA Workbench's `resample`: PRIM is
 * run again on B resamples of the runs (bootstrap by default, or subsamples of a given
 * fraction without replacement, EMA's choice with fraction ½), and in each new trajectory
 * the step closest to the box in coverage (and, separately, in density) is taken. The
 * result says how often each input is restricted in those steps — a restriction that
 * reappears in most resamples is a finding, one that rarely does is noise — and how much
 * the resampled boxes overlap the original on the full data (Jaccard index of their runs).
 */
import { prim, rowsInBox, type PrimBox, type PrimColumn, type PrimOptions } from './prim.ts';
import { integer, shuffled, type Random } from './random.ts';

export interface StabilityOptions extends PrimOptions {
  /** Resamples (default 50). */
  resamples?: number;
  /** Subsample this share of the runs without replacement instead of bootstrapping. */
  fraction?: number;
}

export interface PrimStability {
  resamples: number;
  method: 'bootstrap' | 'subsample';
  /** Per input: share of resamples whose matching step restricts it. */
  inputs: { name: string; reproduceCoverage: number; reproduceDensity: number }[];
  /** Mean Jaccard overlap of the box's runs with those of the resampled boxes matched on coverage. */
  meanOverlap: number;
}

function take(col: PrimColumn, idx: readonly number[]): PrimColumn {
  return 'categories' in col
    ? { name: col.name, categories: idx.map((i) => col.categories[i]) }
    : { name: col.name, values: idx.map((i) => col.values[i]) };
}

export function primStability(
  inputs: readonly PrimColumn[],
  y: readonly boolean[],
  box: PrimBox,
  rand: Random,
  options: StabilityOptions = {},
): PrimStability {
  const b = options.resamples ?? 50;
  const n = y.length;
  const counts = new Map(inputs.map((c) => [c.name, { coverage: 0, density: 0 }]));
  const original = new Set(rowsInBox(inputs, box.box.limits));
  let overlap = 0;
  const all = y.map((_, i) => i);
  for (let t = 0; t < b; t++) {
    const idx =
      options.fraction !== undefined
        ? shuffled(all, rand).slice(0, Math.max(2, Math.round(options.fraction * n)))
        : all.map(() => integer(n, rand));
    const res = prim(
      inputs.map((c) => take(c, idx)),
      idx.map((i) => y[i]),
      { ...options, maxBoxes: 1, step: undefined },
    );
    const traj = res.boxes[0]?.trajectory;
    if (!traj) continue;
    // The step nearest in one measure, ties (a run of steps at coverage 1, say) broken by the other.
    const nearest = (key: 'coverage' | 'density') => {
      const other = key === 'coverage' ? 'density' : 'coverage';
      const gap = (s: (typeof traj)[number]) => [Math.abs(s[key] - box.box[key]), Math.abs(s[other] - box.box[other])];
      return traj.reduce((bi, s, i) => {
        const [g, h] = gap(s);
        const [gb, hb] = gap(traj[bi]);
        return g < gb || (g === gb && h < hb) ? i : bi;
      }, 0);
    };
    const byCoverage = traj[nearest('coverage')];
    const byDensity = traj[nearest('density')];
    for (const l of byCoverage.limits) counts.get(l.name)!.coverage++;
    for (const l of byDensity.limits) counts.get(l.name)!.density++;
    const rows = rowsInBox(inputs, byCoverage.limits);
    const inter = rows.filter((r) => original.has(r)).length;
    const union = rows.length + original.size - inter;
    overlap += union > 0 ? inter / union : 1;
  }
  return {
    resamples: b,
    method: options.fraction !== undefined ? 'subsample' : 'bootstrap',
    inputs: inputs
      .map((c) => ({
        name: c.name,
        reproduceCoverage: counts.get(c.name)!.coverage / b,
        reproduceDensity: counts.get(c.name)!.density / b,
      }))
      .sort((p, q) => q.reproduceCoverage - p.reproduceCoverage || q.reproduceDensity - p.reproduceDensity),
    meanOverlap: overlap / b,
  };
}
