/** The compute budget of runs on this machine (time and memory): the default, or less where memory is short. */
import os from 'node:os';
import { DEFAULT_BUDGET, type Budget } from '../sim/compute-budget.ts';

export function budgetOfMachine(): Budget {
  return { ...DEFAULT_BUDGET, bytes: Math.min(DEFAULT_BUDGET.bytes, 0.6 * os.totalmem()) };
}
