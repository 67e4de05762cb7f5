import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate.ts';
import { clockStart, hoursByKind, hoursToClose, Tracer, type Journey, type SegmentKind } from './trace.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { loadPreset, PRESET_IDS } from '../../scenarios/presets.ts';

const ids = PRESET_IDS;
const presets = Object.fromEntries(ids.map((id) => [id, loadPreset(id)]));

function traced(id: string, days: number, every: number, seed = 3, change: (s: Scenario) => void = () => {}) {
  const tracer = new Tracer({ every, keep: 1e6 });
  const scenario = structuredClone(presets[id]);
  change(scenario);
  const result = simulate(scenario, { seed, days, tracer });
  const journeys: Journey[] = [];
  for (let p = every; p <= result.summary.problems.raised; p += every) {
    const j = tracer.journey(p);
    if (j) journeys.push(j);
  }
  return { tracer, result, journeys };
}

describe('following cases (sim/observe/trace.ts)', () => {
  it('draws nothing: every preset gives the same result, bit for bit, with and without a tracer', () => {
    for (const id of ids) {
      const plain = simulate(presets[id], { seed: 5, days: 20 });
      const withTracer = simulate(presets[id], { seed: 5, days: 20, tracer: new Tracer({ every: 1 }) });
      expect(JSON.stringify(withTracer.summary), id).toBe(JSON.stringify(plain.summary));
    }
  });

  it('a journey is one unbroken line of segments from report to close, and they add up to its time to close', () => {
    const kinds = new Set<SegmentKind>();
    let closed = 0;
    for (const id of ids) {
      const { journeys } = traced(id, 40, 5);
      for (const j of journeys.filter((x) => x.outcome === 'closed' || x.outcome === 'lost')) {
        closed++;
        const segs = j.segments.filter((s) => s.kind !== 'unnoticed');
        segs.forEach((s) => kinds.add(s.kind));
        // Consecutive: each segment starts where the one before ended.
        let at = j.reported;
        for (const s of segs) {
          expect(s.start, `${id} problem ${j.problem} ${s.kind}`).toBeCloseTo(at, 6);
          expect(s.end).toBeGreaterThan(s.start);
          at = s.end;
        }
        expect(at, `${id} problem ${j.problem} ends when it closes`).toBeCloseTo(j.ended, 6);
        const sum = Object.values(hoursByKind(j)).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(hoursToClose(j), 6);
        // Departments' parts run inside the case's "parts" segment.
        const partsSeg = segs.find((s) => s.kind === 'parts');
        for (const p of j.parts) {
          for (const s of p.segments) {
            expect(s.start).toBeGreaterThanOrEqual(partsSeg!.start - 1e-9);
            expect(s.end).toBeLessThanOrEqual(partsSeg!.end + 1e-9);
          }
        }
      }
    }
    expect(closed).toBeGreaterThan(1000);
    // The journeys show every way a case can spend its time.
    for (const k of ['waiting', 'working', 'travel', 'transfer', 'returned', 'parts'] as const) expect(kinds.has(k), k).toBe(true);
  });

  it("following every problem gives back the run's counts and its mean time to close (conservation)", () => {
    // Without hurrying, no case comes back as a new case of the same problem.
    const { result, journeys } = traced('longgang-2021', 30, 1, 3, (s) => (s.mechanisms.hurry = false));
    const s = result.summary;
    const count = (o: Journey['outcome']) => journeys.filter((j) => j.outcome === o).length;
    expect(count('closed')).toBe(s.cases.closed);
    expect(count('lost')).toBe(s.cases.lost);
    expect(count('unreported')).toBe(s.problems.unreported);
    expect(journeys.length).toBe(s.problems.raised);
    const closedHours = journeys.filter((j) => j.outcome === 'closed').map((j) => hoursToClose(j));
    const mean = closedHours.reduce((a, b) => a + b, 0) / closedHours.length;
    expect(mean).toBeCloseTo(s.hoursToClose.mean, 6);
    // Taken up and on site when the run says: the service targets' times from the journeys.
    const finished = journeys.filter((j) => j.outcome === 'closed' || j.outcome === 'lost');
    const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const accept = finished.filter((j) => !j.field && j.accepted < Infinity).map((j) => (j.accepted - clockStart(j)) / 60);
    const onSite = finished.filter((j) => j.field && j.onSite < Infinity).map((j) => (j.onSite - clockStart(j)) / 60);
    expect(accept.length).toBeGreaterThan(100);
    expect(onSite.length).toBeGreaterThan(100);
    expect(meanOf(accept)).toBeCloseTo(s.hoursToAccept.mean, 9);
    expect(meanOf(onSite)).toBeCloseTo(s.hoursToOnsite.mean, 9);
    // Closed where the run says: the local share from the journeys' tiers.
    const local = journeys.filter((j) => j.outcome === 'closed' && (j.tier === 0 || j.tier === 1)).length;
    expect(local / s.cases.created).toBeCloseTo(s.localResolutionShare, 9);
  });

  it('the n-th problem is the same resident, moment and difficulty in another structure on the same seed (common random numbers)', () => {
    const a = traced('traditional-county', 20, 50);
    const b = traced('longgang-2021', 20, 50);
    expect(a.journeys.length).toBeGreaterThan(100);
    let compared = 0;
    for (const ja of a.journeys) {
      const jb = b.tracer.journey(ja.problem);
      if (!jb) continue;
      compared++;
      expect(jb.resident).toBe(ja.resident);
      expect(jb.raised).toBe(ja.raised);
      // A problem raised again after going unreported has grown harder; otherwise it is the same.
      if (ja.reported === ja.raised && jb.reported === jb.raised) expect(jb.difficulty).toBe(ja.difficulty);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps only the most recent finished journeys it is asked to keep, and refuses a bad sampling rate by name', () => {
    const tracer = new Tracer({ every: 1, keep: 100 });
    const r = simulate(presets['longgang-2021'], { seed: 1, days: 5, tracer });
    const kept = Array.from({ length: r.summary.problems.raised }, (_, i) => tracer.journey(i + 1)).filter(
      (j) => j && j.outcome !== 'open',
    );
    expect(kept.length).toBe(100);
    expect(() => new Tracer({ every: 0 })).toThrow(/every: expected a whole number ≥ 1, got 0/);
  });
});
