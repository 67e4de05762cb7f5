/**
 * The simulation against theory, as structured results: Erlang C (M/M/c waiting), a
 * Jackson chain (tandem queues), Little's law (L = λW), knowledge routing (Garicano 2000),
 * control loss (Williamson 1967) and the conservation of cases. The tests assert these
 * checks and `npm run validate` prints them in docs/validation.md, so both show the same
 * numbers. Pure and deterministic: fixed seeds, no I/O.
 */
import { garicanoShare, mmcMeanWait, simulate, type Summary } from '../sim/index.ts';
import { interval } from '../experiments/stats.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { referenceChain, referenceQueue, type ChainStage } from '../scenarios/reference.ts';
import type { ScenarioInput } from '../scenarios/schema.ts';

/** One check of a simulated figure against what theory says it must be. */
export interface Check {
  id: string;
  name: string;
  /** The formula or identity, in words and symbols. */
  formula: string;
  expected: number;
  simulated: number;
  /** 95% interval of the simulated value (NaN where the check is exact or has no interval). */
  lo: number;
  hi: number;
  unit: string;
  /** The runs the figure comes from (seeds, replications, length). */
  basis: string;
  /** When the check passes, in words. */
  rule: string;
  pass: boolean;
}

/** Whole-number seeds from `from`, `n` of them. */
export const seedRange = (from: number, n = 20): number[] => Array.from({ length: n }, (_, i) => from + i);

const quiet = { snapshotEveryMinutes: 0 };
const seedText = (seeds: number[]) => `seeds ${seeds[0]}–${seeds[seeds.length - 1]}`;
/** A single run's figure with a binomial-type standard deviation: 95% interval ±1.96 sd, pass within 4 sd. */
const Z95 = 1.959963984540054;

export interface QueueCheckSpec {
  servers: number;
  arrivalsPerHour: number;
  serviceMinutes: number;
  seeds: number[];
}

/** The two M/M/c queues the engine's waiting is checked on. */
export const ERLANG_QUEUES: QueueCheckSpec[] = [
  { servers: 5, arrivalsPerHour: 4.5, serviceMinutes: 60, seeds: seedRange(100) },
  { servers: 2, arrivalsPerHour: 1.2, serviceMinutes: 60, seeds: seedRange(200) },
];

/** Largest relative error of Little's law as an identity (time-average number = λ·W) over runs. */
const littleIdentity = (runs: Summary[]) => Math.max(...runs.map((s) => s.littlesLaw.relativeError));

/**
 * Mean wait in an M/M/c queue against Erlang C: twenty replications of about 50,000 cases.
 * A 95% interval misses the true value one time in twenty by construction: if a change to
 * the order of random draws moves a check outside, rerun it on a larger set of seeds
 * before doubting the engine.
 */
export function erlangCCheck(q: QueueCheckSpec): Check {
  const days = 50_000 / q.arrivalsPerHour / 24;
  const runs = q.seeds.map((seed) => simulate(referenceQueue(q), { seed, days, ...quiet }).summary);
  const theory = mmcMeanWait(q.servers, q.arrivalsPerHour, 60 / q.serviceMinutes);
  const iv = interval(runs.map((s) => s.levels[0].meanWaitHours));
  const rho = q.arrivalsPerHour / q.servers / (60 / q.serviceMinutes);
  return {
    id: `erlang-c-mm${q.servers}`,
    name: `Mean wait in M/M/${q.servers}, ρ = ${rho}`,
    formula: 'Wq = C(c, λ/μ) / (cμ − λ) (Erlang C)',
    expected: theory,
    simulated: iv.mean,
    lo: iv.low,
    hi: iv.high,
    unit: 'h',
    basis: `${q.seeds.length} replications (${seedText(q.seeds)}) of ${Math.round(days)} days (about 50,000 cases each)`,
    rule: "expected inside the 95% interval, interval narrower than ±10% of it; Little's law exact in every run",
    pass: Math.abs(iv.mean - theory) < iv.half && iv.half / theory < 0.1 && littleIdentity(runs) < 1e-9,
  };
}

/** The escalation chain: difficulty ~ Exp(1); stage i passes on the cases above its threshold. */
export const JACKSON_CHAIN: { arrivalsPerHour: number; stages: ChainStage[]; seeds: number[]; days: number } = {
  arrivalsPerHour: 6,
  stages: [
    { servers: 4, serviceMinutes: 30, threshold: 0.5 },
    { servers: 3, serviceMinutes: 40, threshold: 1.5 },
    { servers: 2, serviceMinutes: 45, threshold: null },
  ],
  seeds: seedRange(300),
  days: 400,
};

/** Each stage of a feed-forward chain waits as an M/M/c queue fed by its Poisson share of the arrivals (Jackson network). */
export function jacksonChecks(): Check[] {
  const { arrivalsPerHour: lambda, stages, seeds, days } = JACKSON_CHAIN;
  const runs = seeds.map((seed) => simulate(referenceChain(lambda, stages), { seed, days, ...quiet }).summary);
  const basis = `${seeds.length} replications (${seedText(seeds)}) of ${days} days`;
  const identity = littleIdentity(runs) < 1e-9;
  const out: Check[] = [];
  let reach = 1;
  stages.forEach((st, i) => {
    const arrivals = lambda * reach;
    const mu = 60 / st.serviceMinutes;
    const wait = interval(runs.map((s) => s.levels[i].meanWaitHours));
    const theory = mmcMeanWait(st.servers, arrivals, mu);
    out.push({
      id: `jackson-stage-${i}-wait`,
      name: `Tandem chain, stage ${i + 1}: mean wait (M/M/${st.servers})`,
      formula: 'Wq of M/M/c at the arrival rate λ·P(z > Z below)',
      expected: theory,
      simulated: wait.mean,
      lo: wait.low,
      hi: wait.high,
      unit: 'h',
      basis,
      rule: "expected inside the 95% interval; Little's law exact in every run",
      pass: Math.abs(wait.mean - theory) < wait.half && identity,
    });
    const util = interval(runs.map((s) => s.levels[i].utilisation));
    const rho = arrivals / (st.servers * mu);
    const tol = Math.max(util.half, 0.005);
    out.push({
      id: `jackson-stage-${i}-utilisation`,
      name: `Tandem chain, stage ${i + 1}: utilisation`,
      formula: 'ρ = λ_i / (c μ)',
      expected: rho,
      simulated: util.mean,
      lo: util.low,
      hi: util.high,
      unit: 'share',
      basis,
      rule: 'expected inside the 95% interval (or within 0.5 points when the interval is narrower)',
      pass: Math.abs(util.mean - rho) < tol,
    });
    reach = st.threshold === null ? 0 : Math.exp(-st.threshold);
  });
  return out;
}

/** Little's law in steady state for the cases that have left (not only as an identity). */
export function littleCheck(): Check {
  const days = 1500;
  const { summary } = simulate(referenceQueue({ servers: 4, arrivalsPerHour: 3, serviceMinutes: 60 }), { seed: 3, days, ...quiet });
  const { L, lambdaPerHour, WDoneHours } = summary.littlesLaw;
  const lw = lambdaPerHour * WDoneHours;
  return {
    id: 'little',
    name: "Little's law, M/M/4 at ρ = 0.75 (cases that have left)",
    formula: 'L = λW',
    expected: L,
    simulated: lw,
    lo: NaN,
    hi: NaN,
    unit: 'cases',
    basis: `one run (seed 3) of ${days} days`,
    rule: 'λW within 1% of the time-average number of cases L',
    pass: Math.abs(L - lw) / L < 0.01,
  };
}

/** Knowledge routing: four levels with thresholds, difficulty ~ Exp(0.8). */
export const GARICANO_CHAIN = {
  arrivalsPerHour: 20,
  difficultyRate: 0.8,
  thresholds: [0.4, 1.3, 2.9, null] as (number | null)[],
  seed: 11,
  days: 120,
};

/**
 * Garicano (2000): with difficulty z ~ Exp(λ) and cumulative thresholds Z_i, the share of
 * cases closed at or below level i is 1 − e^(−λZ_i). The summary of the run comes back too.
 */
export function garicanoChecks(): { checks: Check[]; summary: Summary } {
  const { arrivalsPerHour, difficultyRate: rate, thresholds, seed, days } = GARICANO_CHAIN;
  const chain = referenceChain(
    arrivalsPerHour,
    thresholds.map((threshold) => ({ servers: 50, serviceMinutes: 5, threshold })),
    rate,
  );
  const { summary } = simulate(chain, { seed, days, ...quiet });
  const n = summary.cases.closed;
  const checks: Check[] = [];
  let cum = 0;
  thresholds.forEach((z, i) => {
    cum += summary.closedAtLevel[`stage-${i}`];
    if (z === null) return; // the top level closes what is left: 1 by construction
    const p = garicanoShare(rate, z);
    const sd = Math.sqrt((p * (1 - p)) / n);
    const share = cum / n;
    checks.push({
      id: `garicano-level-${i}`,
      name: `Knowledge routing: closed at or below level ${i + 1} (Z = ${z})`,
      formula: `1 − e^(−λZ), λ = ${rate}`,
      expected: p,
      simulated: share,
      lo: share - Z95 * sd,
      hi: share + Z95 * sd,
      unit: 'share',
      basis: `one run (seed ${seed}) of ${days} days, ${n.toLocaleString('en')} cases; binomial interval`,
      rule: 'within 4 binomial standard deviations',
      pass: Math.abs(share - p) <= 4 * sd + 1e-12,
    });
  });
  return { checks, summary };
}

/** Three stages, each hand-off keeping a share α of the information. */
export function controlLossChain(alpha: number): ScenarioInput {
  const s = referenceChain(10, [
    { servers: 20, serviceMinutes: 5, threshold: 0.5 },
    { servers: 20, serviceMinutes: 5, threshold: 1.5 },
    { servers: 20, serviceMinutes: 5, threshold: null },
  ]) as { levels: { forward: { infoKept?: number } }[] };
  for (const l of s.levels) l.forward.infoKept = alpha;
  return s as ScenarioInput;
}

/** Williamson (1967): a case resolved after k hand-offs is redone with chance 1 − α^k. */
export function controlLossChecks(): Check[] {
  const alpha = 0.8;
  const days = 200;
  const r = simulate(controlLossChain(alpha), { seed: 3, days, ...quiet }).summary;
  const n = r.cases.closed;
  const k1 = r.closedAtLevel['stage-1'] / n;
  const k2 = r.closedAtLevel['stage-2'] / n;
  const expected = k1 * (1 - alpha) + k2 * (1 - alpha * alpha);
  const sd = Math.sqrt(expected / n);
  const lossless = simulate(controlLossChain(1), { seed: 3, days: 20, ...quiet }).summary;
  return [
    {
      id: 'control-loss',
      name: `Control loss: work redone per case, α = ${alpha} per hand-off`,
      formula: 'Σ_k share closed after k hand-offs × (1 − α^k)',
      expected,
      simulated: r.rework.perCase,
      lo: r.rework.perCase - Z95 * sd,
      hi: r.rework.perCase + Z95 * sd,
      unit: 'redos/case',
      basis: `one run (seed 3) of ${days} days, ${n.toLocaleString('en')} cases; Poisson interval`,
      rule: 'within 4 standard deviations',
      pass: Math.abs(r.rework.perCase - expected) < 4 * sd,
    },
    {
      id: 'control-loss-none',
      name: 'Control loss: with α = 1 nothing is redone',
      formula: '1 − 1^k = 0',
      expected: 0,
      simulated: lossless.rework.redone,
      lo: NaN,
      hi: NaN,
      unit: 'redos',
      basis: 'one run (seed 3) of 20 days',
      rule: 'exactly 0',
      pass: lossless.rework.redone === 0,
    },
  ];
}

/** Longgang 2021 without the platform and with 5% of forwarded cases lost and 10% returned. */
export function lossyLonggang(): ScenarioInput {
  const s = loadPreset('longgang-2021');
  return {
    ...s,
    platform: { ...s.platform, enabled: false },
    levels: s.levels.map((l) => ({ ...l, forward: { ...l.forward, lostProb: 0.05, returnProb: 0.1 } })),
  };
}

/** Every case raised is closed, still open or recorded as lost, with where it was lost. */
export function conservationChecks(): { checks: Check[]; summary: Summary } {
  const days = 40;
  const { summary } = simulate(lossyLonggang(), { seed: 3, days, ...quiet });
  const c = summary.cases;
  const basis = `Longgang 2021, no platform, 5% lost and 10% returned at each hand-off; one run (seed 3) of ${days} days`;
  const exact = (id: string, name: string, formula: string, expected: number, simulated: number): Check => ({
    id,
    name,
    formula,
    expected,
    simulated,
    lo: NaN,
    hi: NaN,
    unit: 'cases',
    basis,
    rule: 'equal',
    pass: expected === simulated,
  });
  const lostAtLevels = Object.values(summary.lostAtLevel).reduce((a, b) => a + b, 0);
  const ended = Object.values(summary.flows)
    .flatMap((row) => Object.values(row))
    .reduce((a, b) => a + b, 0);
  return {
    checks: [
      exact(
        'conservation',
        'Conservation: every case raised is closed, open or lost',
        'raised = closed + open + lost',
        c.created,
        c.closed + c.open + c.lost,
      ),
      exact(
        'conservation-lost',
        'Conservation: every lost case is recorded where it was lost',
        'lost = Σ lost at each level',
        c.lost,
        lostAtLevels,
      ),
      exact(
        'conservation-flows',
        'Conservation: where each channel’s cases ended adds up',
        'raised = Σ flows (channel × end)',
        c.created,
        ended,
      ),
    ],
    summary,
  };
}

/** Every theory check, in the order the report lists them. */
export function theoryChecks(): Check[] {
  return [
    ...ERLANG_QUEUES.map(erlangCCheck),
    ...jacksonChecks(),
    littleCheck(),
    ...garicanoChecks().checks,
    ...controlLossChecks(),
    ...conservationChecks().checks,
  ];
}

/** A check in one line, for a failing test's message. */
export function describeCheck(c: Check): string {
  const iv = Number.isFinite(c.lo) ? ` [${c.lo}, ${c.hi}]` : '';
  return `${c.id}: expected ${c.expected}, simulated ${c.simulated}${iv} ${c.unit} (${c.rule})`;
}
