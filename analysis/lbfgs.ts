/**
 * Limited-memory BFGS (Nocedal & Wright 2006, "Numerical Optimization", algorithm 7.4)
 * with a backtracking line search on the Armijo condition, for smooth unconstrained
 * problems of a few dozen variables (the emulator's hyperparameters). Bounds are the
 * caller's business: reparameterise (the emulator maps each parameter through a logistic
 * onto its range).
 */

/** Value and gradient at x. */
export type ValueAndGradient = (x: readonly number[]) => { value: number; gradient: number[] };

export interface LbfgsOptions {
  maxIterations?: number;
  /** Stop when the gradient's largest component is below this (default 1e-5). */
  gradientTolerance?: number;
  /** Stop when the relative decrease of the value in an iteration is below this (default 1e-9). */
  valueTolerance?: number;
  /** Corrections kept (default 8). */
  memory?: number;
}

export interface LbfgsResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

export function lbfgs(f: ValueAndGradient, x0: readonly number[], options: LbfgsOptions = {}): LbfgsResult {
  const maxIt = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-5;
  const fTol = options.valueTolerance ?? 1e-9;
  const memory = options.memory ?? 8;
  let x = x0.slice();
  let { value, gradient: g } = f(x);
  let evaluations = 1;
  const ss: number[][] = [];
  const ys: number[][] = [];
  for (let it = 0; it < maxIt; it++) {
    if (Math.max(...g.map(Math.abs)) < gTol) return { x, value, iterations: it, evaluations, converged: true };
    // Two-loop recursion: d = −H g.
    const q = g.slice();
    const alphas: number[] = [];
    for (let i = ss.length - 1; i >= 0; i--) {
      const a = dot(ss[i], q) / dot(ys[i], ss[i]);
      alphas[i] = a;
      for (let j = 0; j < q.length; j++) q[j] -= a * ys[i][j];
    }
    const last = ss.length - 1;
    const gamma = last >= 0 ? dot(ss[last], ys[last]) / dot(ys[last], ys[last]) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < q.length; j++) q[j] *= gamma;
    for (let i = 0; i < ss.length; i++) {
      const b = dot(ys[i], q) / dot(ys[i], ss[i]);
      for (let j = 0; j < q.length; j++) q[j] += ss[i][j] * (alphas[i] - b);
    }
    let d = q.map((v) => -v);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      ss.length = ys.length = 0;
      d = g.map((v) => -v / Math.max(1, Math.sqrt(dot(g, g))));
      slope = dot(g, d);
    }
    let step = 1;
    let next: { value: number; gradient: number[] } | null = null;
    let xn = x;
    for (let ls = 0; ls < 30; ls++) {
      xn = x.map((v, j) => v + step * d[j]);
      const r = f(xn);
      evaluations++;
      if (Number.isFinite(r.value) && r.value <= value + 1e-4 * step * slope) {
        next = r;
        break;
      }
      step *= 0.5;
    }
    if (!next) return { x, value, iterations: it, evaluations, converged: false };
    const s = xn.map((v, j) => v - x[j]);
    const y = next.gradient.map((v, j) => v - g[j]);
    if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      ss.push(s);
      ys.push(y);
      if (ss.length > memory) (ss.shift(), ys.shift());
    }
    const decrease = value - next.value;
    x = xn;
    value = next.value;
    g = next.gradient;
    if (decrease <= fTol * Math.max(1, Math.abs(value))) return { x, value, iterations: it + 1, evaluations, converged: true };
  }
  return { x, value, iterations: maxIt, evaluations, converged: false };
}
