/**
 * An experiment as data: the structures compared, replications, days, base seed, an
 * optional sweep over any number of parameters (a grid, a Latin hypercube or a list of
 * points), the metrics wanted at the end of each run and, optionally, as time series. This
 * module defines it (the zod schema, from which experiment-schema.ts writes the JSON Schema)
 * and validates it; design.ts turns it into design points, plan.ts into scenarios, jobs.ts
 * into runs, results.ts into summaries and paired differences.
 */
import { z } from 'zod';
import { DEFAULT_METRICS, METRIC_ID_HINT, metricInfo } from '../sim/observe/catalog.ts';
import { DEFAULT_SERIES_METRICS, SERIES_ID_HINT, seriesMetricInfo } from '../sim/observe/series.ts';
import { parsePath } from '../scenarios/path.ts';
import { formatPath, type ScenarioProblem } from '../scenarios/validate.ts';
import { assumptions, pathText } from '../scenarios/assumptions.ts';
import { POST_BASES, type PostBasis } from '../scenarios/parts.ts';

export const EXPERIMENT_VERSION = 1;

/** A parameter path, checked when the experiment is read so that every bad path is reported at once. */
const paramPath = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    try {
      parsePath(p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

function checkOverridePaths(overrides: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const p of Object.keys(overrides)) {
    try {
      parsePath(p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: [p], message: (e as Error).message });
    }
  }
}

const exactlyOne = (s: { preset?: string; file?: string; scenario?: unknown }) =>
  [s.preset, s.file, s.scenario].filter((x) => x !== undefined).length === 1;
const EXACTLY_ONE = 'expected exactly one of preset, file or scenario';
const refFields = {
  preset: z.string().optional().meta({ description: 'A preset id.' }),
  file: z.string().optional().meta({ description: 'A scenario file, relative to the experiment file (or, from code, to baseDir).' }),
  scenario: z.unknown().optional().meta({ description: 'A scenario given inline.' }),
};
const REF_ERROR = 'expected a preset id, or an object with one of preset, file or scenario';

/** Another scenario a part comes from: a preset id, or {"preset"}, {"file"} or {"scenario"}. */
const scenarioRef = z
  .union(
    [z.string().min(1).meta({ description: 'A preset id.' }), z.strictObject(refFields).refine(exactlyOne, { message: EXACTLY_ONE })],
    {
      error: REF_ERROR,
    },
  )
  .meta({ description: 'A preset id, or {"preset": …}, {"file": …} or {"scenario": …}.' });

/** A structure's parts taken from other scenarios (scenarios/parts.ts). */
const partsSchema = z
  .strictObject({
    resources: scenarioRef.optional().meta({
      description: 'Posts by kind of level (shared among this structure’s units as its own are), training, contract hours, post costs.',
    }),
    policy: scenarioRef
      .optional()
      .meta({ description: 'The platform, the centre, the reform levers, powers delegated, casework shares, burden, procedures.' }),
    calendars: scenarioRef.optional().meta({ description: 'Office hours, on-call cover, night and weekend rotas.' }),
    setting: scenarioRef
      .optional()
      .meta({ description: 'Population, demand, residents, the mechanisms’ assumptions, unit costs, targets (the same case domains).' }),
  })
  .meta({
    description:
      'Parts of the scenario taken from other presets or files: {"policy": "longgang-2021"} is the structure with Longgang 2021’s policy. The schema says which part every field belongs to (docs/scenarios.md, column "part").',
  });

/** Equal posts: the structure scaled to another's total posts. */
const equalPostsSchema = z
  .union(
    [
      z.string().min(1).meta({ description: 'A preset id.' }),
      z
        .strictObject({
          ...refFields,
          posts: z.enum(POST_BASES).default('all').meta({
            description:
              '"all": every post the structure places; "city": the city’s administrative and public-institution posts (编制) only, grid and community workers kept.',
          }),
        })
        .refine(exactlyOne, { message: EXACTLY_ONE }),
    ],
    { error: 'expected a preset id, or an object with one of preset, file or scenario (and posts: "all" or "city")' },
  )
  .meta({
    description:
      'Scale this structure’s posts to the total of another (a preset id, or {"preset"|"file"|"scenario", "posts": "all"|"city"}), every place keeping its share of the posts: a comparison at equal posts. Applied last, after the parts and overrides, before any sweep.',
  });

export const structureSchema = z
  .strictObject({
    label: z.string().min(1).optional().meta({ description: 'Name in results; defaults to the scenario id.' }),
    ...refFields,
    parts: partsSchema.optional(),
    overrides: z
      .record(z.string(), z.unknown())
      .superRefine(checkOverridePaths)
      .default({})
      .meta({ description: 'Parameter path → value, e.g. {"levels[community].staffPerUnit": 10}; applied after the parts.' }),
    equalPosts: equalPostsSchema.optional(),
  })
  .refine(exactlyOne, { message: EXACTLY_ONE });

/** A scenario reference as a structure's loader takes it: {preset}, {file} or {scenario}. */
export type ScenarioRef = { preset?: string; file?: string; scenario?: unknown };

/** A part's or equal posts' reference as the loader takes it (a preset id becomes {preset}), and the posts held equal. */
export function scenarioRefOf(ref: string | (ScenarioRef & { posts?: PostBasis })): { ref: ScenarioRef; posts: PostBasis } {
  if (typeof ref === 'string') return { ref: { preset: ref }, posts: 'all' };
  const { posts, ...rest } = ref;
  return { ref: rest, posts: posts ?? 'all' };
}

const sweepSchema = z
  .strictObject({
    param: paramPath.meta({ description: 'Parameter path, e.g. demand.casesPerResidentYear.' }),
    values: z.array(z.unknown()).min(1).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
    steps: z.number().int().min(2).max(1000).optional(),
  })
  .refine((s) => (s.values !== undefined) !== (s.from !== undefined && s.to !== undefined), {
    message: 'expected either values, or from and to (with steps in a grid)',
  });

const designSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('grid') }).meta({ description: 'Every combination of the sweep values (the default).' }),
    z
      .strictObject({
        type: z.literal('latin-hypercube'),
        points: z.number().int().min(2).max(10_000).meta({ description: 'Number of design points.' }),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1)
          .meta({ description: 'Seed of the design (not of the runs).' }),
      })
      .meta({
        description: 'A Latin hypercube over the sweep ranges: each parameter’s range cut into `points` strata, one point in each.',
      }),
    z
      .strictObject({
        type: z.literal('list'),
        points: z
          .array(z.record(z.string(), z.unknown()))
          .min(1)
          .max(10_000)
          .meta({ description: 'The design points, each a map of parameter path → value.' }),
      })
      .meta({ description: 'Design points listed one by one (the sweep is not used).' }),
  ])
  .meta({ description: 'How sweep parameters combine into design points.' });

const seriesSchema = z
  .strictObject({
    every: z.enum(['daily', 'weekly']).default('daily').meta({ description: 'One row per simulated day or week.' }),
    metrics: z
      .array(z.string())
      .min(1)
      .default(DEFAULT_SERIES_METRICS)
      .meta({ description: 'Series metric ids, e.g. open, closedInInterval, levels[community].queued.' }),
  })
  .meta({ description: 'Time series of every run, in tidy rows (structure, point, replication, seed, day, metric, value).' });

/** The emulator-based analysis (experiments/sensitivity-emulator.ts). */
export const emulatorSpecSchema = z
  .strictObject({
    points: z.number().int().min(20).max(5000).default(300).meta({
      description: 'Points of the maximin Latin hypercube over the assumptions; each runs every structure once, on its own seed.',
    }),
    heldOut: z
      .number()
      .min(0.1)
      .max(0.5)
      .default(0.2)
      .meta({ description: 'Share of the points held out to check each emulator (not trained on).' }),
    outputs: z
      .enum(['all', 'differences'])
      .default('all')
      .meta({ description: 'Emulate every metric of every structure and each difference from the first, or the differences only.' }),
    kernel: z.enum(['matern52', 'squared-exponential']).default('matern52'),
    baseSamples: z
      .number()
      .int()
      .min(64)
      .max(65_536)
      .default(1024)
      .meta({ description: 'Base sample N of the Saltelli design each emulator realisation is evaluated on.' }),
    realisations: z.number().int().min(4).max(500).default(40).meta({ description: 'Emulator realisations drawn for the intervals.' }),
    check: z
      .strictObject({
        minR2: z.number().min(0).max(1).default(0.9).meta({ description: 'Smallest held-out R² (against the runs, seed noise included).' }),
        coverage: z
          .tuple([z.number().min(0).max(1), z.number().min(0).max(1)])
          .default([0.85, 1])
          .meta({ description: 'Acceptable coverage of the 95% predictive intervals on the held-out runs.' }),
        maxErrorSd: z.number().positive().default(1.6).meta({ description: 'Largest standard deviation of the standardised errors.' }),
      })
      .prefault({})
      .meta({ description: 'What an emulator must show on the held-out runs before its indices are reported.' }),
  })
  .meta({ description: 'The emulator-based analysis (method "emulator").' });

/** The emulator block's defaults. */
export const EMULATOR_DEFAULTS: z.output<typeof emulatorSpecSchema> = emulatorSpecSchema.parse({});

/** Global sensitivity to the assumptions (experiments/sensitivity-run.ts). */
export const sensitivitySchema = z
  .strictObject({
    assumptions: z
      .union([z.literal('all'), z.array(z.string()).min(2)])
      .default('all')
      .meta({ description: 'Assumption ids to analyse (npm run scenario -- assumptions lists them), or "all".' }),
    morris: z
      .strictObject({
        trajectories: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .default(6)
          .meta({ description: 'Morris trajectories r: r(k + 1) runs per structure for k assumptions.' }),
        levels: z
          .number()
          .int()
          .min(2)
          .max(20)
          .refine((p) => p % 2 === 0, 'expected an even number')
          .default(4)
          .meta({ description: 'Grid levels p of each assumption’s range (even).' }),
      })
      .prefault({}),
    sobol: z
      .strictObject({
        top: z
          .number()
          .int()
          .min(2)
          .max(60)
          .default(8)
          .meta({ description: 'How many assumptions, ranked by Morris μ*, get Sobol indices.' }),
        n: z.number().int().min(4).max(100_000).default(32).meta({ description: 'Base sample size N: N(top + 2) runs per structure.' }),
      })
      .nullable()
      .prefault({})
      .meta({ description: 'Sobol indices of the assumptions that matter most; null for Morris screening only.' }),
    method: z.enum(['morris-sobol', 'emulator']).default('morris-sobol').meta({
      description:
        'morris-sobol: Morris screening, then Sobol indices from runs; emulator: a Gaussian-process emulator per output trained on a maximin design, checked on held-out runs, and Sobol indices of all the assumptions from it.',
    }),
    emulator: emulatorSpecSchema.optional(),
    bootstrap: z.number().int().min(10).max(100_000).default(1000).meta({ description: 'Bootstrap resamples for the intervals.' }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1)
      .meta({ description: 'Seed of the designs and the bootstrap (not of the runs).' }),
  })
  .meta({
    description: 'Global sensitivity to the assumptions: Morris screening, then Sobol indices (npm run experiment -- sensitivity).',
  });
export const experimentSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows (for editors).' }),
  experimentVersion: z.literal(EXPERIMENT_VERSION).default(EXPERIMENT_VERSION),
  name: z.string().default('experiment'),
  structures: z.array(structureSchema).min(1).max(20),
  replications: z.number().int().min(2).max(10_000).default(10),
  days: z.number().positive().max(36_500).default(365),
  warmupDays: z.number().min(0).max(36_500).optional().meta({
    description:
      'Days at the start of every run whose statistics are discarded (a warm-up: cases open when it ends are carried into the window measured). Default: a quarter of the run, at most 28 days. Each run’s summary also gives the MSER-5 truncation point of its open cases (stability.mserWarmupDays) to check it against.',
  }),
  baseSeed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  sweep: z.array(sweepSchema).max(50).default([]),
  design: designSchema.default({ type: 'grid' }),
  metrics: z
    .array(z.string())
    .min(1)
    .default(DEFAULT_METRICS)
    .meta({ description: 'End-of-run metric ids, e.g. hoursToClose.mean, levels[community].utilisation.' }),
  series: seriesSchema.optional(),
  uncertainty: z
    .strictObject({
      assumptions: z
        .union([z.literal('all'), z.array(z.string()).min(1)])
        .default('all')
        .meta({ description: 'Assumption ids to draw (see `npm run scenario -- assumptions`), or "all".' }),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1)
        .meta({ description: 'Seed of the draws (not of the runs).' }),
    })
    .optional()
    .meta({
      description:
        'Uncertainty over assumptions: replication k draws every named assumption from its range (a Latin hypercube over the replications) and applies the same draw to every structure, so intervals cover what is not known as well as chance, and differences stay paired.',
    }),
  sensitivity: sensitivitySchema.optional(),
  sequential: z
    .strictObject({
      relativeHalfWidth: z
        .number()
        .positive()
        .optional()
        .meta({ description: 'Stop when every metric’s 95% half-width is under this share of its mean.' }),
      halfWidth: z.record(z.string(), z.number().positive()).optional().meta({ description: 'Metric id → absolute half-width target.' }),
      maxReplications: z.number().int().min(2).max(10_000).default(200),
      batch: z.number().int().min(1).max(1000).default(10),
    })
    .optional(),
});
export type ExperimentInput = z.input<typeof experimentSchema>;
export type Experiment = z.output<typeof experimentSchema>;

export class ExperimentError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
    super(`experiment is not valid:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'ExperimentError';
    this.problems = problems;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** A zod issue as a sentence: what was expected and what was found. */
function issueProblem(i: z.core.$ZodIssue): ScenarioProblem {
  const input = (i as { input?: unknown }).input;
  let message = i.message;
  if (i.code === 'invalid_type')
    message = input === undefined ? `required: expected ${i.expected}` : `expected ${i.expected}, got ${describeValue(input)}`;
  else if (i.code === 'unrecognized_keys')
    message = `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  return { path: formatPath(i.path), message };
}

/**
 * Validate an experiment, filling defaults. `custom` names metrics computed by hooks in the
 * API (see `withMetricHooks`), which the file may then list beside the catalogue's.
 */
export function parseExperiment(input: unknown, custom: readonly string[] = []): Experiment {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ExperimentError([{ path: '', message: `expected an experiment object, got ${describeValue(input)}` }]);
  const r = experimentSchema.safeParse(input, { reportInput: true });
  const problems: ScenarioProblem[] = r.success ? [] : r.error.issues.map(issueProblem);
  // Metric ids are checked here, not in the schema, so that hooks' names are known.
  const raw = (input ?? {}) as { metrics?: unknown; series?: { metrics?: unknown } };
  const ids = (v: unknown): [number, string][] =>
    Array.isArray(v) ? v.flatMap((m, i): [number, string][] => (typeof m === 'string' ? [[i, m]] : [])) : [];
  for (const [i, m] of ids(raw.metrics))
    if (!metricInfo(m) && !custom.includes(m)) problems.push({ path: `metrics[${i}]`, message: `expected ${METRIC_ID_HINT}, got "${m}"` });
  for (const [i, m] of ids(raw.series?.metrics))
    if (!seriesMetricInfo(m) && !custom.includes(m))
      problems.push({ path: `series.metrics[${i}]`, message: `expected ${SERIES_ID_HINT}, got "${m}"` });
  if (!r.success) throw new ExperimentError(problems);
  if (r.data.warmupDays !== undefined && r.data.warmupDays >= r.data.days)
    problems.push({ path: 'warmupDays', message: `expected fewer days than the runs' ${r.data.days}, got ${r.data.warmupDays}` });
  const d = r.data.design;
  if (d.type === 'grid')
    r.data.sweep.forEach((sw, i) => {
      if (sw.values === undefined && sw.steps === undefined)
        problems.push({
          path: `sweep[${i}].steps`,
          message: 'required in a grid: expected the number of values from "from" to "to" (≥ 2)',
        });
    });
  if (d.type === 'latin-hypercube' && r.data.sweep.length === 0)
    problems.push({ path: 'sweep', message: 'a Latin hypercube needs at least one sweep parameter' });
  if (d.type === 'list' && r.data.sweep.length > 0)
    problems.push({ path: 'sweep', message: 'a listed design gives its points itself: leave sweep out' });
  const sens = r.data.sensitivity;
  if (sens && sens.assumptions !== 'all') {
    const known = new Set(assumptions().map((a) => a.id));
    sens.assumptions.forEach((id, i) => {
      if (!known.has(id))
        problems.push({
          path: `sensitivity.assumptions[${i}]`,
          message: `expected an assumption id (npm run scenario -- assumptions lists them), got "${id}"`,
        });
    });
  }
  const u = r.data.uncertainty;
  if (u) {
    const known = new Map(assumptions().map((a) => [a.id, a]));
    if (u.assumptions !== 'all')
      u.assumptions.forEach((id, i) => {
        if (!known.has(id))
          problems.push({
            path: `uncertainty.assumptions[${i}]`,
            message: `expected an assumption id (npm run scenario -- assumptions lists them), got "${id}"`,
          });
      });
    const drawn = u.assumptions === 'all' ? [...known.values()] : u.assumptions.flatMap((id) => known.get(id) ?? []);
    const swept = [...r.data.sweep.map((sw) => sw.param), ...(d.type === 'list' ? d.points.flatMap((pt) => Object.keys(pt)) : [])];
    for (const param of new Set(swept)) {
      const pattern = param.replace(/\[[^\]]*\]/g, '[]');
      const a = drawn.find((x) => x.paths.some((p) => pathText(p) === pattern));
      if (a)
        problems.push({
          path: 'uncertainty.assumptions',
          message: `"${param}" is swept and also drawn as the assumption "${a.id}": leave it out of uncertainty.assumptions (list the others)`,
        });
    }
  }
  if (problems.length > 0) throw new ExperimentError(problems);
  return r.data;
}

/** The warm-up an experiment's runs discard: as given, else a quarter of the run, at most 28 days. */
export function warmupOf(e: Pick<Experiment, 'days' | 'warmupDays'>): number {
  return e.warmupDays ?? Math.min(28, Math.floor(e.days / 4));
}
