import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { cholesky, cholSolve, inverseFromCholesky, logDet, solveSpd, square } from './linalg.ts';
import { seeded } from './random.ts';

function spd(n: number, seed: number) {
  const r = seeded(seed);
  const b = Array.from({ length: n }, () => Array.from({ length: n }, () => r() - 0.5));
  const m = square(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) m.a[i * n + j] = b[i].reduce((s, v, k) => s + v * b[j][k], 0) + (i === j ? 0.1 : 0);
  return m;
}
const rows = (m: { n: number; a: Float64Array }) => Array.from({ length: m.n }, (_, i) => Array.from(m.a.subarray(i * m.n, (i + 1) * m.n)));

describe('dense SPD algebra, checked against ml-matrix', () => {
  it('factor, inverse, solve and log-determinant agree', () => {
    const m = spd(40, 1);
    const l = cholesky(m)!;
    const ref = new CholeskyDecomposition(new Matrix(rows(m)));
    const refL = ref.lowerTriangularMatrix.to2DArray();
    rows(l).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(refL[i][j], 10)));
    const refInv = inverse(new Matrix(rows(m))).to2DArray();
    rows(inverseFromCholesky(l)).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(refInv[i][j], 8)));
    const b = Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const x = cholSolve(l, b);
    const refX = ref.solve(Matrix.columnVector(b)).to1DArray();
    x.forEach((v, i) => expect(v).toBeCloseTo(refX[i], 8));
    const refLogDet = 2 * refL.reduce((s, row, i) => s + Math.log(row[i]), 0);
    expect(logDet(l)).toBeCloseTo(refLogDet, 10);
  });

  it('reports a matrix that is not positive definite', () => {
    const m = square(2);
    m.a.set([1, 2, 2, 1]);
    expect(cholesky(m)).toBeNull();
    expect(() =>
      solveSpd(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    ).toThrow(RangeError);
    expect(
      solveSpd(
        [
          [4, 2],
          [2, 3],
        ],
        [2, 1],
      ),
    ).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0, 12)]);
  });
});
