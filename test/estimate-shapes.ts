/**
 * Extreme shapes of scenario for checking the compute estimates (sim/compute-budget.ts)
 * against what runs measure: each stretches one thing the estimate must cover — offices,
 * residents, problems, returns, unreported problems, repeat contacts, collaborative parts,
 * snapshots, calendars, length. test/compute-budget.test.ts runs each in a process of its
 * own (test/estimate-run.ts) and compares its peak RSS and events with the estimate.
 */
import { presetJson } from '../scenarios/presets.ts';

// Scenario JSON edited freely, field by field, as a user would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface Shape {
  name: string;
  days: number;
  /** Snapshot interval in minutes (default one day). */
  snapshotEveryMinutes?: number;
  build(): Json;
}

const preset = (): Json => presetJson('longgang-2021') as Json;
const quiet = (s: Json, residents = 1000): Json => {
  s.population = { ...s.population, residents, microGrids: Math.min(s.population.microGrids, residents) };
  return s;
};
const level = (s: Json, i: number, over: Json): Json => ({ ...s.levels[Math.min(i, s.levels.length - 1)], ...over });

export const SHAPES: Shape[] = [
  {
    name: '12 levels of 1,000,000 offices',
    days: 2,
    build: () => {
      const s = quiet(preset());
      s.levels = Array.from({ length: 12 }, (_, i) => level(s, i, { id: `l${i}`, name: `level ${i}`, units: 1_000_000, staffPerUnit: 1 }));
      return s;
    },
  },
  {
    name: 'one level of 1,000,000 offices, 200 departments',
    days: 5,
    build: () => {
      const s = quiet(preset(), 50_000);
      s.levels = [level(s, 0, { units: 1_000_000 })];
      s.departments = Array.from({ length: 200 }, (_, i) => ({
        ...s.departments[i % s.departments.length],
        id: `d${i}`,
        name: `department ${i}`,
      }));
      return s;
    },
  },
  {
    name: '20 million residents, little demand',
    days: 5,
    build: () => {
      const s = preset();
      s.population = { ...s.population, residents: 20_000_000, microGrids: 1_000_000 };
      s.demand = { ...s.demand, casesPerResidentYear: 0.001 };
      return s;
    },
  },
  {
    name: '20 million residents, 2 problems a year each',
    days: 3,
    build: () => {
      const s = preset();
      s.population = { ...s.population, residents: 20_000_000 };
      s.demand = { ...s.demand, casesPerResidentYear: 2 };
      return s;
    },
  },
  {
    name: 'overloaded: 100 problems a resident a year',
    days: 6,
    build: () => {
      const s = preset();
      s.demand = { ...s.demand, casesPerResidentYear: 100 };
      return s;
    },
  },
  {
    name: 'every hand-off returned nine times in ten',
    days: 20,
    build: () => {
      const s = preset();
      s.levels = s.levels.map((l: Json) => ({ ...l, forward: { ...l.forward, returnProb: 0.9, lostProb: 0 } }));
      s.platform = { ...s.platform, returnProb: 0.9, lostProb: 0 };
      return s;
    },
  },
  {
    name: 'nothing reported, resurfacing every quarter hour',
    days: 10,
    build: () => {
      const s = quiet(preset(), 20_000);
      s.residents = { ...s.residents, silentBase: 1, silentLowTrust: 0, bypassBase: 0, bypassLowTrust: 0, resurfaceMeanDays: 0.01 };
      s.levels = s.levels.map((l: Json) => ({ ...l, patrol: { discoveryProb: 0, meanMinutes: 1440 } }));
      return s;
    },
  },
  {
    name: 'no trust, every overdue case called about daily',
    days: 120,
    build: () => {
      const s = preset();
      s.residents = { ...s.residents, initialTrust: 0, repeatContactPerDay: 1, waitingTrustPerDay: 1 };
      return s;
    },
  },
  {
    name: 'every case collaborative across 30 domains',
    days: 10,
    build: () => {
      const s = preset();
      s.domains = Array.from({ length: 30 }, (_, i) => ({ id: `dom${i}`, name: `domain ${i}`, weight: 1 }));
      s.departments = s.departments.map((d: Json, i: number) => ({
        ...d,
        domains: s.domains.filter((_: Json, k: number) => k % s.departments.length === i).map((x: Json) => x.id),
      }));
      s.demand = { ...s.demand, collaborativeAbove: 0, difficultAbove: 0, collaborativeDomainsMean: 30 };
      return s;
    },
  },
  {
    name: 'a century of a small town',
    days: 36_500,
    build: () => quiet(preset(), 2000),
  },
  {
    name: 'a snapshot every minute for a month',
    days: 30,
    snapshotEveryMinutes: 1,
    build: () => quiet(preset(), 5000),
  },
  {
    name: 'a million micro-grids, a million residents',
    days: 5,
    build: () => {
      const s = preset();
      s.population = { ...s.population, residents: 1_000_000, microGrids: 1_000_000 };
      return s;
    },
  },
];
