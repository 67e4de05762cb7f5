/**
 * The result files as a researcher reads them: in pandas (Debian's python3-pandas) and in R
 * (Debian's r-base-core, no packages), every CSV with its units; the summary and paired
 * differences as tidy CSV agree with the runs; a weekly series of a 60-day run ends at day
 * 60; the manifest re-runs the experiment exactly.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, tempDir } from './cli-helpers.ts';

const run = promisify(execFile);
const tmp = tempDir('flatgov-files-');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
const stem = path.join(tmp.dir, 'results');
const at = (ext: string) => `${stem}.${ext}`;

/** Debian's python3 (a pyenv or virtualenv first on the PATH may lack pandas). */
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

beforeAll(async () => {
  const exp = tmp.file('exp.json', {
    name: 'files a researcher reads',
    structures: [{ preset: 'traditional-county' }, { preset: 'longgang-2021' }],
    replications: 3,
    days: 60,
    sweep: [{ param: 'demand.casesPerResidentYear', values: [0.4, 0.6] }],
    metrics: ['hoursToClose.mean', 'localResolutionShare', 'cost.annualYuan', 'levels[town].utilisation'],
    series: { every: 'weekly', metrics: ['open', 'closedInInterval'] },
  });
  await run(process.execPath, ['--import', 'tsx', 'cli/experiment.ts', exp, '--workers', '2', '--out', at('csv'), '--quiet'], {
    cwd: root,
    env,
  });
}, 300_000);

/** What both languages compute from the files, to compare with each other and with the manifest. */
interface Read {
  columns: Record<string, string[]>;
  units: Record<string, string>;
  rows: number;
  lastDay: number;
  /** Mean of hoursToClose.mean over longgang-2021's runs at 0.4, from results.csv and from summary.csv. */
  meanFromRuns: number;
  meanFromSummary: number;
  /** The paired difference of localResolutionShare at 0.6, from the runs and from differences.csv. */
  diffFromRuns: number;
  diffFromFile: number;
  townUtilisationMissing: number;
}

const PY = `
import json, sys
import pandas as pd
stem = sys.argv[1]
runs = pd.read_csv(stem + '.csv')
series = pd.read_csv(stem + '.series.csv')
summary = pd.read_csv(stem + '.summary.csv')
diffs = pd.read_csv(stem + '.differences.csv')
manifest = json.load(open(stem + '.manifest.json'))
p = 'demand.casesPerResidentYear'
sel = (runs.structure == 'longgang-2021') & (runs[p] == 0.4) & (runs.metric == 'hoursToClose.mean')
srow = summary[(summary.structure == 'longgang-2021') & (summary[p] == 0.4) & (summary.metric == 'hoursToClose.mean')]
share = runs[(runs[p] == 0.6) & (runs.metric == 'localResolutionShare')].pivot(index='replication', columns='structure', values='value')
drow = diffs[(diffs[p] == 0.6) & (diffs.metric == 'localResolutionShare')]
town = runs[runs.metric == 'levels[town].utilisation']
print(json.dumps({
  'columns': {k: list(v.columns) for k, v in [('runs', runs), ('series', series), ('summary', summary), ('differences', diffs)]},
  'units': dict(runs.groupby('metric').unit.first()),
  'rows': int(len(runs)),
  'lastDay': float(series.day.max()),
  'meanFromRuns': float(runs[sel].value.mean()),
  'meanFromSummary': float(srow['mean'].iloc[0]),
  'diffFromRuns': float((share['longgang-2021'] - share['traditional-county']).mean()),
  'diffFromFile': float(drow['mean'].iloc[0]),
  'townUtilisationMissing': int(town.value.isna().sum()),
  'manifestUnits': manifest['units']['metrics'],
}))
`;

const R = `
args <- commandArgs(trailingOnly = TRUE)
stem <- args[1]
runs <- read.csv(paste0(stem, ".csv"), check.names = FALSE)
series <- read.csv(paste0(stem, ".series.csv"), check.names = FALSE)
summary <- read.csv(paste0(stem, ".summary.csv"), check.names = FALSE)
diffs <- read.csv(paste0(stem, ".differences.csv"), check.names = FALSE)
p <- "demand.casesPerResidentYear"
sel <- runs$structure == "longgang-2021" & runs[[p]] == 0.4 & runs$metric == "hoursToClose.mean"
srow <- summary[summary$structure == "longgang-2021" & summary[[p]] == 0.4 & summary$metric == "hoursToClose.mean", ]
share <- runs[runs[[p]] == 0.6 & runs$metric == "localResolutionShare", ]
a <- share[share$structure == "traditional-county", ]
b <- share[share$structure == "longgang-2021", ]
d <- b$value[order(b$replication)] - a$value[order(a$replication)]
drow <- diffs[diffs[[p]] == 0.6 & diffs$metric == "localResolutionShare", ]
units <- tapply(runs$unit, runs$metric, function(u) u[1])
q <- function(x) paste0('"', x, '"')
cols <- function(df) paste0("[", paste(q(names(df)), collapse = ","), "]")
num <- function(x) format(x, digits = 17)
cat("{",
  '"columns": {"runs":', cols(runs), ', "series":', cols(series), ', "summary":', cols(summary), ', "differences":', cols(diffs), "},",
  '"units": {', paste(paste0(q(names(units)), ":", q(units)), collapse = ","), "},",
  '"rows":', nrow(runs), ",",
  '"lastDay":', max(series$day), ",",
  '"meanFromRuns":', num(mean(runs$value[sel])), ",",
  '"meanFromSummary":', num(srow$mean[1]), ",",
  '"diffFromRuns":', num(mean(d)), ",",
  '"diffFromFile":', num(drow$mean[1]), ",",
  '"townUtilisationMissing":', sum(is.na(runs$value[runs$metric == "levels[town].utilisation"])),
  "}\\n")
`;

describe('the result files in pandas and in R, with their units', () => {
  let py: Read & { manifestUnits: Record<string, string> };
  let r: Read;

  it('pandas reads every CSV with a unit for every row, and the summary and differences agree with the runs', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'read.py'), PY);
    py = JSON.parse((await run(python, [path.join(tmp.dir, 'read.py'), stem])).stdout);
    expect(py.columns.runs).toEqual(['structure', 'demand.casesPerResidentYear', 'replication', 'seed', 'metric', 'value', 'unit']);
    expect(py.columns.series).toEqual([
      'structure',
      'demand.casesPerResidentYear',
      'replication',
      'seed',
      'day',
      'metric',
      'value',
      'unit',
    ]);
    expect(py.columns.summary).toEqual([
      'structure',
      'demand.casesPerResidentYear',
      'metric',
      'unit',
      'n',
      'mean',
      'sd',
      'half',
      'low',
      'high',
    ]);
    expect(py.columns.differences.slice(-4)).toEqual(['high', 't', 'p', 'unpairedHalf']);
    expect(py.units).toEqual({
      'cost.annualYuan': 'yuan/year',
      'hoursToClose.mean': 'h',
      'levels[town].utilisation': 'fraction',
      localResolutionShare: 'fraction',
    });
    expect(py.manifestUnits).toMatchObject(py.units);
    expect(py.rows).toBe(2 * 2 * 3 * 4);
    // A weekly series of a 60-day run ends at day 60.
    expect(py.lastDay).toBe(60);
    expect(py.meanFromSummary).toBeCloseTo(py.meanFromRuns, 12);
    expect(py.diffFromFile).toBeCloseTo(py.diffFromRuns, 12);
    // Longgang 2021 has no town level: its values are empty cells, read as missing.
    expect(py.townUtilisationMissing).toBe(2 * 3);
  });

  it('R (base, no packages) reads the same files to the same figures', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'read.R'), R);
    r = JSON.parse((await run('Rscript', ['--vanilla', path.join(tmp.dir, 'read.R'), stem])).stdout);
    const { manifestUnits: _m, ...fromPython } = py;
    expect(r).toEqual({
      ...fromPython,
      meanFromRuns: expect.any(Number),
      meanFromSummary: expect.any(Number),
      diffFromRuns: expect.any(Number),
      diffFromFile: expect.any(Number),
    });
    for (const k of ['meanFromRuns', 'meanFromSummary', 'diffFromRuns', 'diffFromFile'] as const) expect(r[k]).toBeCloseTo(py[k], 12);
  });
});

describe('the manifest re-runs the experiment exactly', () => {
  it('flatgov experiment results.manifest.json writes the same files, byte for byte', async () => {
    const again = path.join(tmp.dir, 'again');
    await run(
      process.execPath,
      ['--import', 'tsx', 'cli/experiment.ts', at('manifest.json'), '--workers', '2', '--out', `${again}.csv`, '--quiet'],
      {
        cwd: root,
        env,
      },
    );
    for (const ext of ['csv', 'series.csv', 'summary.csv', 'differences.csv', 'manifest.json'])
      expect(fs.readFileSync(`${again}.${ext}`, 'utf8'), ext).toBe(fs.readFileSync(at(ext), 'utf8'));
  });

  it('refuses a manifest whose scenarios changed, or of another model version, naming what differs', async () => {
    const m = JSON.parse(fs.readFileSync(at('manifest.json'), 'utf8'));
    const edited = tmp.file('edited.manifest.json', {
      ...m,
      scenarios: m.scenarios.map((s: object) => ({ ...s, sha256: '0'.repeat(64) })),
    });
    const older = tmp.file('older.manifest.json', { ...m, modelVersion: '2.0.0', flatgov: '0.2.0' });
    const cli = (f: string) =>
      run(process.execPath, ['--import', 'tsx', 'cli/experiment.ts', f, '--out', path.join(tmp.dir, 'x.csv')], { cwd: root, env }).catch(
        (e) => e,
      );
    expect((await cli(edited)).stderr).toMatch(/structure "traditional-county": its scenario is not the one .* names/);
    expect((await cli(older)).stderr).toMatch(/was run by model version 2\.0\.0; .* re-run it with flatgov 0\.2\.0/);
  });
});
