/**
 * Dense symmetric positive-definite algebra on row-major Float64Arrays: Cholesky
 * factorisation, triangular solves, the inverse from the factor and the log-determinant.
 * These are the kernels of the Gaussian-process likelihood, which needs the full inverse
 * at each gradient step; the tests check them against ml-matrix.
 */

/** A square matrix of order n, row-major. */
export interface Square {
  n: number;
  a: Float64Array;
}

export function square(n: number): Square {
  return { n, a: new Float64Array(n * n) };
}

/**
 * Lower Cholesky factor L of a symmetric positive-definite matrix (only its lower triangle
 * is read), so that A = L Lᵀ; the upper triangle of the result is zero. Null when A is not
 * numerically positive definite.
 */
export function cholesky(m: Square): Square | null {
  const { n, a } = m;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= l[rj + k] * l[rj + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      l[ri + j] = s / ljj;
    }
  }
  return { n, a: l };
}

/** Solves L x = b (L lower triangular). */
export function solveLower(l: Square, b: ArrayLike<number>): Float64Array {
  const { n, a } = l;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= a[ri + k] * x[k];
    x[i] = s / a[ri + i];
  }
  return x;
}

/** Solves Lᵀ x = b (L lower triangular). */
export function solveUpper(l: Square, b: ArrayLike<number>): Float64Array {
  const { n, a } = l;
  const x = Float64Array.from(b);
  for (let i = n - 1; i >= 0; i--) {
    x[i] /= a[i * n + i];
    const xi = x[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) x[k] -= a[ri + k] * xi;
  }
  return x;
}

/** Solves A x = b given the Cholesky factor L of A. */
export function cholSolve(l: Square, b: ArrayLike<number>): Float64Array {
  return solveUpper(l, solveLower(l, b));
}

/** log det A from its Cholesky factor. */
export function logDet(l: Square): number {
  let s = 0;
  for (let i = 0; i < l.n; i++) s += Math.log(l.a[i * l.n + i]);
  return 2 * s;
}

/** A⁻¹ from the Cholesky factor of A: A⁻¹ = L⁻ᵀ L⁻¹ (symmetric, full). */
export function inverseFromCholesky(l: Square): Square {
  const { n, a } = l;
  // Row j of t is column j of L⁻¹ (zero before j), by forward substitution on e_j.
  const t = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    t[rj + j] = 1 / a[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= a[ri + k] * t[rj + k];
      t[rj + i] = s / a[ri + i];
    }
  }
  // (A⁻¹)_ij = Σ_k (L⁻¹)_ki (L⁻¹)_kj = Σ_{k ≥ max(i, j)} t_ik t_jk.
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = i; k < n; k++) s += t[ri + k] * t[rj + k];
      out[ri + j] = out[rj + i] = s;
    }
  }
  return { n, a: out };
}

/** Solves a small symmetric positive-definite system given as nested arrays (throws if singular). */
export function solveSpd(rows: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = rows.length;
  const m = square(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.a[i * n + j] = rows[i][j];
  const l = cholesky(m);
  if (!l) throw new RangeError('solveSpd: the matrix is not positive definite');
  return Array.from(cholSolve(l, b));
}
