/**
 * Business hours in a time zone, computed on local wall-clock time: the instant is converted
 * to the zone's date and time with Intl (which knows daylight saving), and everything after
 * that is calendar arithmetic, so a switch day needs no special case.
 */
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export interface Window {
  /** Days of the week, 0 = Sunday. */
  readonly days: readonly number[];
  /** Minutes after local midnight; `end` may be 1440 (24:00). */
  readonly start: number;
  readonly end: number;
}

export interface Schedule {
  readonly timeZone: string;
  readonly windows: readonly Window[];
  /** Local dates (YYYY-MM-DD) when the business is closed all day. */
  readonly closed: ReadonlySet<string>;
}

const DAY = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)$/i;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

const dayIndex = (name: string): number => DAYS.findIndex((d) => d.toLowerCase() === name.toLowerCase());
const minutes = (time: string): number =>
  time === '24:00' ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * Parses "Mon-Fri 09:00-17:00", "Sat,Sun 10:00-14:00" or "Daily 08:00-20:00".
 * Returns a reason instead when the text is not a window.
 */
export function parseWindow(text: string): Window | string {
  const [dayPart, timePart, ...rest] = text.trim().split(/\s+/);
  if (timePart === undefined || rest.length > 0) return `write days then hours, e.g. "Mon-Fri 09:00-17:00"`;
  const days = new Set<number>();
  for (const item of dayPart.split(',')) {
    if (/^daily$/i.test(item)) DAYS.forEach((_, i) => days.add(i));
    else {
      const [from, to] = item.split('-');
      if (!DAY.test(from) || (to !== undefined && !DAY.test(to)))
        return (
          `"${item}" is not a day or a range of days: ` +
          'use Mon, Tue, Wed, Thu, Fri, Sat, Sun or Daily, e.g. "Mon-Fri"'
        );
      const first = dayIndex(from);
      const last = to === undefined ? first : dayIndex(to);
      for (let d = first; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === last) break;
      }
    }
  }
  const [start, end] = timePart.split('-');
  if (!TIME.test(start ?? '') || !TIME.test(end ?? ''))
    return `"${timePart}" is not a time range: use 24-hour HH:MM-HH:MM, e.g. "09:00-17:00"`;
  if (minutes(end) <= minutes(start))
    return (
      `"${timePart}" ends before it starts: a window past midnight is two windows, ` +
      'e.g. "Fri 22:00-24:00" and "Sat 00:00-02:00"'
    );
  return { days: [...days].sort((a, b) => a - b), start: minutes(start), end: minutes(end) };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A local calendar date and time in the schedule's zone. */
interface Local {
  readonly date: string;
  readonly weekday: number;
  readonly minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build: one per zone, kept. */
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Every zone's UTC offset has been a whole number of minutes since 1972 (tz database), so within
 * one UTC minute a zone's local date and minute do not change: the last answer per zone (and per
 * schedule, for the next opening) is kept for its minute. Formatting with Intl costs microseconds,
 * and a busy number gets many messages a minute.
 */
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1972, 6, 1);

interface Entry<V> {
  readonly minute: number;
  readonly value: V;
}

/** What perMinute keeps its answers in: a Map for zones, a WeakMap for schedules. */
interface MinuteCache<K, V> {
  get(key: K): Entry<V> | undefined;
  set(key: K, entry: Entry<V>): unknown;
}

/** `compute(key, now)`, kept per key for the UTC minute of `now` (never before 1972). */
function perMinute<K, V>(kept: MinuteCache<K, V>, compute: (key: K, now: Date) => V): (key: K, now: Date) => V {
  return (key, now) => {
    const time = now.getTime();
    const minute = time >= WHOLE_MINUTE_OFFSETS_SINCE ? Math.floor(time / 60_000) : undefined;
    const last = kept.get(key);
    if (minute !== undefined && last?.minute === minute) return last.value;
    const value = compute(key, now);
    if (minute !== undefined) kept.set(key, { minute, value });
    return value;
  };
}

/** The local date, weekday and minute of `now` in `timeZone`. */
export const localTime = (now: Date, timeZone: string): Local => localTimeIn(timeZone, now);
const localTimeIn = perMinute(new Map<string, Entry<Local>>(), (timeZone: string, now) =>
  computeLocalTime(now, timeZone),
);

function computeLocalTime(now: Date, timeZone: string): Local {
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(now)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: dayIndex(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The date `days` after a YYYY-MM-DD date, and its weekday: pure calendar arithmetic. */
function addDays(date: string, days: number): { date: string; weekday: number } {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
}

export function isOpen(schedule: Schedule, now: Date): boolean {
  const local = localTime(now, schedule.timeZone);
  if (schedule.closed.has(local.date)) return false;
  return schedule.windows.some(
    (w) => w.days.includes(local.weekday) && local.minute >= w.start && local.minute < w.end,
  );
}

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The next opening after `now`, as the zone's short local day and time ("Mon 09:00"), or ''
 * when there is none in the next 400 days (every window on a closed date).
 */
export const nextOpening = (schedule: Schedule, now: Date): string => nextOpeningOf(schedule, now);
const nextOpeningOf = perMinute(new WeakMap<Schedule, Entry<string>>(), computeNextOpening);

function computeNextOpening(schedule: Schedule, now: Date): string {
  const local = localTime(now, schedule.timeZone);
  for (let ahead = 0; ahead <= 400; ahead++) {
    const day = addDays(local.date, ahead);
    if (schedule.closed.has(day.date)) continue;
    const starts = schedule.windows
      .filter((w) => w.days.includes(day.weekday) && (ahead > 0 || w.start > local.minute))
      .map((w) => w.start);
    if (starts.length > 0) return `${DAYS[day.weekday]} ${hhmm(Math.min(...starts))}`;
  }
  return '';
}
