/**
 * The event queue: a binary min-heap of (time, code) pairs kept in typed arrays, so no
 * object is allocated per event. Codes are integers the engine packs (kind | id << 4).
 * Events at exactly equal times leave in the order they were pushed (each carries a sequence
 * number), so the order of two events never depends on a third — a run gives the same result
 * whether or not it takes snapshots, and is deterministic.
 */
export class EventHeap {
  private times: Float64Array;
  private codes: Int32Array;
  private seqs: Float64Array;
  private next = 0;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
  }

  push(time: number, code: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    const seqs = this.seqs;
    const seq = this.next++;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      codes[i] = codes[p];
      seqs[i] = seqs[p];
      i = p;
    }
    times[i] = time;
    codes[i] = code;
    seqs[i] = seq;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  /** Remove the earliest event and return its code (its time is peekTime() before the call). */
  pop(): number {
    const times = this.times;
    const codes = this.codes;
    const seqs = this.seqs;
    const top = codes[0];
    const n = --this.size;
    if (n > 0) {
      const t = times[n];
      const c = codes[n];
      const q = seqs[n];
      let i = 0;
      for (;;) {
        let l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        if (r < n && (times[r] < times[l] || (times[r] === times[l] && seqs[r] < seqs[l]))) l = r;
        if (times[l] > t || (times[l] === t && seqs[l] > q)) break;
        times[i] = times[l];
        codes[i] = codes[l];
        seqs[i] = seqs[l];
        i = l;
      }
      times[i] = t;
      codes[i] = c;
      seqs[i] = q;
    }
    return top;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    const c = new Int32Array(n);
    c.set(this.codes);
    const q = new Float64Array(n);
    q.set(this.seqs);
    this.times = t;
    this.codes = c;
    this.seqs = q;
  }
}
