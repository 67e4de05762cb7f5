/**
 * Analysis methods above the simulation: emulator-based sensitivity, scenario discovery and
 * optimisation under noise. Pure functions of their inputs and a seeded random stream;
 * they run in Node, Deno and the browser. See README.md beside this file.
 */
export { seeded, type Random } from './random.ts';
export { checkDimensions, fromUnit, named, toUnit, type Dimension } from './dimensions.ts';
export { latinHypercube, maximinLatinHypercube, type MaximinDesign } from './design.ts';
export { fitEmulator, restoreEmulator, type Emulator, type EmulatorOptions, type GpModel, type Prediction } from './emulator.ts';
export {
  checkHeldOut,
  checkLeaveOneOut,
  requirePassed,
  EmulatorCheckFailed,
  type CheckCriteria,
  type EmulatorCheck,
} from './emulator-check.ts';
export { saltelliDesign, sobolBootstrap, sobolFromValues } from './sobol.ts';
export { emulatorSobol, type EmulatorSobolOptions, type EmulatorSobolResult, type IndexEstimate } from './sobol-emulator.ts';
export { prim, rowsInBox, type Limit, type PrimBox, type PrimColumn, type PrimOptions, type PrimResult, type PrimStep } from './prim.ts';
export { primStability, type PrimStability, type StabilityOptions } from './prim-stability.ts';
export { createCmaes, type Cmaes, type CmaesOptions } from './cmaes.ts';
export {
  optimise,
  type DesignReport,
  type Evaluate,
  type OptimiseOptions,
  type OptimiseResult,
  type Outcome,
  type Run,
} from './optimise.ts';
export { nonDominated, paretoFront, type ParetoDesign, type ParetoOptions, type ParetoOutcome, type ParetoResult } from './pareto.ts';
export { meanInterval, type Interval } from './stats.ts';
