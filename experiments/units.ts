/**
 * Units in result files: every column of the CSVs and every metric has one, written in a
 * `unit` column of each tidy CSV and in a units table in the manifest, with what each unit
 * means. Shares are fractions from 0 to 1 (written `fraction`, not `share`, in files), costs
 * plain yuan. Sweep parameters take their unit from the scenario schema.
 */
import { metricInfo } from '../sim/observe/catalog.ts';
import { seriesMetricInfo } from '../sim/observe/series.ts';
import { scenarioJsonSchema } from '../scenarios/jsonSchema.ts';
import { parsePath } from '../scenarios/path.ts';

/** What each unit written in a result file means. */
export const UNIT_MEANINGS: Readonly<Record<string, string>> = {
  fraction: 'a share from 0 to 1 (0.9 is 90%); a difference of fractions is in the same unit (0.01 is one percentage point)',
  h: 'hours',
  days: 'simulated days from the start of the run',
  cases: 'cases (a count)',
  'cases/day': 'cases per simulated day',
  'redos/case': 'pieces of work redone per case closed',
  contacts: 'repeat contacts (a count)',
  hops: 'hand-offs per case',
  returns: 'returns per case',
  yuan: 'Chinese yuan (CNY), nominal, in yuan (not thousands or millions)',
  'yuan/year': 'Chinese yuan (CNY) a year, nominal, in yuan (not thousands or millions)',
  organs: 'party and government organs (a count)',
  posts: 'posts (a count)',
  staff: 'staff (a count)',
  problems: 'problems (a count)',
  questions: 'questions (a count)',
  '0/1': '1 if true, 0 if not',
  seed: 'the random seed of the run (an integer; not a quantity)',
  index: 'replication number, from 0 (not a quantity)',
  text: 'a name (not a quantity)',
  '×': 'a multiplier (1 is the preset’s own value)',
  min: 'minutes',
  runs: 'runs (a count)',
  'per metric': 'the unit of the row’s metric, given in its unit column',
  'Student t': 'a Student t statistic (no unit)',
  probability: 'a probability from 0 to 1',
  '': 'no unit: a metric computed by a hook of your own',
};

/** A unit as files write it: `share` becomes `fraction`. */
export function fileUnit(unit: string): string {
  return unit === 'share' ? 'fraction' : unit;
}

/** The unit of a metric id (end-of-run or series) as files write it; '' for metrics computed by hooks. */
export function metricFileUnit(id: string): string {
  return fileUnit(metricInfo(id)?.unit ?? seriesMetricInfo(id)?.unit ?? '');
}

type Node = Record<string, unknown>;
let schema: Node | undefined;

/** The unit of a scenario parameter path, from the scenario schema ('' when it has none). */
export function paramUnit(path: string): string {
  schema ??= scenarioJsonSchema();
  let node: Node | undefined = schema;
  let segs;
  try {
    segs = parsePath(path);
  } catch {
    return '';
  }
  for (const seg of segs) {
    if (!node) return '';
    const inner: Node = (node.anyOf as Node[] | undefined)?.find((a) => a.type === 'object' || a.type === 'array') ?? node;
    if (typeof seg === 'string') node = (inner.properties as Record<string, Node> | undefined)?.[seg];
    else node = inner.items as Node | undefined;
  }
  if (!node) return '';
  const n = node as { unit?: string; properties?: { mean?: unknown; dist?: unknown } };
  if (n.properties?.mean && n.properties?.dist) return 'min';
  return fileUnit(n.unit ?? '');
}

/** The units table of a result's manifest: each column's unit, each metric's, and what each unit means. */
export interface UnitsTable {
  /** Columns of the CSVs → unit; `value`, `mean`, `half`… are "per metric": in the unit of the row's metric (its `unit` column). */
  columns: Record<string, string>;
  /** Metric id → unit, for the end-of-run metrics and the series metrics. */
  metrics: Record<string, string>;
  /** Unit → what it means. */
  meanings: Record<string, string>;
}

const PER_METRIC = 'per metric';

/** The units table for an experiment's metrics, series metrics and sweep parameters. */
export function unitsTable(metrics: readonly string[], seriesMetrics: readonly string[], params: readonly string[]): UnitsTable {
  const columns: Record<string, string> = { structure: 'text', a: 'text', b: 'text' };
  for (const p of params) columns[p] = paramUnit(p);
  Object.assign(columns, {
    replication: 'index',
    seed: 'seed',
    ...(seriesMetrics.length > 0 ? { day: 'days' } : {}),
    metric: 'text',
    unit: 'text',
    value: PER_METRIC,
    n: 'runs',
    mean: PER_METRIC,
    sd: PER_METRIC,
    half: PER_METRIC,
    low: PER_METRIC,
    high: PER_METRIC,
    t: 'Student t',
    p: 'probability',
    unpairedHalf: PER_METRIC,
  });
  const ms: Record<string, string> = {};
  for (const m of [...metrics, ...seriesMetrics]) ms[m] = metricFileUnit(m);
  const used = new Set([...Object.values(columns), ...Object.values(ms)]);
  const meanings: Record<string, string> = {};
  for (const [u, text] of Object.entries(UNIT_MEANINGS)) if (used.has(u)) meanings[u] = text;
  return { columns, metrics: ms, meanings };
}
