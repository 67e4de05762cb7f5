/**
 * The offices: each is a multi-server queue kept in typed arrays, with three queues —
 * field cases (served first, also out of hours by the staff on call), other work (served in
 * office hours only) and questions for the office's senior (sim/submodels/competence.ts).
 * Queues are doubly linked through the job table, so a case can be taken out of the middle
 * (an overdue case that climbs, a question whose asker stops waiting). The table also keeps
 * each office's time integrals (busy, available and queued staff-minutes, overtime).
 *
 * Servers are whole workers at full speed: part-time presence removes hours (the number of
 * servers changes over the day), it never slows a worker down.
 */
import type { JobTable } from './jobs.ts';

/** Queue classes. */
export const Q_FIELD = 0;
export const Q_OTHER = 1;
export const Q_ASK = 2;
const QUEUES = 3;

export class Offices {
  /** Servers busy and servers available now. */
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  /** 1 while the office's calendar is open. */
  readonly open: Uint8Array;
  /** 1 if the office has a senior whom its workers ask; 1 while the senior is busy. */
  readonly hasSenior: Uint8Array;
  readonly seniorBusy: Uint8Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Cases and questions waiting. */
  readonly qLen: Int32Array;
  // Time integrals, brought up to date by touch(). Available staff time is the group's
  // capacity integral (every office of a group has the same servers) plus the office's overtime.
  readonly busyArea: Float64Array;
  readonly qArea: Float64Array;
  readonly overtimeArea: Float64Array;
  private readonly lastTouch: Float64Array;
  /** Jobs taken into service. */
  readonly served: Float64Array;
  /** Tier and group of each office (the hotline's tier is −1). */
  readonly tier: Int32Array;
  readonly group: Int32Array;
  /** Per group: servers of each of its offices now, their integral over time, and when it was last brought up to date. */
  private readonly groupCap: Int32Array;
  private readonly groupCapArea: Float64Array;
  private readonly groupLast: Float64Array;

  constructor(
    tierOfOffice: Int32Array,
    groupOfOffice: Int32Array,
    groups: number,
    private readonly jobs: JobTable,
  ) {
    const n = tierOfOffice.length;
    this.tier = tierOfOffice;
    this.group = groupOfOffice;
    this.groupCap = new Int32Array(groups);
    this.groupCapArea = new Float64Array(groups);
    this.groupLast = new Float64Array(groups);
    this.busy = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.open = new Uint8Array(n);
    this.hasSenior = new Uint8Array(n);
    this.seniorBusy = new Uint8Array(n);
    this.head = new Int32Array(n * QUEUES).fill(-1);
    this.tail = new Int32Array(n * QUEUES).fill(-1);
    this.qLen = new Int32Array(n);
    this.busyArea = new Float64Array(n);
    this.qArea = new Float64Array(n);
    this.overtimeArea = new Float64Array(n);
    this.lastTouch = new Float64Array(n);
    this.served = new Float64Array(n);
  }

  get count(): number {
    return this.busy.length;
  }

  /** Bring office o's time integrals up to `now` (before its work, queue or servers change). */
  touch(o: number, now: number): void {
    const dt = now - this.lastTouch[o];
    if (dt > 0) {
      const b = this.busy[o];
      const c = this.cap[o];
      this.busyArea[o] += b * dt;
      // Staff finishing a case after hours are present: overtime counts as available time.
      if (b > c) this.overtimeArea[o] += (b - c) * dt;
      this.qArea[o] += this.qLen[o] * dt;
      this.lastTouch[o] = now;
    }
  }

  /**
   * Set the servers of offices first … first + count − 1 (one group) and whether they are
   * open. Only offices whose overtime the change affects are brought up to date; the caller
   * then starts waiting work where there is some (queued()).
   */
  setGroupCapacity(g: number, first: number, count: number, open: boolean, servers: number, now: number): void {
    const old = this.groupCap[g];
    this.groupCapArea[g] += old * (now - this.groupLast[g]);
    this.groupLast[g] = now;
    this.groupCap[g] = servers;
    const o1 = open ? 1 : 0;
    for (let o = first; o < first + count; o++) {
      if (this.busy[o] > old || this.busy[o] > servers) this.touch(o, now);
      this.cap[o] = servers;
      this.open[o] = o1;
    }
  }

  /** Busy staff-minutes of office o up to now (read-only: looking never changes a run). */
  busyAreaNow(o: number, now: number): number {
    return this.busyArea[o] + this.busy[o] * (now - this.lastTouch[o]);
  }
  /** Available staff-minutes of office o up to now (overtime included). */
  capAreaNow(o: number, now: number): number {
    const g = this.group[o];
    return this.groupCapArea[g] + this.groupCap[g] * (now - this.groupLast[g]) + this.overtimeAreaNow(o, now);
  }
  queueAreaNow(o: number, now: number): number {
    return this.qArea[o] + this.qLen[o] * (now - this.lastTouch[o]);
  }
  overtimeAreaNow(o: number, now: number): number {
    return this.overtimeArea[o] + Math.max(0, this.busy[o] - this.cap[o]) * (now - this.lastTouch[o]);
  }

  /** Whether a junior (any worker, in an office without a senior) is free. */
  juniorFree(o: number): boolean {
    return this.hasSenior[o] ? this.cap[o] - 1 - (this.busy[o] - this.seniorBusy[o]) > 0 : this.busy[o] < this.cap[o];
  }

  /** Whether the senior is present (the office open, someone on duty) and free. */
  seniorFree(o: number): boolean {
    return this.hasSenior[o] === 1 && this.seniorBusy[o] === 0 && this.open[o] === 1 && this.cap[o] >= 1 && this.busy[o] < this.cap[o];
  }

  /**
   * Whether job j can start at office o at once: nothing waits there and someone who may take
   * it is free (the senior for a question; a junior or the senior for a case; other work only
   * while the office is open).
   */
  takesAtOnce(j: number, o: number, question: boolean): boolean {
    if (this.qLen[o] !== 0 || this.busy[o] >= this.cap[o]) return false;
    if (question) return this.seniorFree(o);
    if (!this.jobs.field[j] && !this.open[o]) return false;
    return this.hasSenior[o] === 0 || this.juniorFree(o) || this.seniorFree(o);
  }

  /** Whether office o has a question waiting. */
  hasQuestion(o: number): boolean {
    return this.head[o * QUEUES + Q_ASK] >= 0;
  }

  /** Put job j at the back of queue q of office o. */
  push(j: number, o: number, q: number): void {
    const jobs = this.jobs;
    const k = o * QUEUES + q;
    jobs.next[j] = -1;
    jobs.prev[j] = this.tail[k];
    jobs.queue[j] = q;
    if (this.tail[k] < 0) this.head[k] = j;
    else jobs.next[this.tail[k]] = j;
    this.tail[k] = j;
    this.qLen[o]++;
  }

  /** Put job j at the front of queue q of office o (an answered question goes back first). */
  pushFront(j: number, o: number, q: number): void {
    const jobs = this.jobs;
    const k = o * QUEUES + q;
    jobs.prev[j] = -1;
    jobs.next[j] = this.head[k];
    jobs.queue[j] = q;
    if (this.head[k] < 0) this.tail[k] = j;
    else jobs.prev[this.head[k]] = j;
    this.head[k] = j;
    this.qLen[o]++;
  }

  /** Take job j out of the queue it waits in at office o (the caller touches the office first). */
  remove(j: number, o: number): void {
    const jobs = this.jobs;
    const k = o * QUEUES + jobs.queue[j];
    const p = jobs.prev[j];
    const n = jobs.next[j];
    if (p >= 0) jobs.next[p] = n;
    else this.head[k] = n;
    if (n >= 0) jobs.prev[n] = p;
    else this.tail[k] = p;
    jobs.queue[j] = -1;
    this.qLen[o]--;
  }

  /** Whether job j waits in a queue. */
  queued(j: number): boolean {
    return this.jobs.queue[j] >= 0;
  }

  /**
   * The next job office o can start now, or −1: a question if the senior is free, else a case
   * (field first; other work only while open) if a worker is free. Not taken off its queue.
   */
  next(o: number): number {
    if (this.busy[o] >= this.cap[o]) return -1;
    if (this.seniorFree(o)) {
      const a = this.head[o * QUEUES + Q_ASK];
      if (a >= 0) return a;
    }
    if (!this.juniorFree(o) && !this.seniorFree(o)) return -1;
    const f = this.head[o * QUEUES + Q_FIELD];
    if (f >= 0) return f;
    return this.open[o] ? this.head[o * QUEUES + Q_OTHER] : -1;
  }
}
