import { validate } from './issues';
import { error, type Problem } from './problem';
import { Keywords, NumberEntry, Patterns, PhoneNumber, RoutingFile } from './schema';

/** Where the routing file lives in the project, and the private asset it deploys as. */
export const ROUTING_FILE = 'assets/routing.private.json';
export const ROUTING_ASSET = '/routing.json';

export interface RoutingConfig {
  /** Entries by E.164 number; `null` marks an entry that is invalid (its number is then ignored). */
  readonly numbers: ReadonlyMap<string, NumberEntry | null>;
  /** The file exists but could not be read as a whole: every number is ignored rather than guessed at. */
  readonly unreadable: boolean;
  /** The file's global lists and keywords, when valid. */
  readonly file?: Omit<RoutingFile, 'numbers'>;
}

export const NO_ROUTING: RoutingConfig = { numbers: new Map(), unreadable: false };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the routing file's text. Every problem is listed; what is valid is kept, so at run time
 * one bad entry silences only its own number, never the others.
 */
export function readRouting(text: string | undefined): { routing: RoutingConfig; problems: Problem[] } {
  if (text === undefined) return { routing: NO_ROUTING, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      routing: { numbers: new Map(), unreadable: true },
      problems: [
        error(ROUTING_FILE, `is not valid JSON (${reason}): fix the syntax, e.g. with an editor that checks JSON`),
      ],
    };
  }
  const whole = validate(RoutingFile, json);
  if (whole.output !== undefined) {
    const { numbers, ...file } = whole.output;
    return { routing: { numbers: new Map(Object.entries(numbers)), unreadable: false, file }, problems: [] };
  }
  const numbers = new Map<string, NumberEntry | null>();
  if (isObject(json) && isObject(json.numbers)) {
    for (const [number, entry] of Object.entries(json.numbers)) {
      const key = validate(PhoneNumber, number).output;
      if (key !== undefined) numbers.set(key, validate(NumberEntry, entry).output ?? null);
    }
  }
  const unreadable = !isObject(json) || (json.numbers !== undefined && !isObject(json.numbers));
  const file = isObject(json)
    ? {
        keywords: validate(Keywords, json.keywords ?? {}).output,
        block: validate(Patterns, json.block ?? []).output,
        allow: validate(Patterns, json.allow ?? []).output,
      }
    : undefined;
  const problems = whole.problems.map((p) => ({
    ...p,
    where: p.where === '' ? ROUTING_FILE : `${ROUTING_FILE}: ${p.where}`,
  }));
  return { routing: { numbers, unreadable, file }, problems };
}
