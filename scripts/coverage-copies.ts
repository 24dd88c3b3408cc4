/**
 * The command tests run `src/cli/*.ts` inside throwaway copies of the project, under the system's
 * temporary directory, so the V8 coverage of those children names files outside the repository,
 * which c8 leaves out. A copy's coverage counts for the repository's own file when the copy ran the
 * very same text (ts-node's source map carries it); an edited copy counts for nothing.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The parts of a NODE_V8_COVERAGE file read and rewritten here. */
interface RawCoverage {
  result: { url: string }[];
  'source-map-cache'?: Record<string, { data?: { file?: string; sources?: string[]; sourcesContent?: string[] } }>;
}

/** `/tmp/x-abc/src/cli/deploy.ts` -> `src/cli/deploy.ts`; undefined for a path with no src/ folder. */
export function pathInProject(path: string): string | undefined {
  const at = path.indexOf(`${sep}src${sep}`);
  return at === -1 ? undefined : path.slice(at + 1);
}

/** The text of a repository file, read once; undefined when there is no such file. */
type Reader = (path: string) => string | undefined;

function cachedReader(): Reader {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (!texts.has(path)) texts.set(path, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    return texts.get(path);
  };
}

/** Points one raw coverage file's scripts from copies at the repository's files; how many it moved. */
export function claimCopiesIn(raw: RawCoverage, root: string, read: Reader = cachedReader()): number {
  const cache = raw['source-map-cache'] ?? {};
  let claimed = 0;
  for (const script of raw.result) {
    if (!script.url.startsWith('file://')) continue;
    const path = fileURLToPath(script.url);
    const inProject = pathInProject(path);
    if (path.startsWith(root + sep) || inProject === undefined) continue;
    const own = join(root, inProject);
    const entry = cache[script.url];
    const ran = entry?.data?.sourcesContent?.[0];
    if (entry?.data === undefined || ran === undefined || read(own) !== ran) continue;
    const url = pathToFileURL(own).href;
    cache[url] = { ...entry, data: { ...entry.data, file: own, sources: [url] } };
    delete cache[script.url];
    script.url = url;
    claimed += 1;
  }
  return claimed;
}

/** The JSON of a coverage file; undefined when it was cut short (a child under a file-size limit). */
function parsed(file: string): RawCoverage | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RawCoverage;
  } catch {
    return undefined;
  }
}

/**
 * Rewrites every coverage file of `directory`, and removes those cut short: how many scripts were
 * moved onto the repository, and how many files were unreadable.
 */
export function claimCopies(directory: string, root: string): { claimed: number; unreadable: number } {
  const read = cachedReader();
  let claimed = 0;
  let unreadable = 0;
  for (const name of readdirSync(directory).filter((n) => n.endsWith('.json'))) {
    const file = join(directory, name);
    const raw = parsed(file);
    if (raw === undefined) {
      rmSync(file);
      unreadable += 1;
      continue;
    }
    const moved = claimCopiesIn(raw, root, read);
    if (moved > 0) writeFileSync(file, JSON.stringify(raw));
    claimed += moved;
  }
  return { claimed, unreadable };
}
