import { quantile } from 'simple-statistics';
import type { Percentiles } from './types.ts';

/** A growable array of doubles. */
export class Samples {
  data = new Float64Array(1024);
  n = 0;
  push(x: number) {
    if (this.n === this.data.length) {
      const d = new Float64Array(this.n * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = x;
  }
  /** Mean and percentiles by quickselect on a copy (linear time). */
  percentiles(): Percentiles {
    if (this.n === 0) return { mean: NaN, p50: NaN, p90: NaN, p99: NaN };
    const s = this.data.subarray(0, this.n);
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += s[i];
    // Quickselect (linear time) rather than a full sort, on a copy quantile makes of the typed
    // array (an array of numbers copied from it costs about ten times as much).
    const [p50, p90, p99] = quantile(s as unknown as number[], [0.5, 0.9, 0.99]);
    return { mean: sum / this.n, p50, p90, p99 };
  }
}
