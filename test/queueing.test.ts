/**
 * The engine against queueing theory: Erlang C for one M/M/c level, a Jackson network for
 * an escalation chain, Little's law in every run.
 */
import { describe, expect, it } from 'vitest';
import { simulate, mmcMeanWait } from '../sim/index.ts';
import { referenceChain, referenceQueue } from '../scenarios/reference.ts';
import { ci95 } from './stats.ts';

/**
 * Twenty replications per check, each check on its own seeds. A 95% interval misses the
 * true value one time in twenty by construction: if a change to the order of random draws
 * moves a check outside, rerun it on a larger set of seeds before doubting the engine.
 */
const seeds = (from: number) => Array.from({ length: 20 }, (_, i) => from + i);

describe('one level of c servers (M/M/c)', () => {
  for (const q of [
    { servers: 5, arrivalsPerHour: 4.5, serviceMinutes: 60, seeds: seeds(100) },
    { servers: 2, arrivalsPerHour: 1.2, serviceMinutes: 60, seeds: seeds(200) },
  ]) {
    it(`mean wait matches Erlang C within the 95% interval: M/M/${q.servers}, ρ = ${q.arrivalsPerHour / q.servers}`, () => {
      const days = 50_000 / q.arrivalsPerHour / 24; // about 50,000 cases per run
      const waits = q.seeds.map((seed) => {
        const { summary } = simulate(referenceQueue(q), { seed, days, snapshotEveryMinutes: 0 });
        expect(summary.littlesLaw.relativeError).toBeLessThan(1e-9);
        return summary.levels[0].meanWaitHours;
      });
      const theory = mmcMeanWait(q.servers, q.arrivalsPerHour, 60 / q.serviceMinutes);
      const { mean, half } = ci95(waits);
      expect(Math.abs(mean - theory)).toBeLessThan(half);
      // And the interval is tight enough to mean something (under 10% of the value).
      expect(half / theory).toBeLessThan(0.1);
    });
  }

  it('utilisation equals the offered load per server', () => {
    const { summary, series } = simulate(referenceQueue({ servers: 3, arrivalsPerHour: 2.4, serviceMinutes: 60 }), {
      seed: 7, days: 2000,
    });
    expect(summary.levels[0].utilisation).toBeCloseTo(0.8, 2);
    // The weekly series hovers around it (a week holds about 400 arrivals).
    const weekly = series.slice(7).map((s) => s.utilisationWeekByTier[0]);
    const mean = weekly.reduce((a, b) => a + b, 0) / weekly.length;
    expect(mean).toBeCloseTo(0.8, 2);
    expect(Math.max(...weekly.map((u) => Math.abs(u - 0.8)))).toBeLessThan(0.2);
  });
});

describe('escalation chain as a Jackson network', () => {
  // Difficulty ~ Exp(1); stage i passes on the cases above its threshold.
  const lambda = 6; // per hour
  const stages = [
    { servers: 4, serviceMinutes: 30, threshold: 0.5 },
    { servers: 3, serviceMinutes: 40, threshold: 1.5 },
    { servers: 2, serviceMinutes: 45, threshold: null },
  ];
  it('each stage waits as an M/M/c queue fed by its Poisson share of the arrivals', () => {
    const runs = seeds(300).map((seed) => simulate(referenceChain(lambda, stages), { seed, days: 400, snapshotEveryMinutes: 0 }).summary);
    let reach = 1;
    stages.forEach((st, i) => {
      const arrivals = lambda * reach;
      const theory = mmcMeanWait(st.servers, arrivals, 60 / st.serviceMinutes);
      const { mean, half } = ci95(runs.map((s) => s.levels[i].meanWaitHours));
      expect(Math.abs(mean - theory), `stage ${i}: ${mean} ± ${half} vs ${theory}`).toBeLessThan(half);
      const util = ci95(runs.map((s) => s.levels[i].utilisation));
      expect(Math.abs(util.mean - arrivals / (st.servers * (60 / st.serviceMinutes)))).toBeLessThan(Math.max(util.half, 0.005));
      reach = st.threshold === null ? 0 : Math.exp(-st.threshold);
    });
    for (const s of runs) expect(s.littlesLaw.relativeError).toBeLessThan(1e-9);
  });
});

describe("Little's law", () => {
  it('holds in steady state for cases that have left, not only as an identity', () => {
    const { summary } = simulate(referenceQueue({ servers: 4, arrivalsPerHour: 3, serviceMinutes: 60 }), {
      seed: 3, days: 1500, snapshotEveryMinutes: 0,
    });
    const { L, lambdaPerHour, WDoneHours } = summary.littlesLaw;
    expect(Math.abs(L - lambdaPerHour * WDoneHours) / L).toBeLessThan(0.01);
  });
});
