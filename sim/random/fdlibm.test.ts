import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLn from '@stdlib/math-base-special-ln';
import { describe, expect, it } from 'vitest';
import { exp, ln } from './fdlibm.ts';
import { stream } from './rng.ts';

describe('portable ln and exp', () => {
  const r = stream(1, 'fdlibm-test');
  const xs = [
    ...Array.from({ length: 200_000 }, () => r()),
    ...Array.from({ length: 50_000 }, () => r() * 1e6),
    ...Array.from({ length: 50_000 }, () => r() * 1e-300),
    1,
    2,
    0.5,
    Math.E,
    1 + 2 ** -30,
    1 - 2 ** -30,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    5e-324,
  ];
  it('ln equals the fdlibm reference bit for bit', () => {
    for (const x of xs) if (ln(x) !== stdlibLn(x)) expect([x, ln(x)]).toEqual([x, stdlibLn(x)]);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(Infinity)).toBe(Infinity);
  });
  it('exp equals the fdlibm reference bit for bit', () => {
    const ys = [
      ...xs.map((x) => (x - 0.5) * 40),
      ...Array.from({ length: 50_000 }, () => (r() - 0.5) * 1400),
      0,
      -0,
      1e-30,
      709,
      -700,
      0.3465,
      -0.3465,
      1.0397,
      -1.0397,
    ];
    for (const y of ys) if (exp(y) !== stdlibExp(y)) expect([y, exp(y)]).toEqual([y, stdlibExp(y)]);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
  });
});
