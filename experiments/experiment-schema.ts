/**
 * The JSON Schema of experiment files, generated from the experiment schema, so editors
 * can validate and complete them; a structure's inline `scenario` refers to the scenario
 * schema beside it. `npm run scenario -- schema --experiment --write` refreshes
 * scenarios/experiment.schema.json (in the package: `flatgov/experiment.schema.json`).
 */
import { z } from 'zod';
import { EXPERIMENT_VERSION, experimentSchema } from './experiment.ts';

export function experimentJsonSchema(): Record<string, unknown> {
  const body = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  const structure = body.properties?.structures?.items;
  const inline = { $ref: './scenario.schema.json', description: 'A scenario given inline.' };
  if (structure?.properties?.scenario) structure.properties.scenario = inline;
  // The scenarios a structure's parts and equal posts name may be inline too.
  const refs = [...Object.values(structure?.properties?.parts?.properties ?? {}), structure?.properties?.equalPosts];
  for (const r of refs as { anyOf?: { properties?: Record<string, unknown> }[] }[])
    for (const option of r?.anyOf ?? []) if (option.properties?.scenario) option.properties.scenario = inline;
  return {
    ...body,
    title: `flatgov experiment, version ${EXPERIMENT_VERSION}`,
    description:
      'Structures compared on common random numbers: replications, days, base seed, a sweep (grid, Latin hypercube or listed points), end-of-run metrics and time series.',
  };
}

export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
}
