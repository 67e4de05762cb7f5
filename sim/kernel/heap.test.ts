import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap.ts';
import { stream } from '../random/rng.ts';

describe('EventHeap', () => {
  it('pops events in time order, whatever the insertion order', () => {
    const h = new EventHeap(4);
    const r = stream(1, 'test');
    const times = Array.from({ length: 5000 }, () => Math.floor(r() * 1000));
    times.forEach((t, i) => h.push(t, i));
    const out: number[] = [];
    while (h.size > 0) {
      const t = h.peekTime();
      const code = h.pop();
      expect(times[code]).toBe(t);
      out.push(t);
    }
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('orders equal times the same way every time', () => {
    const order = () => {
      const h = new EventHeap();
      for (let i = 0; i < 100; i++) h.push(i % 3, i);
      const codes: number[] = [];
      while (h.size > 0) codes.push(h.pop());
      return codes;
    };
    expect(order()).toEqual(order());
  });

  it('reports Infinity when empty', () => {
    expect(new EventHeap().peekTime()).toBe(Infinity);
  });
});
