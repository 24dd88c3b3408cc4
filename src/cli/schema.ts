// `npm run schema`: writes the routing file's JSON Schema (schema/routing.schema.json) for editors.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JSON_SCHEMA_FILE, routingJsonSchemaText } from '../config/json-schema';
import { EXIT, runMain } from './exit';

export async function main(root = process.cwd()): Promise<number> {
  const path = join(root, JSON_SCHEMA_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, routingJsonSchemaText());
  console.log(`Wrote ${JSON_SCHEMA_FILE}.`);
  return EXIT.ok;
}

if (require.main === module) runMain(() => main());
