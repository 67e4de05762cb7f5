/**
 * Layers against spans on equal terms, and where flat breaks.
 *
 * - layersEqualTerms: Longgang 2021 with 0, 9, 14, 26, 51 or 102 middle units, in two
 *   families that separate layer count, span and posts per unit: equal total posts (the 300
 *   posts of the governance units shared among the units; with none, the 300 posts go to the
 *   communities so that every structure has the same posts) and equal posts per unit (11.5, as
 *   Longgang's 26 units have: the total grows with the units). At 1×, 1.5× and 2× demand.
 * - flatBreaks: with posts held equal, the flat structure (communities facing the city; the
 *   middle posts placed in the communities) against a thin middle layer (26 units of 11.5
 *   posts), over load and over the span of the city's organs (51, 102 or 204 communities, the
 *   same community posts in all): the load, for each span, at which flat becomes worse, by the
 *   paired difference in mean time to close with open cases counted.
 */
import { loadPreset } from '../scenarios/presets.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { ExperimentInput } from '../experiments/experiment.ts';
import type { ExperimentOutput } from '../experiments/runner.ts';
import { pairedDifference, type PairedTest } from '../experiments/stats.ts';

export const MIDDLE_UNITS = [0, 9, 14, 26, 51, 102];
/** Posts of Longgang 2021's governance units (001: about 300). */
export const MIDDLE_POSTS = 300;
export const EQUAL_TERMS_LOADS = [1, 1.5, 2];
export const BREAK_LOADS = [1, 1.25, 1.5, 1.75, 2];
export const SPANS = [51, 102, 204];

const community = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'community');
const middle = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'intermediate');

/** Longgang 2021 with n middle units of `perUnit` posts; with none, `toCommunities` posts go to the communities. */
export function withMiddle(n: number, perUnit: number, toCommunities = MIDDLE_POSTS): Scenario {
  const s = loadPreset('longgang-2021');
  const i = middle(s);
  if (n === 0) {
    s.levels.splice(i, 1);
    const c = s.levels[community(s)];
    c.staffPerUnit += toCommunities / c.units;
  } else {
    s.levels[i].units = n;
    s.levels[i].staffPerUnit = perUnit;
  }
  s.id = `middle-${n}`;
  s.name = n === 0 ? 'No middle layer' : `${n} middle units`;
  return s;
}

/** The same structure with its communities merged or split into `n` (the same community posts and micro-grids). */
export function withCommunities(s: Scenario, n: number): Scenario {
  const out = structuredClone(s);
  const c = out.levels[community(out)];
  const posts = c.units * c.staffPerUnit;
  const cadres = c.units * c.cadresPerUnit;
  c.units = n;
  c.staffPerUnit = posts / n;
  c.cadresPerUnit = cadres / n;
  // Middle units cannot outnumber the communities they group.
  const m = middle(out);
  if (m >= 0 && out.levels[m].units > n) out.levels[m].units = n;
  out.id = `${s.id}-${n}-communities`;
  out.name = `${s.name}, ${n} communities`;
  return out;
}

const METRICS = ['hoursToCloseAll.mean', 'localResolutionShare', 'sla.close24h', 'backlog.overdue', 'cost.annualYuan', 'stability.stable'];

export function layersEqualTermsStudy(replications: number, days: number): ExperimentInput {
  const base = loadPreset('longgang-2021').demand.casesPerResidentYear;
  const perUnit = MIDDLE_POSTS / 26;
  return {
    name: 'layers against spans on equal terms',
    structures: [
      ...MIDDLE_UNITS.map((n) => ({ label: `equal total posts: ${n}`, scenario: withMiddle(n, n > 0 ? MIDDLE_POSTS / n : 0) })),
      ...MIDDLE_UNITS.filter((n) => n > 0).map((n) => ({ label: `equal posts per unit: ${n}`, scenario: withMiddle(n, perUnit) })),
    ],
    replications,
    days,
    sweep: [{ param: 'demand.casesPerResidentYear', values: EQUAL_TERMS_LOADS.map((m) => m * base) }],
    metrics: METRICS,
  };
}

export function flatBreaksStudy(replications: number, days: number): ExperimentInput {
  const base = loadPreset('longgang-2021').demand.casesPerResidentYear;
  const flat = withMiddle(0, 0);
  const thin = withMiddle(26, MIDDLE_POSTS / 26);
  return {
    name: 'where flat breaks',
    structures: SPANS.flatMap((n) => [
      { label: `thin middle layer, ${n} communities`, scenario: withCommunities(thin, n) },
      { label: `flat, ${n} communities`, scenario: withCommunities(flat, n) },
    ]),
    replications,
    days,
    sweep: [{ param: 'demand.casesPerResidentYear', values: BREAK_LOADS.map((m) => m * base) }],
    metrics: METRICS,
  };
}

export interface BreakPoint {
  communities: number;
  load: number;
  /** Flat minus thin middle layer, paired over replications. */
  difference: PairedTest;
  flatUnstable: number;
  thinUnstable: number;
}

/** The paired differences flat − thin layer in mean time to close, per span and load. */
export function breakPoints(out: Pick<ExperimentOutput, 'rows'>, metric = 'hoursToCloseAll.mean'): BreakPoint[] {
  const out2: BreakPoint[] = [];
  for (const n of SPANS)
    BREAK_LOADS.forEach((load, pi) => {
      const pick = (label: string, m: string) =>
        out.rows
          .filter((r) => r.structure === label && r.metric === m && pointIndex(r.point, pi))
          .sort((a, b) => a.replication - b.replication)
          .map((r) => r.value);
      const flat = pick(`flat, ${n} communities`, metric);
      const thin = pick(`thin middle layer, ${n} communities`, metric);
      const unstable = (label: string) => pick(label, 'stability.stable').filter((x) => x === 0).length;
      out2.push({
        communities: n,
        load,
        difference: pairedDifference(thin, flat),
        flatUnstable: unstable(`flat, ${n} communities`),
        thinUnstable: unstable(`thin middle layer, ${n} communities`),
      });
    });
  return out2;
}

function pointIndex(point: Record<string, unknown>, pi: number): boolean {
  const base = loadPreset('longgang-2021').demand.casesPerResidentYear;
  const v = Number(point['demand.casesPerResidentYear']);
  return Math.abs(v - BREAK_LOADS[pi] * base) < 1e-9;
}

/** What the study finds, in words: for each span, the lowest load at which flat is worse beyond its interval. */
export function breakSentence(points: BreakPoint[]): string {
  const parts = SPANS.map((n) => {
    const worse = points.filter((p) => p.communities === n && p.difference.mean - p.difference.half > 0);
    const better = points.filter((p) => p.communities === n && p.difference.mean + p.difference.half < 0);
    if (worse.length === 0)
      return better.length > 0
        ? `with ${n} communities flat is never worse up to ${BREAK_LOADS[BREAK_LOADS.length - 1]}× demand`
        : `with ${n} communities the two cannot be told apart up to ${BREAK_LOADS[BREAK_LOADS.length - 1]}×`;
    return `with ${n} communities flat is worse from ${worse[0].load}× demand`;
  });
  return `${parts.join('; ')}.`;
}

/** The break points as a Markdown table. */
export function breakTable(points: BreakPoint[]): string {
  const lines = [
    '| communities | demand × | flat − thin layer, mean time to close (h) | unstable runs (flat / thin) |',
    '| --- | --- | --- | --- |',
  ];
  for (const p of points)
    lines.push(
      `| ${p.communities} | ${p.load} | ${p.difference.mean.toFixed(2)} ± ${p.difference.half.toFixed(2)} | ${p.flatUnstable} / ${p.thinUnstable} |`,
    );
  return lines.join('\n');
}
