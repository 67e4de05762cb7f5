import { createSimulation } from '../sim/index.ts';
const mmc = {
  schemaVersion: 1, id: 'mmc', name: 'M/M/5',
  population: { residents: 1000, microGrids: 1, areaKm2: 1 },
  demand: { casesPerResidentYear: 4.5 * 24 * 365 / 1000, frequentShare: 0, fieldShare: 0, collaborativeWork: 1, difficultWork: 1 },
  residents: { feedback: false, bypassBase: 0, bypassLowTrust: 0, silentBase: 0, silentLowTrust: 0 },
  domains: [{ id: 'all', name: 'All' }],
  levels: [{ id: 'desk', name: 'Desk', kind: 'community', units: 1, staffPerUnit: 5, caseworkShare: 1, calendar: 'always', threshold: null,
    solve: { dist: 'exp', mean: 60 } }],
  departments: [],
};
for (let k = 0; k < 5; k++) {
  const sim = createSimulation(mmc, { seed: k, snapshotEveryMinutes: 0 });
  const t = performance.now();
  sim.advanceTo(200000/4.5*60);
  const ms = performance.now() - t;
  const t2 = performance.now(); const s = sim.summary(); const ms2 = performance.now() - t2;
  console.log((sim.engine.events / ms / 1000).toFixed(2), 'M ev/s loop', ms.toFixed(0), 'ms; summary', ms2.toFixed(0), 'ms', s.hoursToAccept.mean.toFixed(3));
}
