const DURATION = /^(\d{1,6})([mhd])$/;
const SECONDS = { m: 60, h: 3600, d: 86400 } as const;
/** Sync's longest time-to-live is a year. */
const MAX = 365 * 86400;

/** "30m", "12h", "7d" -> seconds; undefined when not a duration from 1m to 365d. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
  return seconds >= 60 && seconds <= MAX ? seconds : undefined;
}
