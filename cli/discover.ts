/**
 * npm run study -- discover <A> <B> [--outcome slower|costlier] [--above X] [--draws M]
 *   [--days D] [--threshold T] [--markdown F] [--result F] [the study run options]
 *
 * Where B loses to A (studies/discover.ts): a Latin hypercube of the assumptions and load,
 * both structures run under each draw, and PRIM boxes of the draws where B is slower or
 * costlier, with coverage, density and their stability under resampling.
 */
import fs from 'node:fs';
import { parseExperiment } from '../experiments/experiment.ts';
import { planExperiment } from '../experiments/plan.ts';
import { presetJson } from '../scenarios/presets.ts';
import { discoverAnalysis, discoverExperiment, discoverMarkdown, NAMED_OUTCOMES } from '../studies/discover.ts';
import { loadScenarioArg, UsageError, userPath } from './load.ts';
import { runStudyPlan, type StudyRunValues } from './study-run.ts';

export const DISCOVER_HELP = `discover     where B loses to A: a Latin hypercube of every assumption (load included),
             A and B run under each draw, and PRIM boxes of the draws where B is slower
             (--outcome slower, default: mean time to close with open cases, B − A above
             --above h, default 0) or costlier (--outcome costlier: annual cost, B − A above
             --above yuan/year), with coverage, density and bootstrap stability.
             [--draws M] (default 200) [--days D] (default 180) [--threshold T] (box density, default 0.8)
             [--markdown F] [--result F.json]`;

export async function discoverCommand(
  positionals: string[],
  values: {
    outcome?: string;
    above?: string;
    draws?: string;
    days?: string;
    threshold?: string;
    markdown?: string;
    result?: string;
  } & StudyRunValues,
): Promise<void> {
  const [aRef, bRef, ...files] = positionals;
  if (!aRef || !bRef)
    throw new UsageError(
      'discover: expected two structures, A and B (preset ids or scenario files), e.g. traditional-county longgang-2021',
    );
  const which = values.outcome ?? 'slower';
  if (which !== 'slower' && which !== 'costlier') throw new UsageError(`--outcome: expected "slower" or "costlier", got "${which}"`);
  const above = Number(values.above ?? 0);
  if (!Number.isFinite(above))
    throw new UsageError(`--above: expected a number (h for slower, yuan/year for costlier), got "${values.above}"`);
  const draws = Number(values.draws ?? 200);
  if (!Number.isInteger(draws) || draws < 20) throw new UsageError(`--draws: expected an integer ≥ 20, got "${values.draws}"`);
  const days = Number(values.days ?? 180);
  if (!(days > 0)) throw new UsageError(`--days: expected a positive number, got "${values.days}"`);
  const threshold = Number(values.threshold ?? 0.8);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold: expected a density in (0, 1], got "${values.threshold}"`);
  if (values.shard && (values.result || values.markdown))
    throw new UsageError('--result and --markdown: a shard has no result; give them to the --merge of the shards');
  const a = loadScenarioArg(aRef);
  const b = loadScenarioArg(bRef);
  const input = discoverExperiment({
    a: { scenario: a, label: aRef },
    b: { scenario: b, label: bRef === aRef ? `${bRef} (B)` : bRef },
    draws,
    days,
  });
  const plan = planExperiment(parseExperiment(input), (ref) => (ref.preset !== undefined ? presetJson(ref.preset) : ref.scenario));
  const out = await runStudyPlan(plan, values, files, { progress: true });
  if (!out) return;
  const result = discoverAnalysis(out, { ...NAMED_OUTCOMES[which], above }, { threshold });
  if (values.result) fs.writeFileSync(userPath(values.result), `${JSON.stringify(result, null, 1)}\n`);
  const md = discoverMarkdown(result);
  if (values.markdown) fs.writeFileSync(userPath(values.markdown), md);
  else console.log(md);
}
