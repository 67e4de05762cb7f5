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

  it('lets events at equal times leave in the order they were pushed, whatever else is in the heap', () => {
    const h = new EventHeap(2);
    const r = stream(2, 'ties');
    const codes: number[] = [];
    for (let i = 0; i < 2000; i++) h.push(Math.floor(r() * 20), i);
    let last = -1;
    let lastCode = -1;
    while (h.size > 0) {
      const t = h.peekTime();
      const c = h.pop();
      if (t === last) expect(c).toBeGreaterThan(lastCode);
      last = t;
      lastCode = c;
      codes.push(c);
    }
    expect(codes.length).toBe(2000);
  });

  it('reports Infinity when empty', () => {
    expect(new EventHeap().peekTime()).toBe(Infinity);
  });
});
