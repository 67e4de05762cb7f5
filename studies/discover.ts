/**
 * Scenario discovery: under which assumptions and load does one structure lose to another?
 *
 * 1. Draws: an experiment with `uncertainty` over the assumptions (a Latin hypercube over
 *    its replications; demand per resident, the load, is one of them), the two structures
 *    compared, each draw applied to both and run on the same seed (paired).
 * 2. Outcome of interest, per draw: B's value of a metric less A's above a threshold
 *    (`slower`: B's mean time to close, open cases counted, above A's; `costlier`: B's
 *    annual cost above A's), or B's own value above a threshold.
 * 3. PRIM (analysis/prim.ts, as the EMA Workbench does it) over the drawn assumption
 *    values: boxes of the assumption space where the outcome is concentrated, each with
 *    its coverage (share of all the losing draws inside the box), density (share of the
 *    box's draws that lose), mass, the peeling trajectory (the coverage–density trade-off),
 *    and a quasi-p-value per restriction.
 * 4. Stability (analysis/prim-stability.ts): PRIM again on bootstrap resamples of the
 *    draws; how often each restriction reappears, and how much the resampled boxes overlap.
 *
 * The draws run as any experiment does (sharded, cached, resumable: cli/study-run.ts); the
 * analysis is a pure function of their output and the options.
 */
import {
  primStability,
  prim,
  seeded,
  type Limit,
  type PrimBox,
  type PrimColumn,
  type PrimStability,
  type PrimStep,
} from '../analysis/index.ts';
import type { ExperimentInput } from '../experiments/experiment.ts';
import type { ExperimentResult } from '../experiments/results.ts';
import { metricUnit } from '../experiments/results.ts';
import { metricInfo } from '../sim/observe/catalog.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { assumptionsByIds } from '../scenarios/assumptions.ts';

/** What counts as losing: B − A (or B alone) of a metric above a threshold. */
export interface DiscoverOutcome {
  metric: string;
  of: 'difference' | 'b';
  above: number;
}

export const NAMED_OUTCOMES: Record<'slower' | 'costlier', DiscoverOutcome> = {
  slower: { metric: 'hoursToCloseAll.mean', of: 'difference', above: 0 },
  costlier: { metric: 'cost.annualYuan', of: 'difference', above: 0 },
};

/** A structure as an experiment names it (a preset or an inline scenario), with its label. */
export type DiscoverStructure = ExperimentInput['structures'][number] & { label: string };

export interface DiscoverOptions {
  /** The structure that may lose (B) and the one it is compared with (A). */
  a: DiscoverStructure;
  b: DiscoverStructure;
  draws: number;
  days: number;
  /** Assumption ids to draw, or all. */
  assumptions?: string[] | 'all';
  /** Metrics to run besides the outcome's (so one set of draws answers several outcomes). */
  metrics?: string[];
  seed?: number;
}

/** The draws' experiment. */
export function discoverExperiment(o: DiscoverOptions): ExperimentInput {
  const metrics = [...new Set([...(o.metrics ?? []), NAMED_OUTCOMES.slower.metric, NAMED_OUTCOMES.costlier.metric])];
  return {
    name: `where ${o.b.label} loses to ${o.a.label}`,
    structures: [o.a, o.b],
    replications: o.draws,
    days: o.days,
    baseSeed: o.seed ?? 1,
    metrics,
    uncertainty: { assumptions: o.assumptions ?? 'all', seed: o.seed ?? 1 },
  };
}

export interface DiscoverBox {
  coverage: number;
  density: number;
  mass: number;
  /** Draws in the box, and losing draws among them. */
  n: number;
  k: number;
  /** The restricted assumptions, with the box's range and the assumption's whole range. */
  restrictions: { id: string; lo?: number; hi?: number; range: [number, number]; unit: string; scale: boolean; qp: number }[];
  description: string;
  /** The peeling trajectory: the coverage–density trade-off (and the step selected). */
  tradeoff: { coverage: number; density: number; mass: number; restricted: number }[];
  selected: number;
  stability: PrimStability;
}

export interface DiscoverResult {
  modelVersion: string;
  structures: { a: string; b: string };
  days: number;
  outcome: DiscoverOutcome & { label: string; unit: string; sentence: string };
  draws: number;
  /** Draws where B loses, and draws with no value (left out). */
  losing: number;
  missing: number;
  threshold: number;
  boxes: DiscoverBox[];
}

/** The analysis of the draws' output (see the module comment). */
export function discoverAnalysis(
  out: Pick<ExperimentResult, 'rows' | 'manifest'>,
  outcome: DiscoverOutcome,
  opts: { threshold?: number; maxBoxes?: number; resamples?: number; seed?: number } = {},
): DiscoverResult {
  const draws = out.manifest.assumptionDraws;
  if (!draws) throw new Error('discover: the output has no assumption draws (run discoverExperiment)');
  const e = out.manifest.experiment;
  if (e.structures.length !== 2) throw new Error(`discover: expected two structures (A, B), got ${e.structures.length}`);
  if (!e.metrics.includes(outcome.metric))
    throw new Error(`discover: outcome.metric: "${outcome.metric}" was not run (the draws ran ${e.metrics.join(', ')})`);
  const [la, lb] = e.structures.map((s, i) => s.label ?? `structure ${i + 1}`);
  const R = out.manifest.replications;
  const value = new Map<string, number>();
  for (const r of out.rows) if (r.metric === outcome.metric) value.set(`${r.replication}|${r.structure}`, r.value);
  const get = (k: number, st: string) => value.get(`${k}|${st}`) ?? NaN;
  const score = Array.from({ length: R }, (_, k) => (outcome.of === 'difference' ? get(k, lb) - get(k, la) : get(k, lb)));
  const kept = score.map((v, k) => (Number.isFinite(v) ? k : -1)).filter((k) => k >= 0);
  const y = kept.map((k) => score[k] > outcome.above);
  const list = assumptionsByIds(draws.ids);
  const inputs: PrimColumn[] = draws.ids.map((id, i) => ({ name: id, values: kept.map((k) => draws.values[k][i]) }));
  const threshold = opts.threshold ?? 0.8;
  const label = metricInfo(outcome.metric)?.label ?? outcome.metric;
  const unit = metricUnit(outcome.metric);
  const sentence =
    outcome.of === 'difference'
      ? `${label}: ${lb} − ${la} above ${outcome.above} ${unit}`
      : `${label} of ${lb} above ${outcome.above} ${unit}`;
  const losing = y.filter(Boolean).length;
  const result: DiscoverResult = {
    modelVersion: MODEL_VERSION,
    structures: { a: la, b: lb },
    days: e.days,
    outcome: { ...outcome, label, unit, sentence },
    draws: R,
    losing,
    missing: R - kept.length,
    threshold,
    boxes: [],
  };
  if (losing === 0 || losing === y.length) return result;
  const res = prim(inputs, y, { threshold, maxBoxes: opts.maxBoxes ?? 2 });
  const rand = seeded(`discover/${opts.seed ?? 1}`);
  const byId = new Map(list.map((a) => [a.id, a]));
  const restrictedCount = (s: PrimStep) => s.limits.length;
  result.boxes = res.boxes.map((b: PrimBox): DiscoverBox => ({
    coverage: b.box.coverage,
    density: b.box.density,
    mass: b.box.mass,
    n: b.box.n,
    k: b.box.k,
    restrictions: b.restrictions.map((r) => {
      const l = r.limit as Extract<Limit, { lo?: number }>;
      const a = byId.get(l.name)!;
      return {
        id: l.name,
        ...(l.lo !== undefined ? { lo: l.lo } : {}),
        ...(l.hi !== undefined ? { hi: l.hi } : {}),
        range: a.range,
        unit: a.unit,
        scale: a.scale,
        qp: r.qp,
      };
    }),
    description: b.description,
    tradeoff: b.trajectory.map((s) => ({ coverage: s.coverage, density: s.density, mass: s.mass, restricted: restrictedCount(s) })),
    selected: b.selected,
    stability: primStability(inputs, y, b, rand, { threshold, resamples: opts.resamples ?? 50 }),
  }));
  return result;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const num = (x: number) => {
  const a = Math.abs(x);
  return x.toLocaleString('en', { maximumFractionDigits: a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3 });
};

/** A restriction as a person reads it: "demand.casesPerResidentYear ≥ × 1.21 (of × 0.7 – 1.5)". */
export function restrictionText(r: DiscoverBox['restrictions'][number]): string {
  const x = (v: number) => (r.scale || r.unit === '×' ? `× ${num(v)}` : `${num(v)}${r.unit && r.unit !== 'share' ? ` ${r.unit}` : ''}`);
  const span = r.scale || r.unit === '×' ? `× ${num(r.range[0])} – ${num(r.range[1])}` : `${num(r.range[0])} – ${x(r.range[1])}`;
  const cond =
    r.lo !== undefined && r.hi !== undefined ? `${x(r.lo)} to ${x(r.hi)}` : r.lo !== undefined ? `≥ ${x(r.lo)}` : `≤ ${x(r.hi!)}`;
  return `\`${r.id}\` ${cond} (plausible ${span})`;
}

/** The result as Markdown: the outcome, then each box with its ranges, coverage, density and stability. */
export function discoverMarkdown(r: DiscoverResult): string {
  const lines: string[] = [];
  lines.push(
    `Where ${r.structures.b} loses to ${r.structures.a}: ${r.outcome.sentence}. ${r.draws} draws of the assumptions (a Latin hypercube over their plausible ranges, the same draw and seed for both), ${r.days} days each, model version ${r.modelVersion}.`,
    `${r.losing} of ${r.draws - r.missing} draws (${pct(r.losing / Math.max(1, r.draws - r.missing))}) have the outcome${r.missing > 0 ? `; ${r.missing} gave no value and are left out` : ''}.`,
    '',
  );
  if (r.boxes.length === 0) {
    lines.push(r.losing === 0 ? 'In no draw: there is no box to find.' : 'In every draw: it does not depend on the assumptions drawn.', '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `PRIM boxes (peeling 5% at a time, the step with the most coverage whose density reaches ${pct(r.threshold)}, then pasting). ` +
      'Coverage: share of the losing draws inside the box; density: share of the box’s draws that lose; stability: how often the restriction reappears in PRIM on bootstrap resamples of the draws.',
    '',
  );
  r.boxes.forEach((b, i) => {
    lines.push(
      `#### Box ${i + 1}: coverage ${pct(b.coverage)}, density ${pct(b.density)} (${b.k} of ${b.n} draws), mass ${pct(b.mass)}; overlap with resampled boxes ${pct(b.stability.meanOverlap)}`,
      '',
    );
    lines.push('| restriction | quasi-p | reappears |', '| --- | --- | --- |');
    const again = (id: string) => b.stability.inputs.find((s) => s.name === id)?.reproduceCoverage ?? 0;
    for (const x of [...b.restrictions].sort((p, q) => again(q.id) - again(p.id) || p.qp - q.qp))
      lines.push(`| ${restrictionText(x)} | ${x.qp < 0.001 ? '< 0.001' : x.qp.toFixed(3)} | ${pct(again(x.id))} |`);
    lines.push(
      '',
      'A restriction that reappears in fewer than half the resamples, or whose quasi-p is above 0.05, is likely noise of the draws.',
    );
    const t = b.tradeoff;
    const picks = [
      ...new Set([0, Math.floor(t.length / 4), Math.floor(t.length / 2), Math.floor((3 * t.length) / 4), b.selected, t.length - 1]),
    ]
      .filter((s) => s < t.length)
      .sort((p, q) => p - q);
    lines.push(
      '',
      `Trade-off while peeling (coverage → density): ${picks.map((s) => `${pct(t[s].coverage)} → ${pct(t[s].density)}${s === b.selected ? ' (selected)' : ''}`).join(', ')}.`,
      '',
    );
  });
  return `${lines.join('\n')}\n`;
}
