/**
 * One door for data: a series and a metric added to the catalogues (sim/observe/series.ts,
 * sim/observe/catalog.ts) and nowhere else reach the live app's data (packed by the worker's
 * session, kept by the page's RunData), its downloads (CSV and JSON, with unit and label),
 * and the command line's table (`flatgov sim`), with the catalogue's label and unit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { presetJson, loadPreset } from '../scenarios/presets.ts';
import { simulate } from '../sim/index.ts';
import { METRICS, METRIC_BY_ID, type MetricInfo } from '../sim/observe/catalog.ts';
import { SERIES_METRICS, SERIES_METRIC_BY_ID, seriesMetricInfo, type SeriesMetricInfo } from '../sim/observe/series.ts';
import { formatSummary } from '../render/summary-table.ts';
import { setLang } from '../render/i18n.ts';
import { SimSession } from '../workers/session.ts';
import { appendFrame, emptyRun } from '../ui/run-data.ts';
import { runCsv, runJson } from '../ui/run-files.ts';

const SERIES: SeriesMetricInfo = {
  id: 'overdueNow',
  unit: 'cases',
  label: 'Open cases past their deadline now',
  labelZh: '当前逾期未办结诉求',
  definition: 'Cases open at that moment whose deadline has passed.',
  definitionZh: '当时已超过时限仍未办结的诉求数。',
  get: (s) => s.overdue,
};

const METRIC: MetricInfo = {
  id: 'backlog.p90AgeHours',
  unit: 'h',
  label: 'Age of the oldest tenth of open cases at the end',
  labelZh: '期末最久十分之一未办结诉求的已等待时长',
  definition: 'The 90th percentile of the hours open cases had waited when the run ended.',
  definitionZh: '运行结束时未办结诉求已等待小时数的90分位。',
  higherIsBetter: false,
  get: (s) => s.backlog.p90AgeHours,
};

afterEach(() => {
  SERIES_METRICS.splice(SERIES_METRICS.indexOf(SERIES), 1);
  SERIES_METRIC_BY_ID.delete(SERIES.id);
  METRICS.splice(METRICS.indexOf(METRIC), 1);
  METRIC_BY_ID.delete(METRIC.id);
});

describe('the catalogue is the one door for data', () => {
  it('a series and a metric added to it reach the live app’s data, its downloads and the command line’s table', () => {
    SERIES_METRICS.push(SERIES);
    SERIES_METRIC_BY_ID.set(SERIES.id, SERIES);
    METRICS.push(METRIC);
    METRIC_BY_ID.set(METRIC.id, METRIC);
    setLang('en');

    // The live app: the worker's session packs it, the page's run data keeps it.
    const session = new SimSession(presetJson('longgang-2021'), 2, 1440);
    const data = emptyRun(session.info);
    for (const day of [3, 8, 12]) appendFrame(data, session.advanceTo(day));
    const whole = simulate(loadPreset('longgang-2021'), { seed: 2, days: 12 });
    const expected = whole.series.map((s) => s.overdue);
    expect(expected.some((v) => v > 0)).toBe(true);
    expect(Array.from(data.series(SERIES.id))).toEqual(expected);
    expect(seriesMetricInfo(SERIES.id)?.label).toBe(SERIES.label);

    // The downloads: a column of its own, named by its id, its unit and label in the manifest's columns.
    const run = { structures: [{ label: 'Longgang 2021', changes: {} }], data: [data], summaries: [session.summary()] };
    const csv = runCsv(run);
    const [header, ...rows] = csv.text.trim().split('\n');
    const col = header.split(',').indexOf(SERIES.id);
    expect(col).toBeGreaterThan(1);
    expect(rows.map((r) => Number(r.split(',')[col]))).toEqual(expected);
    expect(csv.columns.find((c) => c.id === SERIES.id)).toMatchObject({ unit: 'cases', label: SERIES.label, labelZh: SERIES.labelZh });
    const json = runJson(run);
    expect((json.data[0] as { series: Record<string, number[]> }).series[SERIES.id]).toEqual(expected);
    expect(json.columns.map((c) => c.id)).toContain(SERIES.id);

    // The command line's table: the metric by its label, with its value and unit.
    const table = formatSummary(whole.summary, 'Longgang 2021', 1);
    const line = table.split('\n').find((l) => l.startsWith(METRIC.label));
    expect(line).toBeDefined();
    expect(line).toContain(`${whole.summary.backlog.p90AgeHours.toFixed(1)} h`);
  });
});
