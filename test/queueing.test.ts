/**
 * The engine against queueing theory: Erlang C for one M/M/c level, a Jackson network for
 * an escalation chain, Little's law in every run.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index.ts';
import { referenceQueue } from '../scenarios/reference.ts';
import { describeCheck, ERLANG_QUEUES, erlangCCheck, jacksonChecks, littleCheck } from '../studies/theory-checks.ts';

// The checks live in studies/theory-checks.ts (docs/validation.md shows the same numbers).
// Each uses twenty replications on its own seeds; a 95% interval misses the true value one
// time in twenty by construction: if a change to the order of random draws moves a check
// outside, rerun it on a larger set of seeds before doubting the engine.

describe('one level of c servers (M/M/c)', () => {
  for (const q of ERLANG_QUEUES) {
    it(`mean wait matches Erlang C within the 95% interval: M/M/${q.servers}, ρ = ${q.arrivalsPerHour / q.servers}`, () => {
      const c = erlangCCheck(q);
      expect(c.pass, describeCheck(c)).toBe(true);
      // The interval is tight enough to mean something (under 10% of the value).
      expect((c.hi - c.lo) / 2 / c.expected).toBeLessThan(0.1);
    });
  }

  it('utilisation equals the offered load per server', () => {
    const { summary, series } = simulate(referenceQueue({ servers: 3, arrivalsPerHour: 2.4, serviceMinutes: 60 }), {
      seed: 7,
      days: 2000,
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
  it('each stage waits as an M/M/c queue fed by its Poisson share of the arrivals', () => {
    const checks = jacksonChecks();
    expect(checks).toHaveLength(6);
    for (const c of checks) expect(c.pass, describeCheck(c)).toBe(true);
  });
});

describe("Little's law", () => {
  it('holds in steady state for cases that have left, not only as an identity', () => {
    const c = littleCheck();
    expect(c.pass, describeCheck(c)).toBe(true);
    expect(Math.abs(c.expected - c.simulated) / c.expected).toBeLessThan(0.01);
  });
});
