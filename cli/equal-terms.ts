/**
 * npm run study -- layers-equal|flat-breaks [--replications R] [--days D] [--workers N] [--svg chart.svg]
 *
 * The layers-against-spans study on equal terms, and where the flat structure breaks
 * (studies/flat-breaks.ts), printed as Markdown with 95% intervals.
 */
import fs from 'node:fs';
import { METRIC_BY_ID } from '../sim/observe/catalog.ts';
import { presetJson } from '../scenarios/presets.ts';
import { breakPoints, breakSentence, breakTable, flatBreaksStudy, layersEqualTermsStudy } from '../studies/flat-breaks.ts';
import { breakSvg } from '../render/study-charts.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { type ExperimentOutput } from '../experiments/runner.ts';
import { UsageError } from './load.ts';
import { runStudyPlan, type StudyRunValues } from './study-run.ts';

function fmt(mean: number, half: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  const k = unit === 'share' ? 100 : unit === 'yuan/year' ? 1e-6 : 1;
  const d = unit === 'cases' || unit === 'yuan/year' ? 0 : unit === '0/1' ? 2 : 1;
  return `${(mean * k).toFixed(d)} ± ${(half * k).toFixed(d)}`;
}

function equalTermsTable(out: ExperimentOutput): string {
  const metrics = out.manifest.experiment.metrics;
  const head = [
    'demand ×',
    'structure',
    ...metrics.map((m) => `${METRIC_BY_ID.get(m)!.label} (${METRIC_BY_ID.get(m)!.unit === 'share' ? '%' : METRIC_BY_ID.get(m)!.unit})`),
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  const base = Number(out.summary[0]?.point['demand.casesPerResidentYear'] ?? 0.5);
  const points = [...new Set(out.summary.map((r) => JSON.stringify(r.point)))];
  for (const p of points)
    for (const st of out.manifest.experiment.structures.map((s) => s.label!)) {
      const cells = metrics.map((m) => {
        const r = out.summary.find((x) => JSON.stringify(x.point) === p && x.structure === st && x.metric === m)!;
        return fmt(r.mean, r.half, r.unit);
      });
      const load = Number(JSON.parse(p)['demand.casesPerResidentYear']) / base;
      lines.push(`| ${load.toFixed(2).replace(/\.?0+$/, '')} | ${st} | ${cells.join(' | ')} |`);
    }
  return lines.join('\n');
}

export async function equalTermsCommand(
  which: 'layers-equal' | 'flat-breaks',
  values: { replications?: string; days?: string; svg?: string } & StudyRunValues,
  files: string[] = [],
) {
  const reps = Number(values.replications ?? 3);
  const days = Number(values.days ?? 180);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
  const input = which === 'layers-equal' ? layersEqualTermsStudy(reps, days) : flatBreaksStudy(reps, days);
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  {
    const out = await runStudyPlan(plan, values, files, { progress: true });
    if (!out) return;
    if (which === 'layers-equal') console.log(equalTermsTable(out));
    else {
      const points = breakPoints(out);
      console.log(breakTable(points));
      console.log(`\n${breakSentence(points)}`);
      if (values.svg) fs.writeFileSync(values.svg, breakSvg(points));
    }
    console.log(
      `\nMean ± 95% half-width over ${reps} replications of ${days} days (the first quarter, at most 28 days, discarded as warm-up).`,
    );
  }
}
