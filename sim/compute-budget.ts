/**
 * What a run will cost before it starts: problems raised, events, memory and time, from the
 * scenario and the number of days alone. Pure (no DOM, no Node), so the CLI refuses runs
 * past a budget and the app warns before starting one.
 *
 * The figures are upper estimates, not predictions: problems are the expected count raised
 * (shocks included) plus six standard deviations; events and bytes per problem are the
 * largest seen across the presets and random scenarios (see test/properties.test.ts).
 */
import type { Scenario } from '../scenarios/schema.ts';

export interface RunEstimate {
  /** Problems residents raise (an upper estimate). */
  problems: number;
  /** Simulation events (an upper estimate). */
  events: number;
  /** Peak memory of one run, bytes (an upper estimate). */
  bytes: number;
  /** Wall time of one run on one core, seconds (at EVENTS_PER_SECOND). */
  seconds: number;
}

/** A conservative event rate of the engine on one core (the benchmark gives 3–8 million). */
export const EVENTS_PER_SECOND = 2e6;
/** Memory besides the run: code, the scenario, metrics tables. */
const BASE_BYTES = 48 * 2 ** 20;
/** Per resident: trust (4 bytes) and homes, with room. */
const BYTES_PER_RESIDENT = 16;
/**
 * Per problem: its job record (about 100 bytes, in arrays that double as they grow), its
 * queue and event entries, and the times kept for percentiles (three Float64 series that double).
 */
const BYTES_PER_PROBLEM = 320;
/** Events per problem: arrival, service, forwarding, questions and returns at each level, parts of collaborative cases. */
function eventsPerProblem(s: Scenario): number {
  const collaborative = Math.max(1, s.demand.collaborativeDomainsMean);
  // At each level: service, forwarding, and a question to the senior with its time limit; a reopened case comes back once.
  return 4 + 3 * s.levels.length + 2 * collaborative;
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

export function estimateRun(s: Scenario, days: number): RunEstimate {
  const mean = problemsPerDay(s, days) * days;
  const problems = Math.ceil(mean + 6 * Math.sqrt(mean) + 10);
  // Calendar changes (two a day per calendar), daily snapshots and the daily tick, and the
  // part-time workers' arrivals and departures (four a day per office group).
  const groups = s.levels.length + s.departments.length + 2;
  const clockEvents = (2 * Object.keys(s.calendars).length + 3 + 4 * groups) * Math.ceil(days);
  const events = Math.ceil(problems * eventsPerProblem(s) + clockEvents);
  const bytes = BASE_BYTES + s.population.residents * BYTES_PER_RESIDENT + problems * BYTES_PER_PROBLEM;
  return { problems, events, bytes, seconds: events / EVENTS_PER_SECOND };
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
      `about ${events.toExponential(1)} events (roughly ${formatSeconds(events / EVENTS_PER_SECOND / parallel)} with ${parallel} worker${parallel > 1 ? 's' : ''}), over the budget of ${budget.events.toExponential(1)}`,
    );
  return out;
}
