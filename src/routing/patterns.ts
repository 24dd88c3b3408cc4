/** A block/allow pattern: an E.164 number, or a prefix ending in `*` (`+1900*`). */
export const PATTERN = /^\+[1-9]\d{0,14}\*$|^\+[1-9]\d{1,14}$/;

export function matches(pattern: string, number: string): boolean {
  return pattern.endsWith('*') ? number.startsWith(pattern.slice(0, -1)) : number === pattern;
}

export const matchesAny = (patterns: readonly string[], number: string): boolean =>
  patterns.some((pattern) => matches(pattern, number));
