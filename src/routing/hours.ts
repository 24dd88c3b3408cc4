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
/** Minutes after midnight of a TIME: `24:00` is 1440. */
const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

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
  const times = timePart.split('-');
  if (times.length !== 2 || !times.every((time) => TIME.test(time)))
    return `"${timePart}" is not a time range: use 24-hour HH:MM-HH:MM, e.g. "09:00-17:00"`;
  const [start, end] = times.map(minutes);
  if (end <= start)
    return (
      `"${timePart}" ends before it starts: a window past midnight is two windows, ` +
      'e.g. "Fri 22:00-24:00" and "Sat 00:00-02:00"'
    );
  return { days: [...days].sort((a, b) => a - b), start, end };
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
  /** YYYY-MM-DD */
  readonly date: string;
  /** The same date as a UTC midnight, for calendar arithmetic. */
  readonly midnight: number;
  readonly weekday: number;
  readonly minute: number;
}

/** Building an Intl formatter costs far more than using one: one per zone, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  // Stryker disable next-line ConditionalExpression: equivalent, a new formatter each time answers the same
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The local date, weekday and minute of `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): Local {
  const parts = formatFor(timeZone).formatToParts(now);
  const { year, month, day, hour, minute } = Object.fromEntries(parts.map((part) => [part.type, part.value]));
  // A calendar date has the same weekday in every zone: UTC's will do.
  const midnight = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return {
    date: `${year}-${month}-${day}`,
    midnight: midnight.getTime(),
    weekday: midnight.getUTCDay(),
    minute: Number(hour) * 60 + Number(minute),
  };
}

function isOpen(schedule: Schedule, local: Local): boolean {
  if (schedule.closed.has(local.date)) return false;
  return schedule.windows.some(
    (w) => w.days.includes(local.weekday) && local.minute >= w.start && local.minute < w.end,
  );
}

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The next opening after `local`, as the zone's short local day and time ("Mon 09:00"), or ''
 * when there is none in the next 400 days (every window on a closed date).
 */
function nextOpening(schedule: Schedule, local: Local): string {
  // Days of the local calendar, stepped as UTC dates: calendar arithmetic, no time zone involved.
  const day = new Date(local.midnight);
  for (let ahead = 0; ahead <= 400; ahead++, day.setUTCDate(day.getUTCDate() + 1)) {
    if (schedule.closed.has(day.toISOString().slice(0, 10))) continue;
    const weekday = day.getUTCDay();
    // Today, only windows that start later: asked when closed, so one starting this very minute would be open.
    // Stryker disable next-line EqualityOperator: equivalent (`>=`), see above
    const opensLater = (w: Window): boolean => w.days.includes(weekday) && (ahead > 0 || w.start > local.minute);
    const starts = schedule.windows.filter(opensLater).map((w) => w.start);
    if (starts.length > 0) return `${DAYS[weekday]} ${hhmm(Math.min(...starts))}`;
  }
  return '';
}

export interface Opening {
  readonly open: boolean;
  /** When closed, the next opening ("Mon 09:00"; '' when there is none); '' when open. */
  readonly opens: string;
}

/**
 * The last answer per schedule, for its UTC minute. Zone offsets have been whole minutes since 1972,
 * so the answer holds for the whole minute; a number with business hours can get many messages a
 * minute, and reading the zone's local time costs more than every other rule of a message. A new
 * configuration brings new schedules, so an answer never outlives its configuration.
 */
const lastOpening = new WeakMap<Schedule, { readonly utcMinute: number; readonly opening: Opening }>();

/** Whether the business is open at `now`, and if not, when it opens next. */
export function openingAt(schedule: Schedule, now: Date): Opening {
  // Stryker disable next-line ArithmeticOperator: equivalent, a finer key only misses more often
  const utcMinute = Math.floor(now.getTime() / 60_000);
  const last = lastOpening.get(schedule);
  if (last?.utcMinute === utcMinute) return last.opening;
  const local = localTime(now, schedule.timeZone);
  const opening = isOpen(schedule, local)
    ? { open: true, opens: '' }
    : { open: false, opens: nextOpening(schedule, local) };
  lastOpening.set(schedule, { utcMinute, opening });
  return opening;
}
