import { simulate, mmcMeanWait } from '../sim/index.ts';
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
const t = performance.now();
const r = simulate(mmc, { seed: 1, days: 200000/4.5/24, snapshotEveryMinutes: 0 });
const ms = performance.now() - t;
console.log(JSON.stringify(r.summary.cases), r.summary.events, ms.toFixed(0), 'ms', (r.summary.events / ms / 1000).toFixed(2), 'M ev/s');
console.log('Wq theory (h)', mmcMeanWait(5, 4.5, 1), 'sim accept', r.summary.hoursToAccept.mean, 'close', r.summary.hoursToClose.mean, r.summary.littlesLaw);
console.log(r.summary.levels);
for (let k = 0; k < 3; k++) {
  const t2 = performance.now();
  const r2 = simulate(mmc, { seed: 2 + k, days: 200000/4.5/24, snapshotEveryMinutes: 0 });
  const ms2 = performance.now() - t2;
  console.log((r2.summary.events / ms2 / 1000).toFixed(2), 'M ev/s', r2.summary.hoursToAccept.mean);
}
