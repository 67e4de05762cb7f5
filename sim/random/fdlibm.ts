/**
 * Natural logarithm and exponential in portable JavaScript, ported from FreeBSD msun
 * (fdlibm e_log.c and e_exp.c). JavaScript engines' Math.log and Math.exp are not the same
 * to the last bit across versions (Node 20 and current Chrome disagree), and every random
 * draw goes through them, so the engine uses these to give the same run everywhere.
 * stdlib's ln/exp are the same algorithms and serve as the test oracle; these inline the
 * word access and run about five times faster.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Every platform this runs on is little-endian: word 1 is the high word.
const HI = 1;

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/** 2^(n - POW2_BIAS) for n in 0 … 2 × POW2_BIAS, all exact. */
const POW2_BIAS = 1100;
const POW2 = (() => {
  const t = new Float64Array(2 * POW2_BIAS + 1);
  t[POW2_BIAS] = 1;
  for (let n = 1; n <= POW2_BIAS; n++) {
    t[POW2_BIAS + n] = t[POW2_BIAS + n - 1] * 2;
    t[POW2_BIAS - n] = t[POW2_BIAS - n + 1] / 2;
  }
  return t;
})();

/**
 * ln(x), fdlibm __ieee754_log. The normalisation multiplies by an exact power of two
 * instead of rewriting the high word, which avoids a store-forwarding stall.
 */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // subnormal: scale up
    k = -54;
    x *= TWO54;
  }
  f64[0] = x;
  const word = u32[HI] | 0;
  const e = (word >> 20) - 1023;
  const hx = word & 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  const kk = e + (i >> 20); // x = m · 2^kk with m in [√2/2, √2)
  k += kk;
  const f = x * POW2[POW2_BIAS - kk] - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  let ii = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  ii |= j;
  const R = t2 + t1;
  if (ii > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const TWOM1000 = 9.3326361850321887899e-302;

/** e^x, fdlibm __ieee754_exp. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > O_THRESHOLD) return Infinity;
  if (x < U_THRESHOLD) return 0;
  f64[0] = x;
  const word = u32[HI];
  const hx = word & 0x7fffffff;
  const xsb = word >>> 31;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2
      hi = x - (xsb === 0 ? LN2_HI : -LN2_HI);
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  // Scale by 2^k with an exact multiplication (as adding k to the exponent does).
  if (k >= -1021) return y * POW2[POW2_BIAS + k];
  return y * POW2[POW2_BIAS + k + 1000] * TWOM1000;
}
