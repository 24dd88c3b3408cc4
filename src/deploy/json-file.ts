// The two files deploy keeps (.twilioserverless/deploy.json, .twiliodeployinfo): read and written whole.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A JSON file: absent, not JSON, or its parsed value (for the caller's schema to check). */
export type JsonFile =
  { readonly kind: 'missing' } | { readonly kind: 'not-json' } | { readonly kind: 'json'; readonly value: unknown };

export async function readJsonFile(path: string): Promise<JsonFile> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { kind: 'missing' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'not-json' };
  }
}

/** Written whole to a temporary file, then renamed: a reader never sees half a file. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}
