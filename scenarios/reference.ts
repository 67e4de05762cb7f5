/**
 * Reference scenarios for validation: a single M/M/c queue and a feed-forward chain of
 * them, expressed as ordinary scenarios (no trust feedback, no bypass, no calendar).
 */
import type { ScenarioInput } from './schema.ts';

export interface QueueSpec {
  servers: number;
  arrivalsPerHour: number;
  serviceMinutes: number;
}

const RESIDENTS = 10_000;

/** Problems per resident a year giving `perHour` arrivals in all. */
export function ratePerResident(perHour: number, residents = RESIDENTS): number {
  return (perHour * 24 * 365) / residents;
}

const plainDemand = (perHour: number) => ({
  casesPerResidentYear: ratePerResident(perHour),
  frequentShare: 0,
  fieldShare: 0,
  nightFactor: 1,
  collaborativeWork: 1,
  difficultWork: 1,
});

const plainResidents = { feedback: false, bypassBase: 0, bypassLowTrust: 0, silentBase: 0, silentLowTrust: 0 };

/** Rules that would change a queue of the theory: no escalation of overdue cases, no hurrying. */
const plainMechanisms = { escalateOverdue: false, hurry: false };

/** One level with one office of c servers, exponential service, open all the time. */
export function referenceQueue(q: QueueSpec): ScenarioInput {
  return {
    schemaVersion: 2,
    id: 'reference-queue',
    name: `M/M/${q.servers}`,
    population: { residents: RESIDENTS, microGrids: 1, areaKm2: 1 },
    demand: plainDemand(q.arrivalsPerHour),
    residents: plainResidents,
    mechanisms: plainMechanisms,
    domains: [{ id: 'all', name: 'All' }],
    levels: [
      {
        id: 'desk',
        name: 'Desk',
        kind: 'community',
        units: 1,
        staffPerUnit: q.servers,
        caseworkShare: 1,
        calendar: 'always',
        // A server of the theory, on duty all week (not a post working its contract hours).
        contractHoursPerWeek: 168,
        threshold: null,
        solve: { dist: 'exp', mean: q.serviceMinutes },
      },
    ],
    departments: [],
  };
}

export interface ChainStage {
  servers: number;
  serviceMinutes: number;
  /** Competence threshold; null for the top. */
  threshold: number | null;
}

/**
 * A chain of single-office levels: each resolves cases up to its threshold and passes the
 * rest up with no delay and no loss; the same exponential service whether it resolves or
 * passes on, so each stage is an M/M/c queue of a Jackson network.
 */
export function referenceChain(arrivalsPerHour: number, stages: ChainStage[], difficultyRate = 1): ScenarioInput {
  return {
    schemaVersion: 2,
    id: 'reference-chain',
    name: 'Jackson chain',
    population: { residents: RESIDENTS, microGrids: 1, areaKm2: 1 },
    demand: { ...plainDemand(arrivalsPerHour), difficultyRate },
    residents: plainResidents,
    mechanisms: plainMechanisms,
    domains: [{ id: 'all', name: 'All' }],
    levels: stages.map((s, i) => ({
      id: `stage-${i}`,
      name: `Stage ${i}`,
      kind: i === 0 ? 'grid' : i === 1 ? 'community' : 'intermediate',
      units: 1,
      staffPerUnit: s.servers,
      caseworkShare: 1,
      calendar: 'always',
      contractHoursPerWeek: 168,
      threshold: s.threshold,
      solve: { dist: 'exp', mean: s.serviceMinutes },
      examine: { dist: 'exp', mean: s.serviceMinutes },
      travel: false,
      forward: { delay: { dist: 'fixed', mean: 0 }, returnProb: 0, lostProb: 0 },
    })) as ScenarioInput['levels'],
    departments: [],
  };
}
