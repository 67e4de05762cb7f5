/**
 * The public API: `simulate` runs a scenario for a number of days as a pure function of
 * its inputs; `createSimulation` gives the same run step by step (for a UI that pauses).
 * Both give identical results for the same scenario and seed.
 *
 * Both check their options before any work (scenarios/guard.ts): a seed is a whole number
 * or a short text; days, times and the snapshot interval are finite and within the limits
 * every door applies (at most 36,500 days; snapshots at least a minute apart, at most
 * 100,000 of them); hooks are functions. A misuse throws an OptionError (a RangeError)
 * naming the option; an invalid scenario, a ScenarioError; a run past the compute budget
 * (4 GB or two billion events, sim/compute-budget.ts), a BudgetError unless `allowLarge`.
 */
import { BudgetError, checkNumber, checkSeed, describeValue, LIMITS, OptionError } from '../scenarios/guard.ts';
import type { Scenario, ScenarioInput } from '../scenarios/schema.ts';
import { ensureScenario } from '../scenarios/validate.ts';
import { DEFAULT_BUDGET, estimateRun, overBudget } from './compute-budget.ts';
import { Engine, liveView } from './kernel/engine.ts';
import type { LiveView } from './observe/live.ts';
import type { Snapshot, Summary } from './observe/metrics.ts';
import { Tracer } from './observe/trace.ts';

export interface RunOptions {
  seed: number | string;
  /** Interval of the time series in minutes; default 1440 (one simulated day); 0 for none. */
  snapshotEveryMinutes?: number;
  onSnapshot?: (s: Snapshot) => void;
  /** Follows chosen problems through the run (sim/observe/trace.ts); results are the same without it. */
  tracer?: Tracer;
  /** Days at the start whose statistics are discarded (a warm-up); the summary covers the days after it. */
  warmupDays?: number;
  /** Run even past the compute budget (4 GB of memory or two billion events, by sim/compute-budget.ts's estimate). */
  allowLarge?: boolean;
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

/** The latest time a run may reach, minutes. */
const MAX_MINUTES = LIMITS.days * 1440;

function checkDays(option: string, days: unknown): number {
  return checkNumber(option, days, { min: 0, above: true, max: LIMITS.days, unit: 'days' });
}

function checkWarmup(warmup: unknown, days?: number): void {
  if (warmup === undefined) return;
  checkNumber('warmupDays', warmup, { min: 0, max: LIMITS.days, unit: 'days' });
  if (days !== undefined && (warmup as number) >= days)
    throw new OptionError('warmupDays', `expected fewer days than the run's ${days}, got ${warmup as number}`);
}

/** The options of a run, checked; throws an OptionError naming the first one that is wrong. */
function checkRunOptions(opts: unknown, fn: string): RunOptions {
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    throw new OptionError('options', `${fn} expected an object such as { seed: 1, days: 365 }, got ${describeValue(opts)}`);
  const o = opts as RunOptions;
  checkSeed('seed', o.seed);
  const every = o.snapshotEveryMinutes;
  if (every !== undefined && every !== 0)
    checkNumber('snapshotEveryMinutes', every, { min: LIMITS.snapshotMinutes, max: MAX_MINUTES, unit: 'minutes (0 for none)' });
  if (o.onSnapshot !== undefined && typeof o.onSnapshot !== 'function')
    throw new OptionError('onSnapshot', `expected a function, got ${describeValue(o.onSnapshot)}`);
  if (o.tracer !== undefined && !(o.tracer instanceof Tracer))
    throw new OptionError('tracer', `expected a Tracer (new Tracer({ every: 10 })), got ${describeValue(o.tracer)}`);
  checkWarmup(o.warmupDays);
  return o;
}

/** Refuse to reach time t (minutes) if it is not finite, before now, past the limit, or would keep too many snapshots. */
function checkTime(option: string, t: number, now: number, every: number): void {
  if (!(typeof t === 'number' && Number.isFinite(t) && t >= now && t <= MAX_MINUTES))
    throw new OptionError(option, `expected a time from ${now} to ${MAX_MINUTES} min (${LIMITS.days} days), got ${describeValue(t)}`);
  if (every > 0 && t / every > LIMITS.snapshots)
    throw new OptionError(
      'snapshotEveryMinutes',
      `a snapshot every ${every} min up to ${t} min would keep ${Math.floor(t / every).toLocaleString('en')} snapshots, more than ${LIMITS.snapshots.toLocaleString('en')}: take them less often (or 0 for none)`,
    );
}

export function createSimulation(scenario: Scenario | ScenarioInput | unknown, opts: RunOptions): Simulation {
  checkRunOptions(opts, 'createSimulation');
  // Parsed once, at the edge: a scenario parseScenario returned, unchanged since, is not parsed again.
  const s = ensureScenario(scenario);
  if (!opts.allowLarge) {
    // The memory a run holds from its start (offices, residents), before any day is simulated.
    const over = overBudget([estimateRun(s, 0)], DEFAULT_BUDGET);
    if (over.length > 0) throw new BudgetError(`this scenario ${over.join('; and ')}; pass allowLarge: true to run it anyway`);
  }
  // A backlog that grows without end stops at the budget with a BudgetError, not an exhausted process.
  const engine = new Engine(s, { ...opts, maxJobBytes: opts.allowLarge ? undefined : DEFAULT_BUDGET.bytes });
  const every = opts.snapshotEveryMinutes ?? 1440;
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
      checkTime('advanceTo', t, engine.now, every);
      engine.advanceTo(t);
    },
    advanceDays(days: number) {
      checkDays('advanceDays', days);
      checkTime('advanceDays', engine.now + days * 1440, engine.now, every);
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
  checkRunOptions(opts, 'simulate');
  checkDays('days', opts.days);
  checkWarmup(opts.warmupDays, opts.days);
  const every = opts.snapshotEveryMinutes ?? 1440;
  checkTime('days', opts.days * 1440, 0, every);
  const s = ensureScenario(scenario);
  if (!opts.allowLarge) {
    const over = overBudget([estimateRun(s, opts.days, every)], DEFAULT_BUDGET);
    if (over.length > 0)
      throw new BudgetError(`this run ${over.join('; and ')}; simulate fewer days or residents, or pass allowLarge: true to run it anyway`);
  }
  const sim = createSimulation(s, { ...opts, allowLarge: true });
  sim.advanceTo(opts.days * 1440);
  return { summary: sim.summary(), series: [...sim.series] };
}
