/**
 * One run's summary as a terminal table (what `flatgov sim` prints): every metric of the
 * catalogue (sim/observe/catalog.ts) by its label, with its value and unit, then each level's
 * and department's utilisation and mean queue, labelled by the catalogue too. A metric added
 * to the catalogue is printed here without another list to change.
 */
import { printable } from '../scenarios/guard.ts';
import type { Summary } from '../sim/observe/metrics.ts';
import { METRICS, metricInfo } from '../sim/observe/catalog.ts';
import { formatFigure, labelOf } from './figures.ts';
import { fmt } from './i18n.ts';

/** Per level, and per department: the catalogue's figures the table shows. */
const LEVEL_ROWS = ['staff', 'closed', 'utilisation', 'meanQueue'] as const;
const DEPARTMENT_ROWS = ['staff', 'utilisation', 'meanQueue'] as const;

export function formatSummary(s: Summary, name: string, wallMs: number): string {
  const units = [
    ...s.levels.flatMap((l) => LEVEL_ROWS.map((f) => `levels[${l.id}].${f}`)),
    ...s.departments.flatMap((d) => DEPARTMENT_ROWS.map((f) => `departments[${d.id}].${f}`)),
  ];
  const rows: [string, string][] = [
    // The name is the user's: its control characters are shown escaped, never sent to the terminal.
    ['scenario', `${printable(s.scenario)} — ${printable(name)}`],
    ['seed, days', `${s.seed}, ${fmt(s.days)}`],
    ...METRICS.map((m): [string, string] => [labelOf(m), formatFigure(m.get(s), m.unit)]),
    ...units.map((id): [string, string] => {
      const info = metricInfo(id)!;
      return [labelOf(info), formatFigure(info.get(s), info.unit)];
    }),
    ['events, wall time', `${s.events}, ${fmt(wallMs)} ms`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
