// What a researcher writes in a fresh folder after `npm install flatgov`: run from Node and
// from Deno by the package test, which checks what it prints (one JSON object).
import { csvParse } from 'd3-dsv';
import { listPresets, loadPreset, simulate } from 'flatgov';
import { experiment, seriesToCsv, toCsv } from 'flatgov/experiments';
import { diffScenarios } from 'flatgov/scenarios';

const workers = Number(process.env.FLATGOV_WORKERS ?? '1');
const one = simulate(loadPreset('longgang-2021'), { seed: 7, days: 5 }).summary;
const comparison = await experiment(
  { structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }], replications: 3, days: 5 },
  { workers, date: new Date(0) },
);
const sweep = await experiment(
  {
    structures: [{ preset: 'longgang-2021' }],
    replications: 2,
    days: 14,
    sweep: [{ param: 'demand.casesPerResidentYear', values: [0.5, 1] }],
    series: { every: 'weekly', metrics: ['open', 'levels[community].queued', 'openPerDay'] },
    metrics: ['hoursToClose.mean', 'openPerDay'],
  },
  { workers, date: new Date(0), hooks: { openPerDay: (s) => s.open / s.day } },
);
const rows = csvParse(toCsv(comparison));
const series = csvParse(seriesToCsv(sweep));
console.log(
  JSON.stringify({
    presets: listPresets().map((p) => p.id),
    closed: one.cases.closed,
    differences: comparison.differences.length,
    rowsColumns: rows.columns,
    rows: rows.length,
    seriesColumns: series.columns,
    series: series.length,
    hook: series.filter((r) => r.metric === 'openPerDay').length,
    diff: diffScenarios(loadPreset('longgang-2020'), loadPreset('longgang-2021')).length > 0,
    meanHours: comparison.summary.find((r) => r.structure === 'longgang-2021' && r.metric === 'hoursToClose.mean').mean,
  }),
);
