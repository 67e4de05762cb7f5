/**
 * Scenario discovery by PRIM, the patient rule induction method (Friedman & Fisher 1999,
 * "Bump hunting in high-dimensional data", Statistics and Computing 9), as the EMA
 * Workbench implements it for scenario discovery (Bryant & Lempert 2010, "Thinking inside
 * the box", Technological Forecasting & Social Change 77; Kwakkel 2017, EMA Workbench):
 *
 * - peeling: from the box holding all runs, repeatedly remove the slice that most improves
 *   the objective — for a numeric input the runs below its peelAlpha quantile or above its
 *   1 − peelAlpha quantile within the box, for a categorical input one category — while the
 *   box keeps at least massMin of the runs. Each step is recorded (coverage, density,
 *   mass), the peeling trajectory, whose coverage can only fall;
 * - the objective is EMA's default 'lenient1', the gain in density per run removed, or
 *   Friedman & Fisher's 'original', the density of the new box;
 * - selection: the step with the highest coverage whose density reaches a threshold (or a
 *   step chosen by the caller);
 * - pasting: the selected box is widened, a pasteAlpha slice at a time, while that raises
 *   its density;
 * - quasi-p-values per restriction (Bryant & Lempert 2010): a one-sided binomial test of the
 *   box's cases of interest against the density of the box without that restriction;
 * - covering: further boxes are sought among the runs outside the earlier ones.
 *
 * Coverage is the share of all cases of interest inside the box, density the share of the
 * box's runs that are cases of interest, mass the share of all runs inside the box.
 * Stability under resampling is in prim-stability.ts.
 */

/** One input column: numeric, or categorical (strings). */
export type PrimColumn = { name: string; values: readonly number[] } | { name: string; categories: readonly string[] };

export interface PrimOptions {
  /** Share peeled at each step (default 0.05). */
  peelAlpha?: number;
  /** Share pasted at each step (default 0.05). */
  pasteAlpha?: number;
  /** Smallest mass of a box (default 0.05). */
  massMin?: number;
  /** Density a box must reach to be selected (default 0.8). */
  threshold?: number;
  /** Peeling objective (default 'lenient1'). */
  objective?: 'lenient1' | 'original';
  /** Boxes sought by covering (default 1). */
  maxBoxes?: number;
  /** Select this step of the (first) trajectory instead of using the threshold. */
  step?: number;
}

/** A restriction on one input: a range (either side may be open) or a set of categories. */
export type Limit = { name: string; lo?: number; hi?: number } | { name: string; categories: string[] };

export interface PrimStep {
  coverage: number;
  density: number;
  mass: number;
  /** Runs in the box, and cases of interest among them. */
  n: number;
  k: number;
  /** The restricted inputs and their limits. */
  limits: Limit[];
}

export interface Restriction {
  limit: Limit;
  /** Quasi-p-value of the restriction. */
  qp: number;
  /** Density of the box without this restriction. */
  densityWithout: number;
}

export interface PrimBox {
  trajectory: PrimStep[];
  /** Index of the selected step in the trajectory. */
  selected: number;
  /** The selected step after pasting. */
  box: PrimStep;
  restrictions: Restriction[];
  /** The box as text, e.g. "demand ≥ 0.82 and levels ∈ {2, 3}". */
  description: string;
}

export interface PrimResult {
  boxes: PrimBox[];
  runs: number;
  casesOfInterest: number;
  options: Required<Omit<PrimOptions, 'step'>>;
}

/** Internal box: numeric [lo, hi] per numeric column, an allowed set per categorical column. */
interface Lims {
  lo: number[];
  hi: number[];
  cats: (Set<string> | null)[];
}

interface Data {
  cols: PrimColumn[];
  y: readonly boolean[];
  initial: Lims;
  totalK: number;
}

const isCat = (c: PrimColumn): c is { name: string; categories: readonly string[] } => 'categories' in c;
const copyLims = (l: Lims): Lims => ({ lo: l.lo.slice(), hi: l.hi.slice(), cats: l.cats.map((s) => (s ? new Set(s) : null)) });

function inBox(d: Data, l: Lims, row: number, skip = -1): boolean {
  for (let j = 0; j < d.cols.length; j++) {
    if (j === skip) continue;
    const c = d.cols[j];
    if (isCat(c)) {
      if (!l.cats[j]!.has(c.categories[row])) return false;
    } else if (c.values[row] < l.lo[j] || c.values[row] > l.hi[j]) return false;
  }
  return true;
}

/** EMA Workbench's quantile (after sdtoolkit): midway between order statistics, stepping past ties. */
export function primQuantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  let lo = Math.floor(h);
  let hi = Math.ceil(h);
  if (q > 0.5) while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  else while (sorted[lo] === sorted[hi] && hi < sorted.length - 1) hi++;
  return (sorted[lo] + sorted[hi]) / 2;
}

function limitsOf(d: Data, l: Lims): Limit[] {
  const out: Limit[] = [];
  d.cols.forEach((c, j) => {
    if (isCat(c)) {
      if (l.cats[j]!.size < d.initial.cats[j]!.size) out.push({ name: c.name, categories: [...l.cats[j]!].sort() });
    } else if (l.lo[j] > d.initial.lo[j] || l.hi[j] < d.initial.hi[j]) {
      const lim: { name: string; lo?: number; hi?: number } = { name: c.name };
      if (l.lo[j] > d.initial.lo[j]) lim.lo = l.lo[j];
      if (l.hi[j] < d.initial.hi[j]) lim.hi = l.hi[j];
      out.push(lim);
    }
  });
  return out;
}

function stepOf(d: Data, l: Lims, rows: readonly number[]): PrimStep & { rows: readonly number[]; lims: Lims } {
  const k = rows.reduce((s, r) => s + (d.y[r] ? 1 : 0), 0);
  return {
    coverage: d.totalK > 0 ? k / d.totalK : 0,
    density: rows.length > 0 ? k / rows.length : 0,
    mass: rows.length / d.y.length,
    n: rows.length,
    k,
    limits: limitsOf(d, l),
    rows,
    lims: copyLims(l),
  };
}

const densityOf = (d: Data, rows: readonly number[]) => (rows.length ? rows.reduce((s, r) => s + (d.y[r] ? 1 : 0), 0) / rows.length : 0);

function score(d: Data, objective: 'lenient1' | 'original', oldRows: readonly number[], newRows: readonly number[]): number {
  const mNew = densityOf(d, newRows);
  if (objective === 'original') return newRows.length ? mNew : -1;
  const change = Math.abs(oldRows.length - newRows.length);
  return change === 0 ? 0 : (mNew - densityOf(d, oldRows)) / change;
}

const restrictedCount = (d: Data, l: Lims) => limitsOf(d, l).length;

interface Candidate {
  rows: number[];
  lims: Lims;
  score: number;
  free: number;
}

function best(cands: Candidate[]): Candidate | null {
  let b: Candidate | null = null;
  for (const c of cands) if (!b || c.score > b.score || (c.score === b.score && c.free > b.free)) b = c;
  return b;
}

function peelCandidates(d: Data, l: Lims, rows: readonly number[], alpha: number, objective: 'lenient1' | 'original'): Candidate[] {
  const out: Candidate[] = [];
  const add = (lims: Lims, keep: number[]) => {
    if (keep.length < rows.length)
      out.push({ rows: keep, lims, score: score(d, objective, rows, keep), free: d.cols.length - restrictedCount(d, lims) });
  };
  d.cols.forEach((c, j) => {
    if (isCat(c)) {
      const cats = l.cats[j]!;
      if (cats.size < 2) return;
      for (const cat of cats) {
        const lims = copyLims(l);
        lims.cats[j]!.delete(cat);
        add(
          lims,
          rows.filter((r) => c.categories[r] !== cat),
        );
      }
      return;
    }
    const xs = rows.map((r) => c.values[r]).sort((a, b) => a - b);
    if (xs.length < 2) return;
    const lo = primQuantile(xs, alpha);
    const hi = primQuantile(xs, 1 - alpha);
    const lower = copyLims(l);
    lower.lo[j] = lo;
    add(
      lower,
      rows.filter((r) => c.values[r] >= lo),
    );
    const upper = copyLims(l);
    upper.hi[j] = hi;
    add(
      upper,
      rows.filter((r) => c.values[r] <= hi),
    );
  });
  return out;
}

function pasteCandidates(
  d: Data,
  l: Lims,
  rows: readonly number[],
  remaining: readonly number[],
  alpha: number,
  objective: 'lenient1' | 'original',
) {
  const out: Candidate[] = [];
  const add = (lims: Lims) => {
    const keep = remaining.filter((r) => inBox(d, lims, r));
    if (keep.length > rows.length)
      out.push({ rows: keep, lims, score: score(d, objective, rows, keep), free: d.cols.length - restrictedCount(d, lims) });
  };
  d.cols.forEach((c, j) => {
    if (isCat(c)) {
      for (const cat of d.initial.cats[j]!)
        if (!l.cats[j]!.has(cat)) {
          const lims = copyLims(l);
          lims.cats[j]!.add(cat);
          add(lims);
        }
      return;
    }
    // Runs just outside one side of the box, inside it on every other input.
    const outside = remaining.filter((r) => inBox(d, l, r, j));
    if (l.lo[j] > d.initial.lo[j]) {
      const below = outside.map((r) => c.values[r]).filter((v) => v < l.lo[j]);
      const lims = copyLims(l);
      lims.lo[j] =
        below.length > 1
          ? primQuantile(
              below.sort((a, b) => a - b),
              1 - alpha,
            )
          : d.initial.lo[j];
      add(lims);
    }
    if (l.hi[j] < d.initial.hi[j]) {
      const above = outside.map((r) => c.values[r]).filter((v) => v > l.hi[j]);
      const lims = copyLims(l);
      lims.hi[j] =
        above.length > 1
          ? primQuantile(
              above.sort((a, b) => a - b),
              alpha,
            )
          : d.initial.hi[j];
      add(lims);
    }
  });
  return out;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logFact = [0];
  for (let i = 1; i <= n; i++) logFact.push(logFact[i - 1] + Math.log(i));
  let s = 0;
  for (let i = k; i <= n; i++) s += Math.exp(logFact[n] - logFact[i] - logFact[n - i] + i * Math.log(p) + (n - i) * Math.log1p(-p));
  return Math.min(1, s);
}

function describe(limits: readonly Limit[]): string {
  const f = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString());
  if (limits.length === 0) return 'every run';
  return limits
    .map((l) => {
      if ('categories' in l) return `${l.name} ∈ {${l.categories.join(', ')}}`;
      if (l.lo !== undefined && l.hi !== undefined) return `${f(l.lo)} ≤ ${l.name} ≤ ${f(l.hi)}`;
      return l.lo !== undefined ? `${l.name} ≥ ${f(l.lo)}` : `${l.name} ≤ ${f(l.hi!)}`;
    })
    .join(' and ');
}

function prepare(cols: readonly PrimColumn[], y: readonly boolean[]): Data {
  if (cols.length === 0) throw new RangeError('prim: no inputs');
  for (const c of cols) {
    const len = isCat(c) ? c.categories.length : c.values.length;
    if (len !== y.length) throw new RangeError(`prim: input ${c.name} has ${len} values for ${y.length} outcomes`);
    if (!isCat(c) && c.values.some((v) => !Number.isFinite(v)))
      throw new RangeError(`prim: input ${c.name} has a value that is not a finite number`);
  }
  const initial: Lims = {
    lo: cols.map((c) => (isCat(c) ? NaN : Math.min(...c.values))),
    hi: cols.map((c) => (isCat(c) ? NaN : Math.max(...c.values))),
    cats: cols.map((c) => (isCat(c) ? new Set(c.categories) : null)),
  };
  return { cols: cols.slice(), y, initial, totalK: y.filter(Boolean).length };
}

/** The peeling trajectory from the runs `rows` (internal steps keep their rows and limits). */
function peel(d: Data, rows: readonly number[], o: Required<Omit<PrimOptions, 'step'>>) {
  let lims = copyLims(d.initial);
  let cur = rows.slice();
  const steps = [stepOf(d, lims, cur)];
  for (;;) {
    const c = best(peelCandidates(d, lims, cur, o.peelAlpha, o.objective));
    if (!c || c.rows.length / d.y.length < o.massMin || !(c.score > 0)) break;
    lims = c.lims;
    cur = c.rows;
    steps.push(stepOf(d, lims, cur));
  }
  return steps;
}

export function defaults(options: PrimOptions): Required<Omit<PrimOptions, 'step'>> {
  return {
    peelAlpha: options.peelAlpha ?? 0.05,
    pasteAlpha: options.pasteAlpha ?? 0.05,
    massMin: options.massMin ?? 0.05,
    threshold: options.threshold ?? 0.8,
    objective: options.objective ?? 'lenient1',
    maxBoxes: options.maxBoxes ?? 1,
  };
}

/** The step with the highest coverage whose density reaches the threshold, else the densest. */
export function selectStep(trajectory: readonly PrimStep[], threshold: number): number {
  const i = trajectory.findIndex((s) => s.density >= threshold);
  if (i >= 0) return i;
  return trajectory.reduce((b, s, j) => (s.density > trajectory[b].density ? j : b), 0);
}

/** PRIM on the runs' inputs and a boolean outcome of interest (see the module comment). */
export function prim(inputs: readonly PrimColumn[], y: readonly boolean[], options: PrimOptions = {}): PrimResult {
  const d = prepare(inputs, y);
  const o = defaults(options);
  const boxes: PrimBox[] = [];
  let remaining = y.map((_, i) => i);
  for (let b = 0; b < o.maxBoxes && remaining.length > 0 && remaining.some((r) => y[r]); b++) {
    const steps = peel(d, remaining, o);
    const selected =
      b === 0 && options.step !== undefined ? Math.min(Math.max(0, options.step), steps.length - 1) : selectStep(steps, o.threshold);
    let { rows, lims } = steps[selected];
    for (;;) {
      const c = best(pasteCandidates(d, lims, rows, remaining, o.pasteAlpha, o.objective));
      if (!c || !(c.score > 0) || densityOf(d, c.rows) <= densityOf(d, rows)) break;
      ((rows = c.rows), (lims = c.lims));
    }
    const box = stepOf(d, lims, rows);
    const restrictions = box.limits.map((limit) => {
      const j = d.cols.findIndex((c) => c.name === limit.name);
      const without = remaining.filter((r) => inBox(d, lims, r, j));
      const p = densityOf(d, without);
      return { limit, qp: binomialUpperTail(box.k, box.n, p), densityWithout: p };
    });
    const strip = ({ coverage, density, mass, n, k, limits }: PrimStep): PrimStep => ({ coverage, density, mass, n, k, limits });
    boxes.push({ trajectory: steps.map(strip), selected, box: strip(box), restrictions, description: describe(box.limits) });
    const inside = new Set(rows);
    remaining = remaining.filter((r) => !inside.has(r));
    if (box.density < o.threshold) break;
  }
  return { boxes, runs: y.length, casesOfInterest: d.totalK, options: o };
}

/** The runs inside a box's limits (by row index), for checking a box on other data. */
export function rowsInBox(inputs: readonly PrimColumn[], limits: readonly Limit[]): number[] {
  const n = isCat(inputs[0]) ? inputs[0].categories.length : inputs[0].values.length;
  const out: number[] = [];
  for (let r = 0; r < n; r++)
    if (
      limits.every((l) => {
        const c = inputs.find((col) => col.name === l.name);
        if (!c) throw new RangeError(`rowsInBox: no input named ${l.name}`);
        if ('categories' in l) return isCat(c) && l.categories.includes(c.categories[r]);
        if (isCat(c)) return false;
        return (l.lo === undefined || c.values[r] >= l.lo) && (l.hi === undefined || c.values[r] <= l.hi);
      })
    )
      out.push(r);
  return out;
}
