/**
 * Calibration by approximate Bayesian computation (rejection ABC) over the assumption
 * ranges: which values of the assumptions reproduce the seeds' figures?
 *
 * 1. Prior: every assumption uniform over its plausible range (scenarios/assumptions.ts).
 * 2. Draws: an experiment with `uncertainty` over all assumptions (a Latin hypercube over
 *    its replications), the traditional county and Longgang 2021, each draw applied to
 *    both; replication k also has its own seed, so the figures carry chance as well.
 * 3. Each draw's figures: the share resolved locally, the cost saved, the four service
 *    targets met (calibrationStudy's metrics, with calibrationFigures' bars).
 * 4. Distance: the sum over figures of the relative shortfall below each bar (0 when a draw
 *    reproduces every figure).
 * 5. Accept the draws that reproduce every figure; if fewer than a tenth do, the tenth
 *    nearest (ε = the 10% quantile of the distance). The accepted draws' assumption values
 *    are the posterior; assumptions whose posterior moved from the prior are reported.
 *
 * Posts and organs do not depend on any assumption: they are set by structure alone, and
 * the report says so instead of searching.
 */
import type { ExperimentInput } from '../experiments/experiment.ts';
import type { ExperimentResult } from '../experiments/results.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { mean as ssMean, probit, quantileSorted } from 'simple-statistics';
import { assumptionsByIds, type Assumption } from '../scenarios/assumptions.ts';
import { calibrationStudy, TARGET_MET_SHARE } from './calibration.ts';

const LG = 'Longgang 2021';
const TC = 'traditional county';

/** A figure a draw can reproduce: its value from the draw's runs, and the bar. */
interface DrawFigure {
  id: string;
  figure: string;
  source: string;
  unit: 'share' | 'yuan/year';
  bar: number;
  value: (get: (structure: string, metric: string) => number) => number;
}

export const ABC_FIGURES: DrawFigure[] = [
  {
    id: 'local-resolution',
    figure: 'over 90% resolved locally (Longgang 2021)',
    source: '000',
    unit: 'share',
    bar: 0.9,
    value: (g) => g(LG, 'localResolutionShare'),
  },
  {
    id: 'cost-saved',
    figure: 'over 1 billion yuan a year saved (traditional county less Longgang 2021)',
    source: '000',
    unit: 'yuan/year',
    bar: 1e9,
    value: (g) => g(TC, 'cost.annualYuan') - g(LG, 'cost.annualYuan'),
  },
  ...(
    [
      ['accept-30m', 'sla.accept30m', 'accepted within 30 minutes'],
      ['onsite-1h', 'sla.onsite1h', 'on site within 1 hour'],
      ['close-24h', 'sla.close24h', 'closed within 24 hours'],
      ['difficult-5wd', 'sla.difficult5wd', 'difficult cases closed within 5 working days'],
    ] as const
  ).map(([id, m, what]): DrawFigure => ({
    id,
    figure: `${what}, met for ≥ ${100 * TARGET_MET_SHARE}% of cases (Longgang 2021)`,
    source: '004',
    unit: 'share',
    bar: TARGET_MET_SHARE,
    value: (g) => g(LG, m),
  })),
];

/** The draws: the calibration study with every assumption drawn, one draw per replication. */
export function abcExperiment(draws: number, days: number, seed = 1): ExperimentInput {
  return {
    ...calibrationStudy(draws, days),
    name: 'ABC calibration over the assumption ranges',
    uncertainty: { assumptions: 'all', seed },
  };
}

export interface AbcPosterior {
  id: string;
  range: [number, number];
  scale: boolean;
  unit: string;
  /** Prior mean (the middle of the range) and the accepted draws' mean and 5–95% quantiles. */
  priorMean: number;
  mean: number;
  q05: number;
  q95: number;
  /** How far the posterior moved: |mean − prior mean| / prior standard deviation, and the width of the 5–95% band as a share of the range. */
  shift: number;
  width: number;
  /** Whether the shift is beyond what chance gives among this many assumptions (Bonferroni, 5%). */
  beyondChance: boolean;
}

export interface AbcResult {
  modelVersion: string;
  draws: number;
  days: number;
  figures: {
    id: string;
    figure: string;
    source: string;
    unit: string;
    bar: number;
    reproduced: number;
    min: number;
    median: number;
    max: number;
  }[];
  /** Draws that reproduce every figure. */
  allReproduced: number;
  /** Draws accepted (all reproduced, or the tenth nearest), and the acceptance distance ε. */
  accepted: number;
  epsilon: number;
  /** The shift chance alone exceeds with probability 5% among all the assumptions, for this many accepted draws. */
  chanceShift: number;
  /** The structural figures no assumption changes: posts and organs, fewer by. */
  structural: { id: string; min: number; max: number }[];
  posterior: AbcPosterior[];
}

/** The ABC analysis of the draws' output (an experiment run from abcExperiment). */
export function abcAnalysis(out: Pick<ExperimentResult, 'rows' | 'manifest'>): AbcResult {
  const draws = out.manifest.assumptionDraws;
  if (!draws) throw new Error('abc: the output has no assumption draws (run abcExperiment)');
  const R = out.manifest.replications;
  const value = new Map<string, number>();
  for (const r of out.rows) value.set(`${r.replication}|${r.structure}|${r.metric}`, r.value);
  const getter = (k: number) => (st: string, m: string) => {
    const v = value.get(`${k}|${st}|${m}`);
    if (v === undefined) throw new Error(`abc: no result for replication ${k}, ${st}, ${m}`);
    return v;
  };
  const figs = Array.from({ length: R }, (_, k) => ABC_FIGURES.map((f) => f.value(getter(k))));
  const distance = figs.map((vals) => vals.reduce((d, v, i) => d + Math.max(0, (ABC_FIGURES[i].bar - v) / ABC_FIGURES[i].bar), 0));
  const all = distance.filter((d) => d === 0).length;
  const sortedD = [...distance].sort((a, b) => a - b);
  const tenth = Math.max(1, Math.ceil(R / 10));
  const epsilon = all >= tenth ? 0 : sortedD[tenth - 1];
  const acceptedIdx = distance.map((d, k) => (d <= epsilon ? k : -1)).filter((k) => k >= 0);

  const list: Assumption[] = assumptionsByIds(draws.ids);
  // A mean of n uniform draws moves by about 1/√n prior standard deviations by chance; with k
  // assumptions the largest chance shift passes z/√n, z the two-sided Bonferroni 5% point.
  const chanceShift = probit(1 - 0.025 / list.length) / Math.sqrt(acceptedIdx.length);
  const posterior = list.map((a, i): AbcPosterior => {
    const xs = acceptedIdx.map((k) => draws.values[k][i]).sort((p, q) => p - q);
    const priorMean = (a.range[0] + a.range[1]) / 2;
    const priorSd = (a.range[1] - a.range[0]) / Math.sqrt(12);
    const mean = ssMean(xs);
    const q05 = quantileSorted(xs, 0.05);
    const q95 = quantileSorted(xs, 0.95);
    return {
      id: a.id,
      range: a.range,
      scale: a.scale,
      unit: a.unit,
      priorMean,
      mean,
      q05,
      q95,
      shift: Math.abs(mean - priorMean) / priorSd,
      width: (q95 - q05) / (a.range[1] - a.range[0]),
      beyondChance: Math.abs(mean - priorMean) / priorSd > chanceShift,
    };
  });
  posterior.sort((p, q) => q.shift - p.shift);

  const structural = (['staff.cityPosts', 'organs.total'] as const).map((m) => {
    const fewer = Array.from({ length: R }, (_, k) => 1 - getter(k)(LG, m) / getter(k)(TC, m));
    return { id: m === 'staff.cityPosts' ? 'fewer-posts' : 'fewer-organs', min: Math.min(...fewer), max: Math.max(...fewer) };
  });

  return {
    modelVersion: MODEL_VERSION,
    draws: R,
    days: out.manifest.experiment.days,
    figures: ABC_FIGURES.map((f, i) => {
      const vs = figs.map((v) => v[i]).sort((p, q) => p - q);
      return {
        id: f.id,
        figure: f.figure,
        source: f.source,
        unit: f.unit,
        bar: f.bar,
        reproduced: vs.filter((v) => v >= f.bar).length,
        min: vs[0],
        median: quantileSorted(vs, 0.5),
        max: vs[vs.length - 1],
      };
    }),
    allReproduced: all,
    accepted: acceptedIdx.length,
    epsilon,
    chanceShift,
    structural,
    posterior,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, unit: string) =>
  unit === 'share'
    ? pct(x)
    : unit === 'yuan/year'
      ? `${(x / 1e6).toLocaleString('en', { maximumFractionDigits: 0 })} million yuan/year`
      : x.toLocaleString('en', { maximumSignificantDigits: 3 });

/** The ABC result as Markdown: each figure's reproduction rate over the prior, then the posterior. */
export function abcMarkdown(r: AbcResult, rows = 10): string {
  const L: string[] = [];
  L.push(
    `${r.draws} draws of every assumption from its plausible range (a Latin hypercube), each applied to the traditional county and Longgang 2021 for ${r.days} days on its own seed.`,
    '',
    '| seed figure (document) | bar | draws reproducing it | lowest | median | highest |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const f of r.figures)
    L.push(
      `| ${f.figure} (${f.source}) | ${num(f.bar, f.unit)} | ${f.reproduced} of ${r.draws} | ${num(f.min, f.unit)} | ${num(f.median, f.unit)} | ${num(f.max, f.unit)} |`,
    );
  for (const s of r.structural)
    L.push(
      s.max - s.min < 1e-9
        ? `| organs and posts 60% fewer (${s.id === 'fewer-posts' ? 'posts' : 'organs'}) (000) | 60% fewer | ${s.min >= 0.6 ? r.draws : 0} of ${r.draws}: set by structure, no assumption changes it | ${pct(s.min)} fewer | ${pct(s.min)} fewer | ${pct(s.min)} fewer |`
        : `| organs and posts 60% fewer (${s.id === 'fewer-posts' ? 'posts' : 'organs'}) (000) | 60% fewer | ${s.min >= 0.6 ? r.draws : s.max >= 0.6 ? 'some' : 0} of ${r.draws} | ${pct(s.min)} fewer | – | ${pct(s.max)} fewer |`,
    );
  L.push('');
  L.push(
    r.allReproduced > 0
      ? `${r.allReproduced} of ${r.draws} draws reproduce every figure that depends on assumptions. The posterior below is ${r.accepted === r.allReproduced ? 'those draws' : `the ${r.accepted} nearest draws`}.`
      : `No draw reproduces every figure that depends on assumptions together. The posterior below is the ${r.accepted} nearest draws (distance ≤ ${r.epsilon.toFixed(3)}: the sum of relative shortfalls below the bars).`,
    '',
    'The assumptions whose accepted values moved furthest from their prior (shift: distance of the means in prior standard deviations; band: the 5–95% range of the accepted values as a share of the plausible range). ' +
      `With ${r.accepted} accepted draws and ${r.posterior.length} assumptions, chance alone gives shifts up to ${r.chanceShift.toFixed(2)} (5%, Bonferroni); ` +
      (r.posterior.some((p) => p.beyondChance)
        ? `beyond it: ${r.posterior
            .filter((p) => p.beyondChance)
            .map((p) => `\`${p.id}\``)
            .join(', ')}.`
        : 'no assumption moved beyond it: the figures do not pin any assumption down.'),
    '',
    '| assumption | plausible range | prior mean | accepted mean | accepted 5–95% | shift | band |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  const f = (x: number) => x.toLocaleString('en', { maximumSignificantDigits: 3 });
  for (const p of r.posterior.slice(0, rows))
    L.push(
      `| \`${p.id}\` | ${p.scale ? '× ' : ''}${p.range[0]} – ${p.range[1]}${p.scale || !p.unit ? '' : ` ${p.unit}`} | ${f(p.priorMean)} | ${f(p.mean)} | ${f(p.q05)} – ${f(p.q95)} | ${p.shift.toFixed(2)} | ${pct(p.width)} |`,
    );
  return `${L.join('\n')}\n`;
}
