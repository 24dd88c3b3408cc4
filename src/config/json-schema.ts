import { toJsonSchema } from '@valibot/to-json-schema';
import { RoutingFile } from './schema';

/** Where the exported schema lives: outside assets/, so it never deploys. */
export const JSON_SCHEMA_FILE = 'schema/routing.schema.json';

/**
 * The routing file's JSON Schema, for editors, from the one schema definition in code.
 * Checks that JSON Schema cannot say (time zones, windows, keywords Twilio reserves, loops)
 * are left to `npm run build`.
 */
export function routingJsonSchema(): object {
  const { $schema: _draft, ...schema } = toJsonSchema(RoutingFile, { errorMode: 'ignore' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'SMS Switchboard routing file (assets/routing.private.json)',
    ...schema,
  };
}

export const routingJsonSchemaText = (): string => `${JSON.stringify(routingJsonSchema(), null, 2)}\n`;
