/**
 * The offices: each is a multi-server queue with two classes, field cases first, kept in
 * typed arrays. Non-field cases wait while the office is closed; field cases are served by
 * the staff on call. The table also keeps each office's time integrals (busy, available and
 * queued staff-minutes, overtime) for the metrics.
 */
import type { JobTable } from './jobs.ts';

export class Offices {
  /** Servers busy and servers available now. */
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  /** Servers and their speed in office hours and on call (fractional staff, sim/submodels/service.ts). */
  readonly capOpen: Int32Array;
  readonly capOnCall: Int32Array;
  readonly speed: Float64Array;
  readonly speedOpen: Float64Array;
  readonly speedOnCall: Float64Array;
  /** 1 while the office's calendar is open. */
  readonly open: Uint8Array;
  private readonly qFieldHead: Int32Array;
  private readonly qFieldTail: Int32Array;
  private readonly qOtherHead: Int32Array;
  private readonly qOtherTail: Int32Array;
  readonly qLen: Int32Array;
  // Time integrals, brought up to date by touch().
  readonly busyArea: Float64Array;
  readonly capArea: Float64Array;
  readonly qArea: Float64Array;
  readonly overtimeArea: Float64Array;
  private readonly lastTouch: Float64Array;
  /** Jobs taken into service. */
  readonly served: Float64Array;
  /** Tier of each office (the hotline is −1). */
  readonly tier: Int32Array;

  constructor(
    tierOfOffice: Int32Array,
    private readonly jobs: JobTable,
  ) {
    const n = tierOfOffice.length;
    this.tier = tierOfOffice;
    this.busy = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.capOpen = new Int32Array(n);
    this.capOnCall = new Int32Array(n);
    this.speed = new Float64Array(n).fill(1);
    this.speedOpen = new Float64Array(n).fill(1);
    this.speedOnCall = new Float64Array(n).fill(1);
    this.open = new Uint8Array(n);
    this.qFieldHead = new Int32Array(n).fill(-1);
    this.qFieldTail = new Int32Array(n).fill(-1);
    this.qOtherHead = new Int32Array(n).fill(-1);
    this.qOtherTail = new Int32Array(n).fill(-1);
    this.qLen = new Int32Array(n);
    this.busyArea = new Float64Array(n);
    this.capArea = new Float64Array(n);
    this.qArea = new Float64Array(n);
    this.overtimeArea = new Float64Array(n);
    this.lastTouch = new Float64Array(n);
    this.served = new Float64Array(n);
  }

  get count(): number {
    return this.busy.length;
  }

  /** Bring office o's time integrals up to `now` (before anything about it changes). */
  touch(o: number, now: number): void {
    const dt = now - this.lastTouch[o];
    if (dt > 0) {
      const b = this.busy[o];
      const c = this.cap[o];
      this.busyArea[o] += b * dt;
      // Staff finishing a case after hours are present: overtime counts as available time.
      if (b > c) {
        this.capArea[o] += b * dt;
        this.overtimeArea[o] += (b - c) * dt;
      } else this.capArea[o] += c * dt;
      this.qArea[o] += this.qLen[o] * dt;
      this.lastTouch[o] = now;
    }
  }

  /** Busy staff-minutes of office o up to now (read-only: looking never changes a run). */
  busyAreaNow(o: number, now: number): number {
    return this.busyArea[o] + this.busy[o] * (now - this.lastTouch[o]);
  }
  /** Available staff-minutes of office o up to now (overtime included). */
  capAreaNow(o: number, now: number): number {
    return this.capArea[o] + Math.max(this.busy[o], this.cap[o]) * (now - this.lastTouch[o]);
  }
  queueAreaNow(o: number, now: number): number {
    return this.qArea[o] + this.qLen[o] * (now - this.lastTouch[o]);
  }
  overtimeAreaNow(o: number, now: number): number {
    return this.overtimeArea[o] + Math.max(0, this.busy[o] - this.cap[o]) * (now - this.lastTouch[o]);
  }

  /** Set office o's servers in and out of hours and whether it is open (after touch). */
  setCapacity(o: number, open: boolean, inHours: Servers, onCall: Servers): void {
    this.capOpen[o] = inHours.servers;
    this.capOnCall[o] = onCall.servers;
    this.speedOpen[o] = inHours.speed;
    this.speedOnCall[o] = onCall.speed;
    this.open[o] = open ? 1 : 0;
    this.cap[o] = open ? inHours.servers : onCall.servers;
    this.speed[o] = open ? inHours.speed : onCall.speed;
  }

  /** Whether job j can start at office o at once: a free server and nobody of its class (or, for non-field work, anyone) ahead. */
  startsAtOnce(j: number, o: number): boolean {
    return this.busy[o] < this.cap[o] && (this.jobs.field[j] ? this.qFieldHead[o] < 0 : this.open[o] === 1 && this.qLen[o] === 0);
  }

  /** Put job j at the back of office o's queue for its class. */
  push(j: number, o: number): void {
    const next = this.jobs.next;
    next[j] = -1;
    if (this.jobs.field[j]) {
      if (this.qFieldTail[o] < 0) this.qFieldHead[o] = j;
      else next[this.qFieldTail[o]] = j;
      this.qFieldTail[o] = j;
    } else {
      if (this.qOtherTail[o] < 0) this.qOtherHead[o] = j;
      else next[this.qOtherTail[o]] = j;
      this.qOtherTail[o] = j;
    }
    this.qLen[o]++;
  }

  /**
   * The next job office o can start now, taken off its queue (field cases first; others only
   * while open), or −1. The caller touches the office, counts the server busy and starts it.
   */
  pop(o: number): number {
    if (this.busy[o] >= this.cap[o]) return -1;
    const next = this.jobs.next;
    let j = this.qFieldHead[o];
    if (j >= 0) {
      this.qFieldHead[o] = next[j];
      if (this.qFieldHead[o] < 0) this.qFieldTail[o] = -1;
    } else if (this.open[o] && (j = this.qOtherHead[o]) >= 0) {
      this.qOtherHead[o] = next[j];
      if (this.qOtherHead[o] < 0) this.qOtherTail[o] = -1;
    } else return -1;
    return j;
  }
}

/** Whole servers and the speed each works at (fractional staff). */
export interface Servers {
  servers: number;
  speed: number;
}
