/**
 * The JSON Schema of scenarios, generated from the one schema (scenarios/schema.ts), so
 * editors can validate and complete scenario files. `npm run scenario -- schema --write`
 * refreshes scenarios/scenario.schema.json (shipped in the package as
 * `flatgov/scenario.schema.json`); a test keeps it current. A file names it in `$schema`.
 */
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const body = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = body.properties as Record<string, unknown>;
  return {
    ...body,
    properties: { $schema: SCHEMA_PROPERTY, ...properties },
    title: `flatgov scenario, schema version ${SCHEMA_VERSION}`,
    description:
      'A governance structure and its demand for flatgov. Every number states its unit, range and default; fields with defaults may be left out.',
  };
}

/** The `$schema` line a file may carry so that editors find its schema. */
export const SCHEMA_PROPERTY = {
  type: 'string',
  description: 'The JSON Schema this file follows, for editors, e.g. "./node_modules/flatgov/scenarios/scenario.schema.json".',
};

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
