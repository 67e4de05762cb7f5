/**
 * Speed and memory benchmark, run by `npm run bench` (cli/bench.ts, which reads the
 * options): a table, or with `--json` one JSON object. Each figure is the best of several runs after warm-up (the host
 * is shared, so single runs vary by a third): events per second over the event loop, and
 * wall time from creating the simulation to its summary.
 */
import { Tracer } from '../sim/observe/trace.ts';
import { createSimulation } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';
import { referenceQueue } from '../scenarios/reference.ts';
import { presetJson } from '../scenarios/presets.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { nodePool, poolExecutor } from '../workers/node-pool.ts';
import { runExperiment } from '../experiments/runner.ts';
import { SimSession } from '../workers/session.ts';
import { longRun } from './long-run.ts';
import fs from 'node:fs';
import { runOn, runSensitivity, sensitivityRuns, sensitivitySpec } from '../experiments/sensitivity-run.ts';
import { analyseEmulatorSensitivity, emulatorRuns } from '../experiments/sensitivity-emulator.ts';

/**
 * The emulator-based sensitivity analysis of the reform's before and after over the twelve
 * assumptions Morris ranks first (experiments/reform-emulator-decisive.experiment.json), on
 * 2 workers: its design, wall time, each output's held-out check, and the widths of the total
 * indices of the five most decisive assumptions where the check passed.
 */
export async function benchEmulator(json: boolean): Promise<void> {
  const file = new URL('../experiments/reform-emulator-decisive.experiment.json', import.meta.url);
  const e = parseExperiment(JSON.parse(fs.readFileSync(file, 'utf8')));
  const plan = planExperiment(e, (r) => presetJson(r.preset!));
  const spec = sensitivitySpec(e);
  const pool = nodePool(2);
  try {
    const t0 = performance.now();
    const r = await analyseEmulatorSensitivity(plan, spec, (_, jobs) => runOn(poolExecutor(pool), jobs));
    const seconds = (performance.now() - t0) / 1000;
    const outputs = r.outputs.map((o, i) => {
      const res = r.results[i];
      const top = (res.indices ?? [])
        .map((x, j) => ({ id: r.factors[j].id, total: x.total }))
        .sort((a, b) => b.total.estimate - a.total.estimate)
        .slice(0, 5)
        .map((x) => ({ id: x.id, total: x.total.estimate, lo: x.total.lo, hi: x.total.hi, width: x.total.hi - x.total.lo }));
      return { output: `${o.label}: ${o.of}`, passed: res.check.passed, r2: res.check.r2, top };
    });
    const out = {
      design: { assumptions: r.factors.length, points: r.design.points, runs: emulatorRuns(plan, spec), days: e.days },
      seconds,
      minutes: seconds / 60,
      outputs,
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(`flatgov bench --emulator (Node ${process.version}, 2 workers)`);
      console.log(
        `  ${r.factors.length} assumptions, ${r.design.points} design points (${r.design.heldOut} held out), ${out.design.runs} runs of ${e.days} days`,
      );
      console.log(`  wall time: ${(seconds / 60).toFixed(1)} min, runs and emulators`);
      for (const o of outputs) {
        console.log(`  ${o.output}: held-out check ${o.passed ? 'passed' : 'failed'} (R² ${o.r2.toFixed(3)})`);
        for (const t of o.top)
          console.log(`    ST ${t.id} ${t.total.toFixed(2)} [${t.lo.toFixed(2)}, ${t.hi.toFixed(2)}], width ${t.width.toFixed(2)}`);
      }
    }
  } finally {
    pool.close();
  }
}

/** The sensitivity analysis of the default pair: wall time, runs, and how wide its intervals come out. */
export async function benchSensitivity(json: boolean): Promise<void> {
  const file = new URL('../experiments/reform-sensitivity.experiment.json', import.meta.url);
  const e = parseExperiment(JSON.parse(fs.readFileSync(file, 'utf8')));
  const plan = planExperiment(e, (r) => presetJson(r.preset!));
  const spec = sensitivitySpec(e);
  const runs = sensitivityRuns(plan, spec);
  const pool = nodePool(2);
  try {
    const t0 = performance.now();
    const r = await runSensitivity(plan, spec, poolExecutor(pool));
    const seconds = (performance.now() - t0) / 1000;
    const widths = r.outputs.flatMap((o, i) =>
      o.difference ? [{ of: `${o.label}: ${o.of}`, w: r.sobol!.indices[i].map((x) => x.total.hi - x.total.lo) }] : [],
    );
    const out = {
      design: {
        assumptions: r.factors.length,
        trajectories: spec.morris.trajectories,
        sobolTop: spec.sobol?.top,
        sobolN: spec.sobol?.n,
        days: e.days,
      },
      runs,
      seconds,
      minutes: seconds / 60,
      totalIndexIntervalWidth: widths.map((x) => ({
        output: x.of,
        mean: x.w.reduce((a, b) => a + b, 0) / x.w.length,
        max: Math.max(...x.w),
      })),
    };
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(`flatgov bench --sensitivity (Node ${process.version}, 2 workers)`);
      console.log(
        `  ${r.factors.length} assumptions: Morris ${spec.morris.trajectories} trajectories (${runs.morris} runs), Sobol top ${spec.sobol?.top} with N = ${spec.sobol?.n} (${runs.sobol} runs), noise ${runs.noise} runs; ${e.days} days each`,
      );
      console.log(
        `  wall time: ${(seconds / 60).toFixed(1)} min (${runs.total} runs, ${((2 * seconds) / runs.total).toFixed(2)} s per run per worker)`,
      );
      for (const x of out.totalIndexIntervalWidth)
        console.log(`  ST 95% interval width, ${x.output}: mean ${x.mean.toFixed(2)}, widest ${x.max.toFixed(2)}`);
    }
  } finally {
    pool.close();
  }
}
let peakRss = 0;
let ticks = 0;
const sample = () => {
  if (++ticks % 16 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

interface Figure {
  /** Events per second of the event loop (warm). */
  eventsPerSecond: number;
  /** Create, run and summarise. */
  wallMs: number;
  /** The event loop alone. */
  runMs: number;
  cases: number;
  events: number;
}

function measure(scenario: unknown, days: number, seed: number, snapshotEveryMinutes = 1440, tracer?: Tracer): Figure {
  const t0 = performance.now();
  const sim = createSimulation(scenario, { seed, snapshotEveryMinutes, onSnapshot: sample, tracer });
  const t1 = performance.now();
  sim.advanceTo(days * 1440);
  const t2 = performance.now();
  const s = sim.summary();
  const wallMs = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return { eventsPerSecond: s.events / ((t2 - t1) / 1000), wallMs, runMs: t2 - t1, cases: s.cases.created, events: s.events };
}

/** The best of several runs: the fastest event loop, the shortest wall time. */
function best(runs: number, f: (k: number) => Figure): Figure {
  const all = Array.from({ length: runs }, (_, k) => f(k));
  const fastest = all.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
  return { ...fastest, wallMs: Math.min(...all.map((x) => x.wallMs)) };
}

/** The benchmark: prints a table, or with `json` one JSON object. */
export async function bench(json: boolean): Promise<void> {
  peakRss = process.memoryUsage.rss();
  // (1) M/M/5, λ = 4.5/h, μ = 1/h, 200,000 cases.
  const mm5 = referenceQueue({ servers: 5, arrivalsPerHour: 4.5, serviceMinutes: 60 });
  const mm5Days = 200_000 / 4.5 / 24;
  // The reference queue measures the engine alone: no time series.
  best(3, (k) => measure(mm5, mm5Days, 100 + k, 0)); // warm-up
  const reference = best(15, (k) => measure(mm5, mm5Days, k + 1, 0));

  // (2) One simulated year of Longgang at full scale.
  const lg = loadPreset('longgang-2021');
  best(2, (k) => measure(lg, 365, 100 + k));
  const fullScaleYear = best(5, (k) => measure(lg, 365, k + 1));
  // The same year while the map follows every 13th problem (what the app follows for the default pair).
  const tracedYear = best(5, (k) => measure(lg, 365, k + 1, 1440, new Tracer({ every: 13 })));

  // (2b) The app's worker at the fastest speed: a year of the traditional county asked for in
  // 12-day chunks, and what the frame it sends with each costs (its time-to-close percentiles
  // cover every case closed so far).
  function appYear(seed: number): { wallMs: number; frameMs: number; frames: number } {
    const s = new SimSession(presetJson('traditional-county'), seed, 1440);
    let wallMs = 0;
    let frameMs = 0;
    let frames = 0;
    for (let d = 12; d < 365 + 12; d += 12) {
      const t0 = performance.now();
      s.advanceTo(Math.min(d, 365));
      const t1 = performance.now();
      s.frame(); // the same frame again (no new snapshots): its cost alone
      frameMs += performance.now() - t1;
      wallMs += t1 - t0;
      frames++;
    }
    return { wallMs, frameMs, frames };
  }
  appYear(100);
  const appYears = [1, 2, 3].map(appYear);
  const appSession = appYears.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

  // (3) Replication throughput of the experiment runner, with 1 and 2 worker threads.
  async function replicationsPerSecond(
    workers: number,
  ): Promise<{ workers: number; replications: number; wallMs: number; perSecond: number }> {
    const e = parseExperiment({ structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }], replications: 6, days: 365 });
    const plan = planExperiment(e, (r) => presetJson(r.preset!));
    const pool = nodePool(workers);
    try {
      // Warm the workers up (loading the code, first compilation) before timing.
      await runExperiment(
        planExperiment({ ...e, replications: 4, days: 30 }, (r) => presetJson(r.preset!)),
        poolExecutor(pool),
      );
      const t0 = performance.now();
      await runExperiment(plan, poolExecutor(pool));
      const wallMs = performance.now() - t0;
      const replications = e.replications * e.structures.length;
      return { workers, replications, wallMs, perSecond: replications / (wallMs / 1000) };
    } finally {
      pool.close();
    }
  }
  // (4) Memory of a 20-year run at full scale.
  const long = longRun(20);

  const rep1 = await replicationsPerSecond(1);
  const rep2 = await replicationsPerSecond(2);

  const out = {
    node: process.version,
    reference: { ...reference, scenario: 'M/M/5, 4.5 arrivals/h, 1 service/h, 200,000 cases, no time series' },
    fullScaleYear: { ...fullScaleYear, scenario: 'longgang-2021, 365 days, daily snapshots' },
    tracedYear: { ...tracedYear, scenario: 'longgang-2021, 365 days, daily snapshots, every 13th problem followed' },
    appSession: { ...appSession, scenario: "traditional-county, 365 days asked for in 12-day chunks as the app's worker is" },
    peakMemoryMB: peakRss / 2 ** 20,
    replications: {
      scenario: '2 presets × 6 replications × 365 days',
      oneWorker: rep1,
      twoWorkers: rep2,
      speedup: rep2.perSecond / rep1.perSecond,
    },
    longRun: { scenario: 'longgang-2021, 20 years, no time series', ...long },
  };

  if (json) console.log(JSON.stringify(out));
  else {
    const f = (x: Figure) =>
      `${(x.eventsPerSecond / 1e6).toFixed(2)} M events/s (event loop), ${x.wallMs.toFixed(0)} ms wall (setup and summary included), ${x.cases} cases, ${x.events} events`;
    console.log(`flatgov bench (Node ${process.version})`);
    console.log(`  reference M/M/5, 200,000 cases : ${f(reference)}`);
    console.log(`  Longgang 2021, one year        : ${f(fullScaleYear)}`);
    console.log(
      `    following every 13th problem : ${f(tracedYear)} (${(100 * (tracedYear.wallMs / fullScaleYear.wallMs - 1)).toFixed(0)}% longer)`,
    );
    console.log(
      `  the app's worker, a year of the traditional county in ${appSession.frames} chunks: ${appSession.wallMs.toFixed(0)} ms, of which its frames ${appSession.frameMs.toFixed(0)} ms`,
    );
    console.log(`  peak memory (RSS)              : ${out.peakMemoryMB.toFixed(0)} MB (main thread)`);
    console.log(`  replications, 1 worker         : ${rep1.perSecond.toFixed(2)}/s (${rep1.replications} in ${rep1.wallMs.toFixed(0)} ms)`);
    console.log(
      `  replications, 2 workers        : ${rep2.perSecond.toFixed(2)}/s (${rep2.replications} in ${rep2.wallMs.toFixed(0)} ms), speed-up ${out.replications.speedup.toFixed(2)}×`,
    );
    console.log(`  Longgang 2021, 20 years, memory above the start${long.collected ? '' : ' (no --expose-gc: includes garbage)'}:`);
    for (const p of long.points)
      console.log(
        `    after ${String(p.years).padStart(2)} year${p.years === 1 ? ' ' : 's'}: ${p.memoryMB.toFixed(0)} MB, of which percentile samples ${p.samplesMB.toFixed(0)} MB and job arrays ${p.jobsMB.toFixed(1)} MB (${p.cases.toLocaleString('en')} cases)`,
      );
  }
}
