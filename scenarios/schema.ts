/**
 * The scenario schema: the one source of truth for every parameter of flatgov.
 *
 * Each number carries its unit, default, range and a one-line description in its
 * metadata (`.meta({ unit, description })`), from which validation messages, the JSON
 * Schema file and the app's controls are all derived. Defaults marked ASSUMPTION are not
 * in the source documents (see docs/ODD.md); each says why it was chosen.
 */
import { z } from 'zod';

/**
 * Current schema version. A scenario written for version 1 is migrated (scenarios/migrate.ts,
 * with a note of every change); one written for another version is refused by name.
 */
export const SCHEMA_VERSION = 2;

export { bool, calendarSchema, dur, durationSchema, id, num, staffedUnit } from './schema/fields.ts';
export type { AssumptionRange, Calendar, Duration, FieldMeta } from './schema/fields.ts';
export { competenceSchema, levelSchema, type Level } from './schema/levels.ts';
export { departmentSchema, domainSchema, type Department } from './schema/departments.ts';
export { shockSchema, type Shock } from './schema/shocks.ts';
export { leversSchema, type Levers } from './schema/levers.ts';
export { demandSchema, populationSchema } from './schema/demand.ts';
export { residentsSchema } from './schema/residents.ts';
export { centreSchema, hotlineSchema, platformSchema } from './schema/offices.ts';
export { mechanismsSchema } from './schema/mechanisms.ts';
export { costSchema } from './schema/cost.ts';
import { calendarSchema, id, num } from './schema/fields.ts';
import { levelSchema } from './schema/levels.ts';
import { departmentSchema, domainSchema } from './schema/departments.ts';
import { shockSchema } from './schema/shocks.ts';
import { leversSchema } from './schema/levers.ts';
import { demandSchema, populationSchema } from './schema/demand.ts';
import { residentsSchema } from './schema/residents.ts';
import { centreSchema, hotlineSchema, platformSchema } from './schema/offices.ts';
import { mechanismsSchema } from './schema/mechanisms.ts';
import { costSchema } from './schema/cost.ts';

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'Version of the scenario schema.' }),
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    nameZh: z.string().optional().meta({ description: 'Display name in Chinese.' }),
    description: z.string().default('').meta({ description: 'What this structure is.' }),
    descriptionZh: z.string().optional().meta({ description: 'What this structure is, in Chinese (the app falls back to English).' }),
    notes: z.string().default('').meta({ description: 'Calibration notes: what the preset reaches and what it does not.' }),
    notesZh: z.string().optional().meta({ description: 'Calibration notes in Chinese (the app falls back to English).' }),
    sources: z
      .array(z.strictObject({ param: z.string(), seed: z.string(), fact: z.string(), factZh: z.string().optional() }))
      .default([])
      .meta({ description: 'Calibrated parameters with the seed document and fact they come from (factZh: the fact in Chinese).' }),
    assumptions: z
      .array(z.strictObject({ param: z.string(), reasoning: z.string(), reasoningZh: z.string().optional() }))
      .default([])
      .meta({ description: 'Parameters no source gives, each with its reasoning.' }),
    population: populationSchema,
    demand: demandSchema,
    domains: z.array(domainSchema).min(1).max(30).meta({ description: 'Case domains (at most 30).' }),
    residents: residentsSchema,
    calendars: z
      .record(id, calendarSchema)
      .default({
        office: { start: 510, end: 1050, days: [0, 1, 2, 3, 4] },
        grid: { start: 480, end: 1200, days: [0, 1, 2, 3, 4, 5, 6] },
        always: { start: 0, end: 1440, days: [0, 1, 2, 3, 4, 5, 6] },
      })
      .meta({ description: 'Named working calendars.' }),
    levels: z.array(levelSchema).min(1).max(12).meta({ description: 'Levels from the bottom (grid) up, below the departments.' }),
    departments: z.array(departmentSchema).max(200).meta({ description: 'City departments.' }),
    centre: centreSchema,
    hotline: hotlineSchema,
    platform: platformSchema,
    travel: z
      .strictObject({
        speedKmh: num('Travel speed to field cases on the street grid. ASSUMPTION.', 'km/h', 20, 0.1, 200, {
          a: { range: [12, 30], reasoning: '12–30 km/h: scooter or car in town traffic.' },
        }),
      })
      .default({ speedKmh: 20 }),
    targets: z
      .strictObject({
        acceptMinutes: num('Non-field cases accepted within (004: 30 minutes).', 'min', 30, 0, 1e6),
        onsiteMinutes: num('Field cases on site within (004: 1 hour).', 'min', 60, 0, 1e6),
        closeHours: num('Cases closed with feedback within (004: 24 hours).', 'h', 24, 0, 1e6),
        difficultWorkingDays: num('Difficult cases closed within (004: 5 working days).', 'working days', 5, 0, 1000),
        calendar: z.string().default('office').meta({ description: 'Calendar that defines a working day.' }),
      })
      .prefault({}),
    shocks: z.array(shockSchema).default([]).meta({ description: 'Time-bounded surges and absences.' }),
    mechanisms: mechanismsSchema,
    cost: costSchema,
    otherCostsYuan: num(
      'Other annual costs of the structure not tied to posts or offices (e.g. services bought from social organisations).',
      'yuan/year',
      0,
      0,
      1e12,
    ),
    levers: leversSchema.prefault({}),
  })
  .superRefine(checkConsistency);

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

function checkConsistency(s: z.output<z.ZodObject<any>> & Record<string, any>, ctx: z.RefinementCtx) {
  const sc = s as unknown as Scenario;
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const calendars = new Set(Object.keys(sc.calendars));
  const checkCal = (path: (string | number)[], name: string) => {
    if (!calendars.has(name)) issue(path, `expected one of the calendars ${[...calendars].join(', ')}, got "${name}"`);
  };
  for (const [name, c] of Object.entries(sc.calendars)) {
    if (c.end <= c.start) issue(['calendars', name, 'end'], `expected end (${c.end} min) after start (${c.start} min)`);
    if (c.days.length === 0) issue(['calendars', name, 'days'], 'expected at least one working day');
  }
  const ids = new Map<string, string>();
  const unique = (path: (string | number)[], v: string) => {
    if (ids.has(v)) issue(path, `expected a unique id, but "${v}" is also used at ${ids.get(v)}`);
    else ids.set(v, path.join('.'));
  };
  let prev = -Infinity;
  sc.levels.forEach((l, i) => {
    unique(['levels', i, 'id'], l.id);
    checkCal(['levels', i, 'calendar'], l.calendar);
    const staff = l.staffPerUnit + l.cadresPerUnit;
    if (staff === 0 && i === 0) issue(['levels', 0, 'staffPerUnit'], 'expected staff > 0 at the bottom level, which takes cases in');
    if (staff > 0 && staff * l.caseworkShare < 0.5)
      issue(
        ['levels', i, 'staffPerUnit'],
        `expected (staffPerUnit + cadresPerUnit) × caseworkShare ≥ 0.5 (at least one case worker), got ${staff * l.caseworkShare}`,
      );
    if (l.competence) {
      // Computed from resources (sim/submodels/competence.ts): finite, and never below the level below's.
      if (l.threshold !== null)
        issue(['levels', i, 'threshold'], 'expected null when `competence` is given (the threshold is computed from resources)');
      return;
    }
    const z = l.threshold ?? Infinity;
    if (z < prev) issue(['levels', i, 'threshold'], `expected a competence threshold ≥ the level below's (${prev}), got ${z}`);
    if (staff === 0 && z > prev && i > 0)
      issue(['levels', i, 'threshold'], `a level with no staff cannot resolve cases: expected threshold ≤ ${prev} (the level below's)`);
    prev = z;
    if (z === Infinity && i < sc.levels.length - 1)
      issue(['levels', i, 'threshold'], 'only the top level may have no competence limit (null), or give it a `competence` block');
  });
  const top = sc.levels[sc.levels.length - 1];
  const lastUnlimited = top !== undefined && top.competence === null && top.threshold === null;
  if (sc.departments.length === 0 && !lastUnlimited)
    issue(
      ['departments'],
      'expected at least one department, or a top level with no competence limit (threshold null, no competence block)',
    );
  if (sc.departments.length > 0 && lastUnlimited && sc.levels.length > 0)
    issue(
      ['levels', sc.levels.length - 1, 'threshold'],
      'expected a finite threshold or a `competence` block below the departments (null means the level resolves everything)',
    );
  const domainIds = new Set<string>();
  sc.domains.forEach((d, i) => {
    unique(['domains', i, 'id'], d.id);
    domainIds.add(d.id);
  });
  if (sc.domains.every((d) => d.weight === 0)) issue(['domains'], 'expected at least one domain with weight > 0');
  const covered = new Set<string>();
  sc.departments.forEach((d, i) => {
    unique(['departments', i, 'id'], d.id);
    checkCal(['departments', i, 'calendar'], d.calendar);
    d.domains.forEach((dom, j) => {
      if (!domainIds.has(dom)) issue(['departments', i, 'domains', j], `expected a domain id (${[...domainIds].join(', ')}), got "${dom}"`);
      covered.add(dom);
    });
  });
  if (sc.departments.length > 0)
    for (const [i, d] of sc.domains.entries())
      if (!covered.has(d.id)) issue(['domains', i], `domain "${d.id}" is covered by no department`);
  for (const lever of ['oneSeal', 'oneEnforcement'] as const)
    if (sc.levers[lever].enabled)
      sc.levers[lever].domains.forEach((d, i) => {
        if (!domainIds.has(d)) issue(['levers', lever, 'domains', i], `expected a domain id (${[...domainIds].join(', ')}), got "${d}"`);
      });
  checkCal(['centre', 'calendar'], sc.centre.calendar);
  checkCal(['hotline', 'calendar'], sc.hotline.calendar);
  checkCal(['targets', 'calendar'], sc.targets.calendar);
  if (sc.centre.enabled && sc.centre.staff * sc.centre.caseworkShare < 0.5)
    issue(['centre', 'staff'], 'expected at least one case worker (staff × caseworkShare ≥ 0.5) when the centre is enabled');
  const r = sc.residents;
  if (r.bypassBase + r.bypassLowTrust > 1)
    issue(['residents', 'bypassLowTrust'], `expected bypassBase + bypassLowTrust ≤ 1 (a chance), got ${r.bypassBase + r.bypassLowTrust}`);
  if (r.silentBase + r.silentLowTrust > 1)
    issue(['residents', 'silentLowTrust'], `expected silentBase + silentLowTrust ≤ 1 (a chance), got ${r.silentBase + r.silentLowTrust}`);
  const targets = new Set([...sc.levels.map((l) => l.id), ...sc.departments.map((d) => d.id), 'centre', 'hotline']);
  sc.shocks.forEach((sh, i) =>
    sh.appliesTo.forEach((t, j) => {
      if (!targets.has(t)) issue(['shocks', i, 'appliesTo', j], `expected a level or department id, "centre" or "hotline", got "${t}"`);
    }),
  );
}
