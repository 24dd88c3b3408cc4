import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

/**
 * The one reader of `.env` (or `file`, e.g. `.env.production`, relative to `root`): parsed with
 * dotenv, as the local runtime and the Toolkit's deploy parse it. No such file is no variable; a
 * file that exists but cannot be read is an error.
 */
export async function readDotenv(root: string, file = '.env'): Promise<Record<string, string>> {
  try {
    return parse(await readFile(resolve(root, file), 'utf8'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw cause;
  }
}
