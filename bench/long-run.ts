/**
 * Memory of a long run: Longgang 2021 at full scale for 20 simulated years, without a time
 * series (as experiments run), measured after each span of years. It shows what grows with
 * simulated time: the per-case samples the metrics keep for percentiles (three Float64
 * arrays that double as they fill), while the agents, the job records and the event queue
 * stay flat.
 */
import { createSimulation } from '../sim/index.ts';
import { loadPreset } from '../scenarios/presets.ts';

export interface LongRunPoint {
  years: number;
  cases: number;
  /** Heap and array buffers after a collection, MB. */
  memoryMB: number;
  /** Of which the samples kept for percentiles, MB. */
  samplesMB: number;
  /** The engine's job arrays (live cases), MB. */
  jobsMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function memoryMB(): number {
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

export function longRun(years = 20, marks = [1, 5, 10, 20]): { points: LongRunPoint[]; baselineMB: number; collected: boolean } {
  const baselineMB = memoryMB();
  const sim = createSimulation(loadPreset('longgang-2021'), { seed: 1, snapshotEveryMinutes: 0 });
  const points: LongRunPoint[] = [];
  for (const y of marks.filter((m) => m <= years)) {
    sim.advanceTo(y * 365 * 1440);
    const held = sim.view.memory();
    const samplesMB = held.samplesBytes / 2 ** 20;
    const jobsMB = held.jobBytes / 2 ** 20;
    points.push({ years: y, cases: sim.summary().cases.created, memoryMB: memoryMB() - baselineMB, samplesMB, jobsMB });
  }
  return { points, baselineMB, collected: gc !== undefined };
}
