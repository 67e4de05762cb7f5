/**
 * The service targets (004): non-field cases accepted within 30 minutes, field cases on site
 * within an hour, non-field cases closed with feedback within 24 hours, difficult cases closed
 * within 5 working days. One list, in the order every table and column uses.
 */
import { DIFFICULT } from '../kernel/cases.ts';
import type { JobArrays } from '../kernel/state.ts';

export const SLA_KEYS = ['accept30m', 'onsite1h', 'close24h', 'difficult5wd'] as const;
export type SlaKey = (typeof SLA_KEYS)[number];
/** Share of due cases that met each target. */
export type Sla = Record<SlaKey, number>;

const ACCEPT = 0;
const ONSITE = 1;
const CLOSE = 2;
const DIFFICULT_5WD = 3;

export interface TargetTimes {
  acceptMinutes: number;
  onsiteMinutes: number;
}

/**
 * Count case j against the targets into met/due (indexed as SLA_KEYS). A case counts once it is
 * due: when it is done or lost, or when it is still open past the target; a lost or overdue
 * case is a miss. `times` receives the hours to acceptance and to arrival on site of cases that
 * ended (when given).
 */
export function recordTargets(
  jobs: JobArrays,
  j: number,
  now: number,
  status: 'closed' | 'lost' | 'open',
  met: Float64Array,
  due: Float64Array,
  t: TargetTimes,
  times?: { accept(h: number): void; onsite(h: number): void },
): void {
  const created = jobs.created[j];
  const field = jobs.field[j] === 1;
  const finished = status !== 'open';
  if (!field) {
    const acc = jobs.accepted[j];
    if (acc >= 0) {
      due[ACCEPT]++;
      if (acc - created <= t.acceptMinutes) met[ACCEPT]++;
      if (finished) times?.accept((acc - created) / 60);
    } else if (status === 'lost' || now - created > t.acceptMinutes) due[ACCEPT]++;
  } else {
    const on = jobs.onsite[j];
    if (on >= 0 && on <= now) {
      due[ONSITE]++;
      if (on - created <= t.onsiteMinutes) met[ONSITE]++;
      if (finished) times?.onsite((on - created) / 60);
    } else if (status === 'lost' || now - created > t.onsiteMinutes) due[ONSITE]++;
  }
  const key = jobs.type[j] === DIFFICULT ? DIFFICULT_5WD : field ? -1 : CLOSE;
  if (key < 0) return;
  const deadline = jobs.deadline[j];
  if (status === 'closed') {
    due[key]++;
    if (now <= deadline) met[key]++;
  } else if (status === 'lost' || now > deadline) due[key]++;
}

/** Shares met of each target (NaN where none was due). */
export function slaShares(met: Float64Array, due: Float64Array): Sla {
  const out = {} as Sla;
  SLA_KEYS.forEach((k, i) => (out[k] = due[i] > 0 ? met[i] / due[i] : NaN));
  return out;
}
