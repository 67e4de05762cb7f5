/**
 * The allocation study's results as Markdown (optimise-posts.ts): the finalists with their
 * intervals, the best against the shipped allocation, and the front of cost against time.
 */
import type { Interval } from '../analysis/index.ts';
import { metricInfo } from '../sim/observe/catalog.ts';
import { allocationText, int, type ServiceTarget } from './allocation.ts';
import type { AllocationResult, PostsParetoResult } from './optimise-posts.ts';

const fmt = (iv: Interval, digits = 1, scale = 1) =>
  `${(iv.mean * scale).toFixed(digits)} [${(iv.lo * scale).toFixed(digits)}, ${(iv.hi * scale).toFixed(digits)}]`;

/** The result as Markdown: the question, the budget, the finalists with intervals, the best against the shipped allocation. */
export function allocationMarkdown(r: AllocationResult): string {
  const label = (m: string) => metricInfo(m)?.label ?? m;
  const lines: string[] = [];
  const load = r.load === 1 ? "at the structure's own demand" : `at ${r.load}× the structure's demand`;
  lines.push(
    `### The best allocation of ${r.structure.name.split(/[:：]/)[0]}'s ${int(r.totalCityPosts)} city posts`,
    '',
    `Minimise the mean time to close (open cases counted) ${load}, subject to an annual cost of at most ${(r.budget.yuan / 1e6).toFixed(1)} M yuan ` +
      `(${r.budget.how === 'shipped' ? `the shipped structure's own, ${fmt(r.budget.interval!, 1, 1e-6)} over its runs` : 'given'})` +
      `${r.targets.map((t) => ` and ${label(t.metric).toLowerCase()} at least ${(100 * t.min).toFixed(0)}%`).join('')}. ` +
      `${r.days} days a run (${r.warmupDays} of warm-up), ${r.runs} runs (model ${r.modelVersion}); means over the race's replications with 95% intervals.`,
    '',
    '| allocation | runs | mean time to close, h | vs best, h | annual cost, M yuan | closed within 24 h, % | local share, % | feasible |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const d of r.designs) {
    const f = d.figures;
    lines.push(
      `| ${d.shipped ? '**shipped**: ' : ''}${allocationText(d.places)} | ${d.runs} | ${fmt(f['hoursToCloseAll.mean'], 2)} | ${d === r.best ? '—' : fmt(d.difference, 2)} | ${fmt(f['cost.annualYuan'], 1, 1e-6)} | ${fmt(f['sla.close24h'], 1, 100)} | ${fmt(f.localResolutionShare, 1, 100)} | ${d.feasible} |`,
    );
  }
  lines.push(
    '',
    "Ranked as the optimiser ranks them (Deb's rules): a design that keeps to the budget and meets every target on the means comes before one that does not, " +
      'so a faster design can rank below one that meets a target it misses. "vs best" is the paired difference on the same seeds. ' +
      "Feasible: yes when every constraint's 95% interval keeps to it, no when one lies beyond it, uncertain otherwise" +
      (r.budget.how === 'shipped'
        ? " (the shipped allocation's cost is the budget itself, so its cost is uncertain by construction)."
        : '.'),
    '',
    allocationSentence(r),
  );
  return `${lines.join('\n')}\n`;
}

/** One sentence: the best allocation against the shipped one, on the same seeds. */
export function allocationSentence(r: AllocationResult): string {
  if (r.best.shipped) return `The shipped allocation is the best found: no finalist was faster on the same seeds within the budget.`;
  const d = r.shipped.difference;
  const verdict =
    d.lo > 0
      ? `the shipped allocation is slower by ${d.mean.toFixed(2)} h (95% interval ${d.lo.toFixed(2)} to ${d.hi.toFixed(2)} h) on the same seeds`
      : `the shipped allocation is not distinguishable from it (difference ${d.mean.toFixed(2)} h, 95% interval ${d.lo.toFixed(2)} to ${d.hi.toFixed(2)} h)`;
  return `Best found: ${allocationText(r.best.places)} — mean time to close ${fmt(r.best.figures['hoursToCloseAll.mean'], 2)} h (feasible: ${r.best.feasible}); ${verdict}.`;
}

/** The front as Markdown: each allocation with its cost and time to close, the shipped one among them. */
export function paretoMarkdown(
  r: PostsParetoResult,
  o: { name: string; days: number; warmupDays: number; targets: ServiceTarget[] },
): string {
  const iv = (x: Interval, d: number) => `${x.mean.toFixed(d)} [${x.lo.toFixed(d)}, ${x.hi.toFixed(d)}]`;
  const rows = [...r.front.map((d) => ({ d, shipped: false })), { d: r.shipped, shipped: true }].sort(
    (a, b) => a.d.cost.mean - b.d.cost.mean,
  );
  const label = (m: string) => metricInfo(m)?.label ?? m;
  const lines = [
    `### Annual cost against the mean time to close: ${o.name.split(/[:：]/)[0]}'s city posts, their total free`,
    '',
    `${r.runs} runs of ${o.days} days (${o.warmupDays} of warm-up); means over each design's race replications with 95% intervals; ` +
      `targets: ${o.targets.map((t) => `${label(t.metric).toLowerCase()} at least ${(100 * t.min).toFixed(0)}%`).join(', ') || 'none'}.`,
    '',
    '| allocation | city posts | annual cost, M yuan | mean time to close, h | runs | targets met |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      ({ d, shipped }) =>
        `| ${shipped ? '**shipped**: ' : ''}${allocationText(d.places)} | ${int(d.places.total)} | ${iv(d.cost, 1)} | ${iv(d.hours, 2)} | ${d.runs} | ${d.feasible} |`,
    ),
    '',
    r.dominating.length === 0
      ? 'No allocation found is both cheaper and faster than the shipped one on the means.'
      : `${r.dominating.length} allocation${r.dominating.length === 1 ? ' is' : 's are'} both cheaper and faster than the shipped one on the means (each on seeds of its own: compare the intervals).`,
  ];
  return `${lines.join('\n')}\n`;
}
