/**
 * How much of a difference between two structures is structure. For a pair A → B, every
 * combination of the parts structure, resources, policy and calendars (scenarios/parts.ts) is
 * composed — each part from A or from B, the setting held alike — and run on common random
 * numbers. The difference in each metric, B − A, is split among the parts by Shapley values:
 * each part's average contribution over the orders in which the parts could change from A to
 * B, so the parts add up to the total exactly, run by run. Each part also has its effect alone
 * (only it from B) and the interaction (its Shapley value less its effect alone: what it does
 * only together with the others). Paired 95% intervals come from the replications.
 *
 * An unstable run (sim/observe/stability.ts) gives a mean that grows with the run's length;
 * the study reports, per combination, whether any replication was unstable.
 */
import { COMPARED_PARTS, composeScenario, type Part } from '../scenarios/parts.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { ExperimentInput } from '../experiments/experiment.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';
import { interval, type Interval } from '../experiments/stats.ts';

export type ComparedPart = (typeof COMPARED_PARTS)[number];

/** The metrics a decomposition reports by default. */
export const DECOMPOSE_METRICS = [
  'hoursToCloseAll.mean',
  'hoursToClose.p90',
  'localResolutionShare',
  'sla.close24h',
  'satisfaction',
  'trust.mean',
  'cost.annualYuan',
  'stability.stable',
];

/** Combination c (a bit mask over COMPARED_PARTS: bit i set = part i from B). */
export function combinationLabel(mask: number): string {
  const from = COMPARED_PARTS.filter((_, i) => mask & (1 << i));
  return from.length === 0 ? 'A' : from.length === COMPARED_PARTS.length ? 'B' : `A+${from.join('+')}`;
}

/** The experiment of a decomposition: the 2^4 combinations of A and B's parts. */
export function decompositionExperiment(
  a: Scenario,
  b: Scenario,
  opts: { replications: number; days: number; warmupDays?: number; metrics?: string[] },
): ExperimentInput {
  const n = COMPARED_PARTS.length;
  const structures = Array.from({ length: 1 << n }, (_, mask) => {
    const parts: Partial<Record<Part, Scenario>> & { structure: Scenario } = { structure: mask & 1 ? b : a };
    COMPARED_PARTS.forEach((p, i) => {
      if (i > 0) parts[p] = mask & (1 << i) ? b : a;
    });
    parts.setting = a;
    return { label: combinationLabel(mask), scenario: composeScenario(parts) };
  });
  return {
    name: `why ${a.name} and ${b.name} differ`,
    structures,
    replications: opts.replications,
    days: opts.days,
    ...(opts.warmupDays ? { warmupDays: opts.warmupDays } : {}),
    metrics: opts.metrics ?? DECOMPOSE_METRICS,
  };
}

export interface PartShare {
  part: ComparedPart;
  /** Shapley value: the part's share of the difference, with its paired 95% interval. */
  shapley: Interval;
  /** The part's effect alone (only it from B), and what it does only with the others. */
  alone: Interval;
  interaction: Interval;
}

/** What two parts do only together: their Shapley interaction index, with its paired 95% interval. */
export interface PairInteraction {
  parts: [ComparedPart, ComparedPart];
  interaction: Interval;
}

export interface Decomposition {
  metric: string;
  unit: string;
  /** A's and B's values, and the difference B − A (the parts add up to it, run by run). */
  a: Interval;
  b: Interval;
  total: Interval;
  parts: PartShare[];
  /**
   * What the parts do only together: the difference less the sum of each part's effect alone
   * (run by run). The Shapley values already share it among the parts; shown apart, it says
   * how much of the difference no part makes alone.
   */
  interactions: Interval;
  /** Every pair of parts' interaction (Shapley interaction index: how far changing both differs from changing each, averaged over the other parts). */
  pairs: PairInteraction[];
  /** Structure's Shapley value as a share of the total (NaN when the total is near 0). */
  structuralShare: number;
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/** Shapley weights of subsets not containing player i: |T|!(n − |T| − 1)!/n!. */
function shapley(values: number[], n: number, i: number): number {
  let phi = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    if (mask & (1 << i)) continue;
    const size = popcount(mask);
    const w = (factorial(size) * factorial(n - size - 1)) / factorial(n);
    phi += w * (values[mask | (1 << i)] - values[mask]);
  }
  return phi;
}

/**
 * The Shapley values of one run: `values[mask]` is the metric of combination `mask` (bit i
 * set: part i from B). They add up to values[all] − values[0].
 */
export function shapleyValues(values: number[]): number[] {
  const n = Math.log2(values.length);
  if (!Number.isInteger(n)) throw new RangeError(`shapleyValues: expected 2^n values, got ${values.length}`);
  return Array.from({ length: n }, (_, i) => shapley(values, n, i));
}

/** Shapley interaction index of parts i and j in one run: Σ over T ⊆ N∖{i,j} of |T|!(n−|T|−2)!/(n−1)! × the pair's second difference at T. */
export function pairInteraction(values: number[], i: number, j: number): number {
  const n = Math.log2(values.length);
  const bi = 1 << i;
  const bj = 1 << j;
  let sum = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    if (mask & bi || mask & bj) continue;
    const size = popcount(mask);
    const w = (factorial(size) * factorial(n - size - 2)) / factorial(n - 1);
    sum += w * (values[mask | bi | bj] - values[mask | bi] - values[mask | bj] + values[mask]);
  }
  return sum;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** Decompose every metric of a decomposition experiment's output. */
export function decompose(out: Pick<ExperimentOutput, 'rows' | 'summary'>, metrics?: string[]): Decomposition[] {
  const n = COMPARED_PARTS.length;
  const labels = Array.from({ length: 1 << n }, (_, m) => combinationLabel(m));
  const ids = metrics ?? [...new Set(out.rows.map((r) => r.metric))];
  return ids.map((metric) => {
    // values[rep][mask]
    const byRep = new Map<number, number[]>();
    for (const r of out.rows) {
      if (r.metric !== metric) continue;
      const mask = labels.indexOf(r.structure);
      if (mask < 0) continue;
      const row = byRep.get(r.replication) ?? new Array<number>(1 << n).fill(NaN);
      row[mask] = r.value;
      byRep.set(r.replication, row);
    }
    const reps = [...byRep.values()].filter((v) => v.every(Number.isFinite));
    const all = (1 << n) - 1;
    const totals = reps.map((v) => v[all] - v[0]);
    const parts = COMPARED_PARTS.map((part, i) => {
      const phi = reps.map((v) => shapley(v, n, i));
      const alone = reps.map((v) => v[1 << i] - v[0]);
      return { part, shapley: interval(phi), alone: interval(alone), interaction: interval(phi.map((x, k) => x - alone[k])) };
    });
    const pairs: PairInteraction[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        pairs.push({ parts: [COMPARED_PARTS[i], COMPARED_PARTS[j]], interaction: interval(reps.map((v) => pairInteraction(v, i, j))) });
    const total = interval(totals);
    const unit = out.summary.find((s) => s.metric === metric)?.unit ?? '';
    return {
      metric,
      unit,
      a: interval(reps.map((v) => v[0])),
      b: interval(reps.map((v) => v[all])),
      total,
      parts,
      interactions: interval(reps.map((v, k) => totals[k] - COMPARED_PARTS.reduce((acc, _, i) => acc + v[1 << i] - v[0], 0))),
      pairs,
      structuralShare: Math.abs(total.mean) > 1e-12 ? parts[0].shapley.mean / total.mean : NaN,
    };
  });
}

/** The combinations with at least one unstable replication (`stability.stable` below 1), when the runs measured it. */
export function unstableCombinations(out: Pick<ExperimentOutput, 'rows'>): string[] {
  return [...new Set(out.rows.filter((r) => r.metric === 'stability.stable' && r.value < 1).map((r) => r.structure))];
}

/** A value in a metric's unit, as the tables print it. */
function show(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'share') return `${(100 * x).toFixed(1)}`;
  if (unit === 'yuan/year') return `${(x / 1e6).toFixed(1)}`;
  if (unit === 'h') return x.toFixed(2);
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3);
}

const unitWord = (unit: string) => (unit === 'share' ? 'percentage points' : unit === 'yuan/year' ? 'million yuan/year' : unit);
const withHalf = (i: Interval, unit: string) => `${show(i.mean, unit)} ± ${show(i.half, unit)}`;

/** The decomposition as a Markdown table: each metric's difference and each part's Shapley value, with 95% intervals. */
export function decompositionMarkdown(rows: Decomposition[], a: string, b: string): string {
  const head = ['metric', `${a}`, `${b}`, 'difference', ...COMPARED_PARTS, 'structure’s share'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    const u = r.unit;
    lines.push(
      `| ${[
        `${r.metric} (${unitWord(u)})`,
        withHalf(r.a, u),
        withHalf(r.b, u),
        withHalf(r.total, u),
        ...r.parts.map((p) => withHalf(p.shapley, u)),
        Number.isFinite(r.structuralShare) ? `${(100 * r.structuralShare).toFixed(0)}%` : '–',
      ].join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push(
    `Each part's Shapley value: its average contribution to the difference (${b} − ${a}) over the orders in which the parts could change; the parts add up to the difference, run by run. ± is the paired 95% half-width over replications.`,
  );
  const inter = rows.flatMap((r) =>
    r.parts
      .filter((p) => Math.abs(p.interaction.mean) > p.interaction.half && Math.abs(p.interaction.mean) > 0.1 * Math.abs(r.total.mean))
      .map((p) => `${r.metric}: ${p.part} ${show(p.interaction.mean, r.unit)}`),
  );
  if (inter.length > 0)
    lines.push(
      `Interactions (Shapley value less the part's effect alone, beyond its interval and a tenth of the difference): ${inter.join('; ')}.`,
    );
  return lines.join('\n');
}
