/**
 * The JSON Schema of scenarios, generated from the one schema (scenarios/schema.ts), so
 * editors can validate and complete scenario files. `npm run scenario -- schema --write`
 * refreshes scenarios/scenario.schema.json; a test keeps it current.
 */
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const body = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...body,
    $id: `https://flatgov.invalid/scenario.v${SCHEMA_VERSION}.schema.json`,
    title: `flatgov scenario, schema version ${SCHEMA_VERSION}`,
    description:
      'A governance structure and its demand for flatgov. Every number states its unit, range and default; fields with defaults may be left out.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
