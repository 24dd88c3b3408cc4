/** `npm run schema`: writes the routing file's JSON Schema where editors find it, creating its folder. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/schema';
import { JSON_SCHEMA_FILE, routingJsonSchemaText } from '../../src/config/json-schema';

test('writes schema/routing.schema.json (its folder too), says so, and exits 0', async () => {
  const root = await mkdtemp(join(tmpdir(), 'sms-switchboard-schema-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    expect(await main(root)).toBe(0);
    expect(await readFile(join(root, JSON_SCHEMA_FILE), 'utf8')).toBe(routingJsonSchemaText());
    expect(log.mock.calls).toEqual([['Wrote schema/routing.schema.json.']]);
    // Again over the file it wrote: the same text, not appended.
    expect(await main(root)).toBe(0);
    expect(await readFile(join(root, JSON_SCHEMA_FILE), 'utf8')).toBe(routingJsonSchemaText());
  } finally {
    log.mockRestore();
    await rm(root, { recursive: true, force: true });
  }
});
