/**
 * What a run will cost before it starts: problems raised, events, memory and time, from the
 * scenario, the number of days and the snapshot interval alone. Pure (no DOM, no Node), so
 * the CLI and the library refuse runs past a budget and the app warns before starting one.
 *
 * The figures are upper bounds, not predictions: problems are the expected count raised
 * (shocks included) plus six standard deviations; events count every case's steps at every
 * level, its returns (a hand-off returned with chance p is tried 1/(1 − p) times), its
 * collaborative parts, its resurfacing while unreported, and the clock: calendars, snapshots
 * and the daily tick, each office a clock event touches counted as one. Memory counts what
 * the engine allocates per office, per resident, per problem (its job record in a table that
 * doubles, the times kept for percentiles) and per snapshot. test/compute-budget.test.ts
 * runs extreme shapes (test/estimate-shapes.ts) in processes of their own and checks that
 * each measured peak RSS and event count is below the estimate; test/properties.test.ts
 * checks the same of random scenarios.
 */
import type { Scenario } from '../scenarios/schema.ts';

export interface RunEstimate {
  /** Problems residents raise (an upper estimate). */
  problems: number;
  /** Simulation events, each office a clock event updates counted as one (an upper estimate of the engine's work). */
  events: number;
  /** Peak memory of one run, bytes, besides the program it runs in (an upper estimate). */
  bytes: number;
  /** Peak resident memory of a Node process running this run alone, bytes: `bytes` and the program (an upper estimate). */
  processBytes: number;
  /** Wall time of one run on one core, seconds (at EVENTS_PER_SECOND). */
  seconds: number;
}

/** A conservative event rate of the engine on one core (the benchmark gives 3–8 million). */
export const EVENTS_PER_SECOND = 2e6;
/** A Node process with flatgov's code loaded from its TypeScript sources (about 100 MB measured), with room. */
export const PROCESS_BYTES = 128 * 2 ** 20;
/** Memory besides the run: code, the scenario, metrics tables. */
const BASE_BYTES = 48 * 2 ** 20;
/** Per resident: trust, home cell and marks (about 9 bytes), with room. */
const BYTES_PER_RESIDENT = 16;
/** Per office: its queues, servers and time integrals (about 90 bytes) and the metrics' two copies of its integrals (80). */
const BYTES_PER_OFFICE = 192;
/**
 * Per problem: its job record (about 100 bytes, in a table that doubles as it grows), its
 * queue and event entries, and the times kept for percentiles (three Float64 series that double).
 */
const BYTES_PER_PROBLEM = 400;
/** Per snapshot: its totals, and per tier its queue, staff and utilisation. */
const snapshotBytes = (tiers: number) => 2048 + 256 * tiers;

/** The highest chance that a hand-off is returned, at any level or by the platform. */
function worstReturn(s: Scenario): number {
  const p = Math.max(0, ...s.levels.map((l) => l.forward.returnProb), s.platform.enabled ? s.platform.returnProb : 0);
  return Math.min(p, 0.99);
}

/** Events per problem: arrival, service, forwarding, questions and returns at each level, parts of collaborative cases. */
function eventsPerProblem(s: Scenario): number {
  const collaborative = Math.max(1, s.demand.collaborativeDomainsMean, ...(s.demand.collaborativeAbove <= 0 ? [s.domains.length] : []));
  // At each level: service, forwarding, and a question to the senior with its time limit; a
  // returned hand-off goes back and is sent again; a reopened case comes back once.
  const hops = 3 * s.levels.length + 2 * collaborative;
  return 4 + hops / (1 - worstReturn(s));
}

/**
 * Times an unreported problem resurfaces, at most: it comes back every resurfaceMeanDays
 * and is kept silent again with chance at most q (at zero trust, bypass least likely), so
 * 1/(1 − q) times, and never more often than the run's days allow.
 */
function resurfacesPerProblem(s: Scenario, days: number): number {
  if (!s.mechanisms.residentsRespond) return 0;
  const r = s.residents;
  const q = Math.min(1, (1 - r.bypassBase) * Math.min(1, r.silentBase + r.silentLowTrust));
  const byTime = days / r.resurfaceMeanDays + 1;
  return q >= 1 ? byTime : Math.min(byTime, 1 / (1 - q));
}

/** Expected problems per simulated day, on average over the run; overlapping shocks multiply, as in the engine. */
export function problemsPerDay(s: Scenario, days: number): number {
  const base = (s.population.residents * s.demand.casesPerResidentYear) / 365;
  const shocks = s.shocks ?? [];
  const cuts = [0, days, ...shocks.flatMap((sh) => [sh.startDay, sh.startDay + sh.days])]
    .filter((t) => t >= 0 && t <= days)
    .sort((a, b) => a - b);
  let weighted = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    if (b <= a) continue;
    let m = 1;
    for (const sh of shocks) if (a >= sh.startDay && a < sh.startDay + sh.days) m *= sh.demandMultiplier;
    weighted += m * (b - a);
  }
  return (base * weighted) / Math.max(days, 1e-9);
}

/** Offices of a scenario: every unit of every level, each department, the centre and the hotline. */
export function officeCount(s: Scenario): number {
  return s.levels.reduce((n, l) => n + l.units, 0) + s.departments.length + 2;
}

/** The estimate of one run of `days` days taking a snapshot every `snapshotEveryMinutes` minutes (0 for none). */
export function estimateRun(s: Scenario, days: number, snapshotEveryMinutes = 1440): RunEstimate {
  const mean = problemsPerDay(s, days) * days;
  const raised = Math.ceil(mean + 6 * Math.sqrt(mean) + 10);
  // A hurried case is reopened with chance hurryReopenProb: its problem comes back, maybe again.
  const reopen = Math.min(s.mechanisms.hurryReopenProb ?? 0, 0.99);
  const problems = raised;
  const cases = Math.ceil(raised / (1 - reopen));
  const offices = officeCount(s);
  const tiers = s.levels.length + 3;
  const snapshots = snapshotEveryMinutes > 0 ? Math.floor((days * 1440) / snapshotEveryMinutes) : 0;
  // Clock events: calendar changes (two a day per calendar), the daily tick, the demand's day
  // and night, and part-time workers' arrivals and departures (four a day per office group);
  // each touches every office of the groups it concerns, as does a snapshot (counted as one event per office).
  const groups = s.levels.length + s.departments.length + 2;
  const perDay = 2 * Object.keys(s.calendars).length + 3 + 4 * groups + 7 * offices;
  const clockEvents = perDay * Math.ceil(days) + snapshots * (1 + offices);
  const events = Math.ceil(cases * (eventsPerProblem(s) + resurfacesPerProblem(s, days)) + clockEvents);
  const bytes =
    BASE_BYTES +
    s.population.residents * BYTES_PER_RESIDENT +
    offices * BYTES_PER_OFFICE +
    cases * BYTES_PER_PROBLEM +
    snapshots * snapshotBytes(tiers);
  return { problems, events, bytes, processBytes: PROCESS_BYTES + bytes, seconds: events / EVENTS_PER_SECOND };
}

export interface Budget {
  /** Peak memory of all the runs in flight together, bytes. */
  bytes: number;
  /** Events of the whole run or experiment. */
  events: number;
}

/** Defaults for the command line: 4 GB in flight, two billion events (about a quarter of an hour on one core). */
export const DEFAULT_BUDGET: Budget = { bytes: 4 * 2 ** 30, events: 2e9 };

export function formatBytes(b: number): string {
  if (b >= 2 ** 30) return `${(b / 2 ** 30).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(b / 2 ** 20))} MB`;
}

export function formatSeconds(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

/**
 * What goes past the budget, as sentences (empty if nothing does). `parallel` runs are in
 * flight at once; `runs` is how many there are in all.
 */
export function overBudget(perRun: RunEstimate[], budget: Budget, opts: { parallel?: number; runs?: number[] } = {}): string[] {
  const parallel = Math.max(1, opts.parallel ?? 1);
  const counts = opts.runs ?? perRun.map(() => 1);
  const out: string[] = [];
  const largest = perRun.reduce((a, b) => (b.bytes > a.bytes ? b : a), perRun[0]);
  if (
    largest &&
    largest.bytes *
      Math.min(
        parallel,
        counts.reduce((a, b) => a + b, 0),
      ) >
      budget.bytes
  ) {
    const n = Math.min(
      parallel,
      counts.reduce((a, b) => a + b, 0),
    );
    out.push(
      `needs up to ${formatBytes(largest.bytes * n)} of memory (${formatBytes(largest.bytes)} a run${n > 1 ? ` × ${n} at once` : ''}, ${largest.problems.toLocaleString('en')} problems), over the budget of ${formatBytes(budget.bytes)}`,
    );
  }
  const events = perRun.reduce((a, r, i) => a + r.events * counts[i], 0);
  if (events > budget.events)
    out.push(
      `runs about ${events.toExponential(1)} events (roughly ${formatSeconds(events / EVENTS_PER_SECOND / parallel)} with ${parallel} worker${parallel > 1 ? 's' : ''}), over the budget of ${budget.events.toExponential(1)}`,
    );
  return out;
}
