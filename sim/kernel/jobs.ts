/**
 * The job table: every case, every department part of a collaborative case and every repeat
 * contact is a row of typed arrays, reused through a free list, so no object is allocated per
 * case. Rows are numbered j; queues are linked lists through `next`.
 */

import { BudgetError } from '../../scenarios/guard.ts';

/** What the metrics read of every job, by row. */
export interface JobArrays {
  created: Float64Array;
  accepted: Float64Array;
  onsite: Float64Array;
  deadline: Float64Array;
  type: Uint8Array;
  field: Uint8Array;
  channel: Uint8Array;
  hops: Uint16Array;
  bounces: Uint16Array;
}

/** A problem not yet discovered or raised: not a case. */
export const F_LATENT = 1;
/** Travelling back to its sender after a return. */
export const F_RETURNING = 2;
/** Returned on the way or redone: the resident noticed. */
export const F_BOUNCED = 4;
/** A repeat contact (failure demand): work for the hotline, not a case. */
export const F_CONTACT = 8;
/** Followed by the tracer (sim/observe/trace.ts). */
export const F_TRACED = 16;
/** The office's senior answered how to resolve it: the next worker solves it without asking. */
export const F_ANSWERED = 32;
/** Done in a hurry (sim/kernel/flow.ts): it may come back. */
export const F_HURRIED = 64;
/** Examined by a worker who did not know how to resolve it: they ask next. */
export const F_ASK = 128;

/** What the service at a job's current office does. */
export const ST_SOLVE = 0;
export const ST_EXAMINE = 1;
export const ST_HOTLINE = 2;
export const ST_TRIAGE = 3;
export const ST_PART = 4;
export const ST_COORD = 5;
export const ST_CONTACT = 6;
/** The office's senior answers a question about the case (Garicano's h). */
export const ST_ASK = 7;

export class JobTable implements JobArrays {
  /** Rows allocated, rows ever used, and the head of the free list. */
  capacity = 0;
  used = 0;
  private freeHead = -1;

  /** Minutes: when the case was created (reported or found), accepted, reached on site; its deadline. */
  created!: Float64Array;
  accepted!: Float64Array;
  onsite!: Float64Array;
  deadline!: Float64Array;
  /** Difficulty (Garicano's z). */
  z!: Float64Array;
  resident!: Int32Array;
  /** The office the job is at (or travelling to). */
  office!: Int32Array;
  /** Next and previous job in the same queue (next: also in the free list); the queue class it waits in, −1 if none. */
  next!: Int32Array;
  prev!: Int32Array;
  queue!: Int8Array;
  /** 1 while the office's senior works on it. */
  worker!: Uint8Array;
  /** Minutes: when a question about it stops waiting (the asker passes it up). */
  askUntil!: Float64Array;
  /** For a department part, the case it belongs to; −1 otherwise. */
  parent!: Int32Array;
  /** For a split case, parts not yet done. */
  pending!: Int32Array;
  /** The office that sent it on its last hand-off. */
  from!: Int32Array;
  /** Bit mask of the domains the case needs. */
  domains!: Int32Array;
  type!: Uint8Array;
  field!: Uint8Array;
  channel!: Uint8Array;
  stage!: Uint8Array;
  flags!: Uint8Array;
  hops!: Uint16Array;
  bounces!: Uint16Array;
  /** The delay, return and loss chances of the hand-off under way. */
  delay!: Float64Array;
  returnProb!: Float32Array;
  lostProb!: Float32Array;
  /** Share of the case's information still intact after its hand-offs (control loss). */
  info!: Float32Array;
  live!: Uint8Array;

  /**
   * `maxBytes`: the most the table may hold; growing past it throws a BudgetError (a backlog
   * that grows without end, rather than the process running out of memory).
   */
  constructor(
    rows: number,
    private readonly maxBytes = Infinity,
  ) {
    this.grow(rows);
  }

  private grow(n: number): void {
    const f64 = (a: Float64Array | undefined) => copy(new Float64Array(n), a);
    const f32 = (a: Float32Array | undefined) => copy(new Float32Array(n), a);
    const i32 = (a: Int32Array | undefined) => copy(new Int32Array(n), a);
    const u8 = (a: Uint8Array | undefined) => copy(new Uint8Array(n), a);
    const u16 = (a: Uint16Array | undefined) => copy(new Uint16Array(n), a);
    const i8 = (a: Int8Array | undefined) => copy(new Int8Array(n).fill(-1), a);
    this.created = f64(this.created);
    this.accepted = f64(this.accepted);
    this.onsite = f64(this.onsite);
    this.z = f64(this.z);
    this.deadline = f64(this.deadline);
    this.resident = i32(this.resident);
    this.office = i32(this.office);
    this.next = i32(this.next);
    this.prev = i32(this.prev);
    this.queue = i8(this.queue);
    this.worker = u8(this.worker);
    this.askUntil = f64(this.askUntil);
    this.parent = i32(this.parent);
    this.pending = i32(this.pending);
    this.from = i32(this.from);
    this.domains = i32(this.domains);
    this.type = u8(this.type);
    this.field = u8(this.field);
    this.channel = u8(this.channel);
    this.stage = u8(this.stage);
    this.flags = u8(this.flags);
    this.hops = u16(this.hops);
    this.bounces = u16(this.bounces);
    this.delay = f64(this.delay);
    this.returnProb = f32(this.returnProb);
    this.lostProb = f32(this.lostProb);
    this.info = f32(this.info);
    this.live = u8(this.live);
    this.capacity = n;
  }

  alloc(): number {
    let j = this.freeHead;
    if (j >= 0) {
      this.freeHead = this.next[j];
    } else {
      if (this.used === this.capacity) {
        if (this.bytes() * 2 > this.maxBytes)
          throw new BudgetError(
            `the run holds ${this.used.toLocaleString('en')} cases, parts and contacts at once (${Math.round(this.bytes() / 2 ** 20)} MB), and would pass its memory budget of ${Math.round(this.maxBytes / 2 ** 20)} MB: a backlog that grows without end; pass allowLarge to run it anyway`,
          );
        this.grow(this.capacity * 2);
      }
      j = this.used++;
    }
    this.parent[j] = -1;
    this.live[j] = 1;
    this.queue[j] = -1;
    this.worker[j] = 0;
    return j;
  }

  free(j: number): void {
    this.live[j] = 0;
    this.next[j] = this.freeHead;
    this.freeHead = j;
  }

  /** The case a job stands for: itself, or the case a department part belongs to. */
  root(j: number): number {
    return this.parent[j] >= 0 ? this.parent[j] : j;
  }

  /** Bytes held by the table's arrays. */
  bytes(): number {
    let b = 0;
    for (const v of Object.values(this)) if (ArrayBuffer.isView(v)) b += v.byteLength;
    return b;
  }

  /** Calls fn for every live case (not parts, not latent problems, not repeat contacts). */
  forEachOpenCase(fn: (j: number) => void): void {
    for (let j = 0; j < this.used; j++) {
      if (this.live[j] && this.parent[j] < 0 && !(this.flags[j] & (F_LATENT | F_CONTACT))) fn(j);
    }
  }
}

function copy<T extends Float64Array | Float32Array | Int32Array | Uint8Array | Uint16Array | Int8Array>(to: T, from: T | undefined): T {
  if (from) to.set(from as never);
  return to;
}
