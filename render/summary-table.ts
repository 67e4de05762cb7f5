/** One run's summary as a terminal table (what `flatgov sim` prints). */
import { printable } from '../scenarios/guard.ts';
import type { Summary } from '../sim/observe/metrics.ts';

function pct(x: number) {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–';
}
function num(x: number, d = 1) {
  return Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–';
}

export function formatSummary(s: Summary, name: string, wallMs: number): string {
  const rows: [string, string][] = [
    // The name is the user's: its control characters are shown escaped, never sent to the terminal.
    ['scenario', `${printable(s.scenario)} — ${printable(name)}`],
    ['seed, days', `${s.seed}, ${s.days}`],
    ['cases created / closed / open / lost', `${s.cases.created} / ${s.cases.closed} / ${s.cases.open} / ${s.cases.lost}`],
    ['throughput', `${num(s.throughputPerDay)} cases/day`],
    ['closed at grid or community', pct(s.localResolutionShare)],
    ...Object.entries(s.closedAtLevel)
      .filter(([, n]) => n > 0)
      .map(([k, n]): [string, string] => [`  closed at ${k}`, `${n} (${pct(n / s.cases.closed)})`]),
    [
      'hours to close: mean / p50 / p90 / p99',
      [s.hoursToClose.mean, s.hoursToClose.p50, s.hoursToClose.p90, s.hoursToClose.p99].map((x) => num(x)).join(' / ') + ' h',
    ],
    ['accepted within 30 min (non-field)', pct(s.sla.accept30m)],
    ['on site within 1 h (field)', pct(s.sla.onsite1h)],
    ['closed within 24 h (non-field)', pct(s.sla.close24h)],
    ['difficult closed within 5 working days', pct(s.sla.difficult5wd)],
    ['hops per case, returns per case', `${num(s.hopsPerCase, 2)}, ${num(s.bouncedPerCase, 3)}`],
    ...s.levels.map((l): [string, string] => [`  ${l.id} utilisation, mean queue`, `${pct(l.utilisation)}, ${num(l.meanQueue)} cases`]),
    ...s.departments.map((d): [string, string] => [
      `  ${d.id} utilisation, mean queue`,
      `${pct(d.utilisation)}, ${num(d.meanQueue)} cases`,
    ]),
    [
      'staff (posts)',
      `${s.staff.total} (${Object.entries(s.staff.byLevel)
        .map(([k, v]) => `${k} ${num(v, 0)}`)
        .join(', ')})`,
    ],
    ['annual cost', `${num(s.cost.annualYuan / 1e6)} million yuan/year`],
    ['cost per case', `${num(s.cost.perCaseYuan, 0)} yuan`],
    ['resident trust (mean)', pct(s.trust.mean)],
    ['bypass (hotline, petitions)', `${pct(s.bypassShare)} of cases, ${s.petitions} petitions`],
    ['events, wall time', `${s.events}, ${num(wallMs, 0)} ms`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
