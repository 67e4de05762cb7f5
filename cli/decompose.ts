/**
 * npm run study -- decompose <A> <B> [--replications N] [--days D] [--warmup W] [--workers N] [--json]
 *   [--shard i/N --out part.json | --merge part-*.json] (cli/study-run.ts)
 *
 * How much of each difference between structures A and B is structure, resources, policy and
 * calendars (studies/decompose.ts): 16 compositions on common random numbers, Shapley values
 * with paired 95% intervals. A and B are preset ids or scenario files.
 */
import { decompose, decompositionExperiment, decompositionMarkdown } from '../studies/decompose.ts';
import { presetJson } from '../scenarios/presets.ts';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { loadScenarioArg, UsageError } from './load.ts';
import { runStudyPlan, type StudyRunValues } from './study-run.ts';

export async function decomposeCommand(
  positionals: string[],
  values: { replications?: string; days?: string; warmup?: string; json?: boolean } & StudyRunValues,
): Promise<void> {
  const [aRef, bRef, ...files] = positionals;
  if (!aRef || !bRef) throw new UsageError('decompose: expected two structures, A and B (preset ids or scenario files)');
  const reps = Number(values.replications ?? 5);
  const days = Number(values.days ?? 365);
  if (!Number.isInteger(reps) || reps < 2) throw new UsageError(`--replications: expected an integer ≥ 2, got "${values.replications}"`);
  if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
  const warmup = values.warmup === undefined ? undefined : Number(values.warmup);
  if (warmup !== undefined && !(warmup >= 0 && warmup < days))
    throw new UsageError(`--warmup: expected days ≥ 0 and fewer than --days, got "${values.warmup}"`);
  const a = loadScenarioArg(aRef);
  const b = loadScenarioArg(bRef);
  const input = decompositionExperiment(a, b, { replications: reps, days, warmupDays: warmup });
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  {
    const out = await runStudyPlan(plan, values, files);
    if (!out) return;
    const rows = decompose(out);
    if (values.json) console.log(JSON.stringify({ a: a.id, b: b.id, replications: reps, days, decomposition: rows }, null, 1));
    else {
      console.log(decompositionMarkdown(rows, a.name, b.name));
      console.log(`\nMean ± 95% half-width over ${reps} replications of ${days} days.`);
    }
  }
}
