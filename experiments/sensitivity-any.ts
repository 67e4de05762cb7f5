/**
 * Either kind of sensitivity analysis, by the spec's method: Morris screening then Sobol
 * indices from runs (sensitivity-run.ts), or Sobol indices from emulators
 * (sensitivity-emulator.ts). The shards, the merge and the command line go through here.
 */
import type { Plan } from './plan.ts';
import { analyseEmulatorSensitivity, isEmulatorResult, type EmulatorSensitivityResult } from './sensitivity-emulator.ts';
import { emulatorMarkdown, refusalSummary } from './sensitivity-emulator-report.ts';
import { analyseSensitivity, type PhaseRunner, type SensitivityResult, type SensitivitySpec } from './sensitivity-run.ts';
import { sensitivityMarkdown } from './sensitivity-report.ts';

export type AnySensitivityResult = SensitivityResult | EmulatorSensitivityResult;

export function analyseAnySensitivity(plan: Plan, spec: SensitivitySpec, runPhase: PhaseRunner): Promise<AnySensitivityResult> {
  return spec.method === 'emulator' ? analyseEmulatorSensitivity(plan, spec, runPhase) : analyseSensitivity(plan, spec, runPhase);
}

/** The result's tables as Markdown. */
export function anySensitivityMarkdown(r: AnySensitivityResult): string {
  return isEmulatorResult(r) ? emulatorMarkdown(r) : sensitivityMarkdown(r);
}

/** Why some outputs have no indices (an emulator-based analysis whose emulators failed their check), or undefined. */
export function anyRefusal(r: AnySensitivityResult): string | undefined {
  return isEmulatorResult(r) ? refusalSummary(r) : undefined;
}
