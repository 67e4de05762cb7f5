/**
 * Following cases through the engine. A tracer picks problems by their number (the n-th
 * problem raised in the run); with common random numbers the n-th problem is the same
 * resident at the same moment in every structure run on the same seed and demand, so the
 * same pick follows the same problem everywhere. The engine tells the tracer what happens
 * to the cases it follows, and the tracer keeps each one's journey as consecutive segments
 * (waiting, working, travelling, being passed on, waiting for departments) that add up to
 * its time to close. Tracing draws no random numbers: a run gives the same result with or
 * without it.
 */

import { CH_DISCOVERED } from '../kernel/cases.ts';

/** What a segment of a journey is. */
export type SegmentKind =
  /** The problem exists but nobody has reported it (not part of the time to close). */
  | 'unnoticed'
  /** In an office's queue. */
  | 'waiting'
  /** Being worked on at an office (or examined before being passed up). */
  | 'working'
  /** Staff travelling to the site and back. */
  | 'travel'
  /** Being passed from one office to another (forwarding, dispatch, the platform). */
  | 'transfer'
  /** Sent back to the office that passed it on. */
  | 'returned'
  /** Split into departments' parts: waiting until the last part is done. */
  | 'parts';

export interface Segment {
  kind: SegmentKind;
  /** Minutes since the run began. */
  start: number;
  /** Minutes; Infinity while the segment goes on. */
  end: number;
  /** The office where it happens (for a transfer, the office it goes to). */
  office: number;
  /** For a transfer or a return: the office it comes from. */
  from?: number;
  /** Work redone because it had been done on incomplete information. */
  rework?: boolean;
}

export type Outcome = 'open' | 'closed' | 'lost' | 'unreported';

export interface Journey {
  /** The problem's number in the run (1 = the first problem raised). */
  problem: number;
  resident: number;
  /** Minutes: when the problem arose, and when it became a case (reported or found). */
  raised: number;
  reported: number;
  /** Channel index (sim/kernel/cases.ts CHANNELS) and type index (CASE_TYPES) as last known. */
  channel: number;
  type: number;
  field: boolean;
  /** The case's difficulty (drawn the same in every structure). */
  difficulty: number;
  /** Minutes: the case's deadline (Infinity while unreported). */
  deadline: number;
  /** Minutes: when someone first took it up (Infinity until then), and, for a case needing someone on site, when someone got there. */
  accepted: number;
  onSite: number;
  segments: Segment[];
  /** Departments' parts of a collaborative case: each part's own segments. */
  parts: { office: number; segments: Segment[] }[];
  outcome: Outcome;
  /** Minutes when closed or lost. */
  ended: number;
  /** The tier it closed or was lost at (sim/kernel/compile.ts tiers), −1 if not yet. */
  tier: number;
  lostReason?: string;
}

/** When a journey's time to close starts: when its problem arose for a case found on patrol, else when it was reported. */
export function clockStart(j: Journey): number {
  return j.channel === CH_DISCOVERED ? j.raised : j.reported;
}

/** The hours a journey took from the start of its clock to its end (or to `now` while open). */
export function hoursToClose(j: Journey, now = j.ended): number {
  return (now - clockStart(j)) / 60;
}

/**
 * The hours of each kind a journey spent between the start of its clock and `now` (or its
 * end); they add up to hoursToClose. A case found on patrol counts its unnoticed spell.
 */
export function hoursByKind(j: Journey, now = Number.isFinite(j.ended) ? j.ended : Infinity): Record<SegmentKind, number> {
  const out: Record<SegmentKind, number> = { unnoticed: 0, waiting: 0, working: 0, travel: 0, transfer: 0, returned: 0, parts: 0 };
  const from = clockStart(j);
  for (const s of j.segments) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, now);
    if (end > start) out[s.kind] += (end - start) / 60;
  }
  return out;
}

export interface TracerOptions {
  /** Follow every k-th problem (1 follows every problem). */
  every: number;
  /** How many finished journeys to keep (the most recent). */
  keep?: number;
}

interface Live {
  journey: Journey;
  /** For a part: the index in journey.parts; −1 for the case itself. */
  part: number;
  /** Set between a redo and the next start: the work is done again. */
  rework?: boolean;
}

/**
 * Keeps the journeys of the problems it follows. The engine calls the methods below for
 * jobs it flagged as followed; `j` is the engine's job index (reused once a job is done).
 */
export class Tracer {
  readonly every: number;
  private keep: number;
  private live = new Map<number, Live>();
  private byProblem = new Map<number, Journey>();
  private finished: number[] = [];
  private head = 0;
  /** Journeys that ended since the last call of takeEnded(). */
  private ended: Journey[] = [];

  constructor(opts: TracerOptions) {
    if (!Number.isInteger(opts.every) || opts.every < 1) throw new RangeError(`every: expected a whole number ≥ 1, got ${opts.every}`);
    this.every = opts.every;
    this.keep = opts.keep ?? 5000;
  }

  /** Whether the problem with this number is followed. */
  follows(problem: number): boolean {
    return problem % this.every === 0;
  }

  /** The journey of a followed problem (live or among the kept finished ones). */
  journey(problem: number): Journey | undefined {
    return this.byProblem.get(problem);
  }

  /** The journeys still going on (cases open, problems unnoticed). */
  *open(): IterableIterator<Journey> {
    for (const l of this.live.values()) if (l.part < 0) yield l.journey;
  }

  /** The journeys that ended since the last call. */
  takeEnded(): Journey[] {
    const e = this.ended;
    this.ended = [];
    return e;
  }

  // ------------------------------------------------------------ called by the engine

  raised(
    j: number,
    problem: number,
    resident: number,
    t: number,
    c: { channel: number; type: number; field: boolean; difficulty: number; deadline: number },
    silent: boolean,
  ): void {
    const journey: Journey = {
      problem,
      resident,
      raised: t,
      reported: silent ? Infinity : t,
      channel: c.channel,
      type: c.type,
      field: c.field,
      difficulty: c.difficulty,
      deadline: silent ? Infinity : c.deadline,
      accepted: Infinity,
      onSite: Infinity,
      segments: silent ? [{ kind: 'unnoticed', start: t, end: Infinity, office: -1 }] : [],
      parts: [],
      outcome: 'open',
      ended: Infinity,
      tier: -1,
    };
    this.live.set(j, { journey, part: -1 });
    this.byProblem.set(problem, journey);
  }

  reported(
    j: number,
    t: number,
    c: { channel: number; type: number; field: boolean; difficulty: number; deadline: number },
    found: boolean,
  ): void {
    const l = this.live.get(j);
    if (!l) return;
    const jr = l.journey;
    this.closeOpen(jr.segments, t);
    Object.assign(jr, { reported: t, channel: c.channel, type: c.type, field: c.field, difficulty: c.difficulty, deadline: c.deadline });
    // A grid worker who finds a problem on patrol has taken it up, on the spot.
    if (found) jr.accepted = jr.onSite = t;
  }

  unreported(j: number, t: number): void {
    const l = this.live.get(j);
    if (!l) return;
    this.closeOpen(l.journey.segments, t);
    this.finish(j, l.journey, 'unreported', t, -1);
  }

  queued(j: number, office: number, t: number): void {
    const segs = this.segs(j);
    if (segs) segs.push({ kind: 'waiting', start: t, end: Infinity, office });
  }

  rework(j: number): void {
    const l = this.live.get(j);
    if (l) l.rework = true;
  }

  started(j: number, office: number, t: number, travel: number, work: number, onSite: boolean): void {
    const l = this.live.get(j);
    const segs = this.segs(j);
    if (!l || !segs) return;
    const jr = l.journey;
    if (l.part < 0 && jr.accepted === Infinity) jr.accepted = t;
    if (onSite && jr.onSite === Infinity) jr.onSite = t + travel;
    this.closeOpen(segs, t);
    if (travel > 0) segs.push({ kind: 'travel', start: t, end: t + travel, office });
    if (work > 0) {
      const s: Segment = { kind: 'working', start: t + travel, end: t + travel + work, office };
      if (l.rework) s.rework = true;
      segs.push(s);
    }
    if (travel > 0) segs.push({ kind: 'travel', start: t + travel + work, end: t + 2 * travel + work, office });
    l.rework = false;
  }

  sent(j: number, from: number, to: number, t: number, delay: number, back: boolean): void {
    const segs = this.segs(j);
    // A case taken out of a queue (its question unanswered in time, or climbing when overdue) stops waiting now.
    if (segs) this.closeOpen(segs, t);
    if (segs && delay > 0) segs.push({ kind: back ? 'returned' : 'transfer', start: t, end: t + delay, office: to, from });
  }

  /** The case is split into departments' parts; part() follows for each. */
  forked(j: number, t: number): void {
    const l = this.live.get(j);
    if (l) l.journey.segments.push({ kind: 'parts', start: t, end: Infinity, office: -1 });
  }

  part(j: number, p: number, office: number): void {
    const l = this.live.get(j);
    if (!l) return;
    l.journey.parts.push({ office, segments: [] });
    this.live.set(p, { journey: l.journey, part: l.journey.parts.length - 1 });
  }

  partDone(p: number, t: number, last: boolean): void {
    const l = this.live.get(p);
    if (!l) return;
    this.live.delete(p);
    if (last) this.closeOpen(l.journey.segments, t);
  }

  closed(j: number, t: number, tier: number): void {
    const l = this.live.get(j);
    if (l) this.finish(j, l.journey, 'closed', t, tier);
  }

  lost(j: number, t: number, tier: number, reason: string): void {
    const l = this.live.get(j);
    if (!l) return;
    l.journey.lostReason = reason;
    this.closeOpen(l.journey.segments, t);
    this.finish(j, l.journey, 'lost', t, tier);
  }

  // ------------------------------------------------------------ internals

  private segs(j: number): Segment[] | undefined {
    const l = this.live.get(j);
    if (!l) return undefined;
    return l.part < 0 ? l.journey.segments : l.journey.parts[l.part].segments;
  }

  /** End the last segment if it is still going on. */
  private closeOpen(segs: Segment[], t: number): void {
    const last = segs[segs.length - 1];
    if (last && last.end === Infinity) {
      last.end = t;
      if (last.end <= last.start && last.kind !== 'unnoticed') segs.pop();
    }
  }

  private finish(j: number, jr: Journey, outcome: Outcome, t: number, tier: number): void {
    this.live.delete(j);
    jr.outcome = outcome;
    jr.ended = t;
    jr.tier = tier;
    this.ended.push(jr);
    // Unread, they are dropped oldest first, in blocks (a shift per journey would cost O(keep)).
    if (this.ended.length >= 2 * this.keep) this.ended.splice(0, this.ended.length - this.keep);
    // Keep the most recent finished journeys.
    if (this.finished.length < this.keep) this.finished.push(jr.problem);
    else {
      this.byProblem.delete(this.finished[this.head]);
      this.finished[this.head] = jr.problem;
      this.head = (this.head + 1) % this.keep;
    }
  }
}
