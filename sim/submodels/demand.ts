/**
 * Demand: when problems arise, whose they are, and what each case needs.
 *
 * - One merged Poisson stream carries every resident's problems. Its rate is piecewise
 *   constant: fewer at night (nightStartMinute to nightEndMinute, 22:00–07:00 by default;
 *   the daily mean kept), multiplied by the shocks in
 *   force (sim/submodels/shocks.ts). A gap that would cross a boundary is redrawn from the
 *   boundary at the new rate, which is exact for a Poisson process.
 * - A share of residents (the first ids) raise problems more often than the others.
 * - A case's attributes are drawn the same way whatever the structure (common random
 *   numbers): field or not, difficulty z ~ Exp(λ) (Garicano), its domain; a hard case
 *   (z above collaborativeAbove) needs further domains, and z sets its type.
 * - A problem nobody reported may be found by a grid worker's patrol, or raised again by
 *   its resident later (sim/submodels/residents.ts).
 */
import type { Scenario } from '../../scenarios/schema.ts';
import { addWorkingMinutes, type CompiledCalendar } from '../kernel/calendar.ts';
import { COLLABORATIVE, DIFFICULT, GENERAL, popcount } from '../kernel/cases.ts';
import { MINUTES_PER_YEAR, type CompiledModel } from '../kernel/compile.ts';
import type { JobTable } from '../kernel/jobs.ts';
import { exp, exponential, type Random } from '../random/rng.ts';
import { demandMultiplierAt, nextShockBoundary } from './shocks.ts';

export interface DemandStreams {
  demand: Random;
  residents: Random;
  attributes: Random;
  difficulty: Random;
  patrol: Random;
}

export class Demand {
  /** Residents 0 … nFrequent−1 raise problems more often than the others. */
  readonly nFrequent: number;
  /** Chance that a problem comes from the frequent class. */
  private readonly pFrequent: number;
  /** Problems per minute at base rate (day–night and shocks multiply it). */
  private readonly ratePerMinute: number;
  private readonly dayFactor: number;
  private readonly nightFactor: number;
  /** The night, minutes after midnight (it may run past midnight). */
  private readonly nightStart: number;
  private readonly nightEnd: number;
  /** The problem rate now, and until when it holds. */
  private rateNow = 0;
  private rateUntil = -Infinity;
  /** Whether the time nextArrival() returned is an arrival (else a change of rate). */
  nextIsArrival = false;
  /** Share of field cases and difficulty multiplier now (shocks change them). */
  fieldShare: number;
  difficultyMultiplier = 1;
  /** Domains with positive weight: the most a case can need. */
  private readonly domainsWithWeight: number;
  private readonly targetCalendar: CompiledCalendar;
  private readonly difficultWorkMinutes: number;
  /** The close target of ordinary cases, in minutes. */
  private readonly closeMinutes: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly model: CompiledModel,
    private readonly rng: DemandStreams,
  ) {
    const P = scenario.population.residents;
    const d = scenario.demand;
    let nF = 0;
    for (let i = 0; i < P; i++) if (rng.residents() < d.frequentShare) nF++;
    this.nFrequent = nF;
    // casesPerResidentYear is the mean over residents; frequent ones raise frequentMultiplier
    // times as many as the others.
    const base = d.casesPerResidentYear / (1 + d.frequentShare * (d.frequentMultiplier - 1)) / MINUTES_PER_YEAR;
    const wF = nF * d.frequentMultiplier;
    this.pFrequent = wF / (wF + (P - nF));
    this.ratePerMinute = base * (wF + (P - nF));
    // Problems arise less at night: day and night factors keep the daily mean.
    this.nightStart = d.nightStartMinute;
    this.nightEnd = d.nightEndMinute;
    const nightHours = ((this.nightEnd - this.nightStart + 1440) % 1440) / 60;
    this.dayFactor = 24 / (24 - nightHours + nightHours * d.nightFactor);
    this.nightFactor = d.nightFactor * this.dayFactor;
    this.fieldShare = d.fieldShare;
    this.domainsWithWeight = scenario.domains.filter((x) => x.weight > 0).length;
    const targetCal = model.calendarNames.indexOf(scenario.targets.calendar);
    this.targetCalendar = model.calendars[targetCal];
    this.difficultWorkMinutes = scenario.targets.difficultWorkingDays * this.targetCalendar.dayLength;
    this.closeMinutes = scenario.targets.closeHours * 60;
  }

  /**
   * The time of the next event of the problem stream after `now`: an arrival (nextIsArrival)
   * or the boundary where the rate changes; Infinity if neither.
   */
  nextArrival(now: number): number {
    if (now >= this.rateUntil) {
      // The rate changes only at boundaries; recompute it when one is passed.
      this.rateNow = this.ratePerMinute * demandMultiplierAt(this.scenario, now) * this.hourFactor(now);
      this.rateUntil = this.nextRateBoundary(now);
    }
    const gap = this.rateNow > 0 ? exponential(1 / this.rateNow, this.rng.demand) : Infinity;
    this.nextIsArrival = now + gap < this.rateUntil;
    return this.nextIsArrival ? now + gap : this.rateUntil;
  }

  private nextRateBoundary(now: number): number {
    let b = nextShockBoundary(this.scenario, now);
    if (this.dayFactor !== this.nightFactor) {
      const day = Math.floor(now / 1440) * 1440;
      const m = now - day;
      const lo = Math.min(this.nightStart, this.nightEnd);
      const hi = Math.max(this.nightStart, this.nightEnd);
      const next = m < lo ? day + lo : m < hi ? day + hi : day + 1440 + lo;
      if (next < b) b = next;
    }
    return b;
  }

  private hourFactor(now: number): number {
    const m = now % 1440;
    const night = this.nightStart > this.nightEnd ? m >= this.nightStart || m < this.nightEnd : m >= this.nightStart && m < this.nightEnd;
    return night ? this.nightFactor : this.dayFactor;
  }

  /** Whose problem an arrival is, of `residents` residents (one draw of the demand stream). */
  pickResident(residents: number): number {
    const u = this.rng.demand();
    const nF = this.nFrequent;
    return u < this.pFrequent
      ? Math.floor((u / this.pFrequent) * nF)
      : nF + Math.floor(((u - this.pFrequent) / (1 - this.pFrequent)) * (residents - nF));
  }

  /** Draw the attributes of new case j: the same draws whatever the structure. */
  drawCase(jobs: JobTable, j: number): void {
    const a = this.rng.attributes;
    jobs.field[j] = a() < this.fieldShare ? 1 : 0;
    jobs.z[j] = exponential(1 / this.scenario.demand.difficultyRate, this.rng.difficulty) * this.difficultyMultiplier;
    jobs.domains[j] = 1 << pickDomain(this.model.domainCumWeights, a());
    this.classify(jobs, j);
  }

  /** Type from difficulty; a collaborative or difficult case draws the further domains it needs. */
  classify(jobs: JobTable, j: number): void {
    const d = this.scenario.demand;
    const z = jobs.z[j];
    jobs.type[j] = z > d.difficultAbove ? DIFFICULT : z > d.collaborativeAbove ? COLLABORATIVE : GENERAL;
    if (z > d.collaborativeAbove && popcount(jobs.domains[j]) < 2) {
      // Only hard cases draw more; z does not depend on the structure, so common random
      // numbers stay in step across structures.
      const a = this.rng.attributes;
      const cum = this.model.domainCumWeights;
      let mask = jobs.domains[j];
      const want = Math.min(2 + poissonFrom(d.collaborativeDomainsMean - 2, a()), this.domainsWithWeight);
      for (let i = 0; popcount(mask) < want && i < 1000; i++) mask |= 1 << pickDomain(cum, a());
      jobs.domains[j] = mask;
    }
  }

  /** The deadline of a case of `type` created at `created`: 5 working days for difficult ones, else the close target. */
  deadline(type: number, created: number): number {
    return type === DIFFICULT ? addWorkingMinutes(this.targetCalendar, created, this.difficultWorkMinutes) : created + this.closeMinutes;
  }

  /**
   * What becomes of a problem nobody reported: minutes until a patrol finds it and until its
   * resident raises it again (Infinity for never). Patrol draws first, then resurfacing.
   */
  unreportedFate(): { found: number; back: number } {
    const s = this.scenario;
    const patrol = s.levels[0].patrol;
    const rng = this.rng.patrol;
    const found = rng() < patrol.discoveryProb ? exponential(patrol.meanMinutes, rng) : Infinity;
    const back = s.mechanisms.residentsRespond ? exponential(s.residents.resurfaceMeanDays * 1440, rng) : Infinity;
    return { found, back };
  }
}

function pickDomain(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cum[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Poisson(mean) by inversion of one uniform, so a case always uses the same number of draws. */
function poissonFrom(mean: number, u: number): number {
  if (mean <= 0) return 0;
  let k = 0;
  let p = exp(-mean);
  let cdf = p;
  while (u > cdf && k < 64) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
