/**
 * The public API: `simulate` runs a scenario for a number of days as a pure function of
 * its inputs; `createSimulation` gives the same run step by step (for a UI that pauses).
 * Both give identical results for the same scenario and seed.
 */
import type { Scenario, ScenarioInput } from '../scenarios/schema.ts';
import { ensureScenario } from '../scenarios/validate.ts';
import { Engine, liveView } from './kernel/engine.ts';
import type { LiveView } from './observe/live.ts';
import type { Snapshot, Summary } from './observe/metrics.ts';
import type { Tracer } from './observe/trace.ts';

export interface RunOptions {
  seed: number | string;
  /** Interval of the time series in minutes; default 1440 (one simulated day); 0 for none. */
  snapshotEveryMinutes?: number;
  onSnapshot?: (s: Snapshot) => void;
  /** Follows chosen problems through the run (sim/observe/trace.ts); results are the same without it. */
  tracer?: Tracer;
  /** Days at the start whose statistics are discarded (a warm-up); the summary covers the days after it. */
  warmupDays?: number;
}

export interface SimulateOptions extends RunOptions {
  days: number;
}

export interface RunResult {
  summary: Summary;
  series: Snapshot[];
}

export interface Simulation {
  readonly scenario: Scenario;
  /** Simulated time, minutes. */
  readonly now: number;
  /** Run every event up to time t (minutes). */
  advanceTo(t: number): void;
  /** Run `days` more simulated days. */
  advanceDays(days: number): void;
  /** The snapshots taken so far (one per interval). */
  readonly series: readonly Snapshot[];
  /** A snapshot of the present state (not added to the series). */
  peek(): Snapshot;
  /** The summary at the present time; throws if cases are not conserved. */
  summary(): Summary;
  /** What the run looks like now: offices' queues and staff, residents' trust, where cases ended (read-only). */
  readonly view: LiveView;
}

function checkDays(days: number): void {
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`days: expected a positive number of days, got ${days}`);
}

function checkWarmup(warmup: number | undefined, days?: number): void {
  if (warmup === undefined) return;
  if (!Number.isFinite(warmup) || warmup < 0) throw new RangeError(`warmupDays: expected a number of days ≥ 0, got ${warmup}`);
  if (days !== undefined && warmup >= days) throw new RangeError(`warmupDays: expected fewer days than the run's ${days}, got ${warmup}`);
}

export function createSimulation(scenario: Scenario | ScenarioInput | unknown, opts: RunOptions): Simulation {
  checkWarmup(opts.warmupDays);
  // Parsed once, at the edge: a scenario parseScenario returned, unchanged since, is not parsed again.
  const s = ensureScenario(scenario);
  const engine = new Engine(s, opts);
  return {
    scenario: s,
    view: liveView(engine),
    get now() {
      return engine.now;
    },
    get series() {
      return engine.metrics.series;
    },
    advanceTo(t: number) {
      if (!(t >= engine.now)) throw new RangeError(`advanceTo: expected a time ≥ ${engine.now} min, got ${t}`);
      engine.advanceTo(t);
    },
    advanceDays(days: number) {
      checkDays(days);
      engine.advanceTo(engine.now + days * 1440);
    },
    peek() {
      return engine.metrics.snapshot(false);
    },
    summary() {
      return engine.metrics.summary(engine.now / 1440);
    },
  };
}

export function simulate(scenario: Scenario | ScenarioInput | unknown, opts: SimulateOptions): RunResult {
  checkDays(opts.days);
  checkWarmup(opts.warmupDays, opts.days);
  const sim = createSimulation(scenario, opts);
  sim.advanceTo(opts.days * 1440);
  return { summary: sim.summary(), series: [...sim.series] };
}
