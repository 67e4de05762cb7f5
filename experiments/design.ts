/**
 * The design of an experiment: its sweep points (a grid, a Latin hypercube or a list), its
 * size, and the assumption draws of its replications when it has an `uncertainty` block.
 */
import { stream } from '../sim/random/rng.ts';
import { assumptions, assumptionsByIds, valueAt } from '../scenarios/assumptions.ts';
import type { Experiment } from './experiment.ts';
import { latinHypercube } from './sensitivity.ts';

export interface SweepPoint {
  /** Parameter path → value at this point. */
  values: Record<string, unknown>;
}

/**
 * The assumption draws of an experiment with `uncertainty`: a Latin hypercube over as many
 * replications as it may run, each row the values (multipliers for `scale` assumptions)
 * replication k applies to every structure. Undefined without uncertainty.
 */
export function uncertaintyDraws(e: Experiment): { ids: string[]; values: number[][] } | undefined {
  const u = e.uncertainty;
  if (!u) return undefined;
  const list = u.assumptions === 'all' ? assumptions() : assumptionsByIds(u.assumptions);
  const n = Math.max(e.replications, e.sequential?.maxReplications ?? 0);
  const cube = latinHypercube(n, list.length, stream(u.seed, 'uncertainty'));
  return { ids: list.map((a) => a.id), values: cube.map((row) => row.map((x, i) => valueAt(list[i], x))) };
}

/** Past this many sweep points, planning alone takes minutes and gigabytes. */
export const MAX_SWEEP_POINTS = 10_000;

/** Sweep points and runs of an experiment, counted without planning it. */
export function experimentSize(e: Experiment): { points: number; runs: number } {
  const d = e.design;
  const points =
    d.type === 'list'
      ? d.points.length
      : d.type === 'latin-hypercube'
        ? d.points
        : e.sweep.reduce((n, s) => n * (s.values?.length ?? s.steps ?? 1), 1);
  return { points, runs: points * e.structures.length * (e.sequential?.maxReplications ?? e.replications) };
}

function sweepValues(s: Experiment['sweep'][number]): unknown[] {
  if (s.values) return s.values;
  const { from, to, steps } = s as { from: number; to: number; steps: number };
  return Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
}

/**
 * The design points of an experiment: the grid of the sweep values (the first parameter
 * varies slowest), a Latin hypercube over the sweep ranges, or the listed points.
 */
export function designPoints(e: Pick<Experiment, 'sweep' | 'design'>): SweepPoint[] {
  const d = e.design;
  if (d.type === 'list') return d.points.map((values) => ({ values: { ...values } }));
  if (d.type === 'latin-hypercube') {
    // Its own named stream: the design never shares draws with the runs.
    const cube = latinHypercube(d.points, e.sweep.length, stream(d.seed, 'design'));
    return cube.map((row) => ({
      values: Object.fromEntries(
        e.sweep.map((sw, c) => {
          const u = row[c];
          return [
            sw.param,
            sw.values ? sw.values[Math.min(sw.values.length - 1, Math.floor(u * sw.values.length))] : sw.from! + (sw.to! - sw.from!) * u,
          ];
        }),
      ),
    }));
  }
  let points: SweepPoint[] = [{ values: {} }];
  for (const sw of e.sweep) points = points.flatMap((pt) => sweepValues(sw).map((v) => ({ values: { ...pt.values, [sw.param]: v } })));
  return points;
}
