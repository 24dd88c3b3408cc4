import { localTime, openingAt, parseWindow, type Schedule, type Window } from '../../src/routing/hours';

const isOpen = (schedule: Schedule, now: Date): boolean => openingAt(schedule, now).open;
const nextOpening = (schedule: Schedule, now: Date): string => openingAt(schedule, now).opens;

const windows = (...texts: string[]): Window[] =>
  texts.map((text) => {
    const window = parseWindow(text);
    if (typeof window === 'string') throw new Error(window);
    return window;
  });

const shop = (timeZone: string, closed: string[] = []): Schedule => ({
  timeZone,
  windows: windows('Mon-Fri 09:00-17:00', 'Sat 10:00-14:00'),
  closed: new Set(closed),
});

const at = (iso: string) => new Date(iso);

describe('parseWindow', () => {
  it.each([
    ['Mon-Fri 09:00-17:00', [1, 2, 3, 4, 5], 540, 1020],
    ['sat 10:00-14:00', [6], 600, 840],
    ['Fri-Mon 22:00-24:00', [0, 1, 5, 6], 1320, 1440],
    ['Sat,Sun 00:00-02:00', [0, 6], 0, 120],
    ['Daily 08:00-20:00', [0, 1, 2, 3, 4, 5, 6], 480, 1200],
  ])('%s', (text, days, start, end) => {
    expect(parseWindow(text)).toEqual({ days, start, end });
  });

  it.each([
    ['Mon-Fri', 'write days then hours'],
    ['Funday 09:00-10:00', '"Funday" is not a day'],
    ['Mon 9-5', 'is not a time range'],
    ['Mon 25:00-26:00', 'is not a time range'],
    ['Fri 22:00-02:00', 'a window past midnight is two windows'],
    ['Mon 10:00-10:00', 'ends before it starts'],
    ['Mon 10:00-09:59', 'ends before it starts'],
  ])('refuses %s, saying how to write it', (text, reason) => {
    expect(parseWindow(text)).toEqual(expect.stringContaining(reason));
  });

  it('takes white space around and between the parts as it comes', () => {
    expect(parseWindow(' Mon-Fri \t 09:00-17:00\n')).toEqual({ days: [1, 2, 3, 4, 5], start: 540, end: 1020 });
  });

  it('each reason, whole', () => {
    expect([
      parseWindow('Mon 09:00-17:00 weekly'),
      parseWindow('Dailyx 09:00-17:00'),
      parseWindow('Mon 17:00-09:00'),
    ]).toEqual([
      'write days then hours, e.g. "Mon-Fri 09:00-17:00"',
      '"Dailyx" is not a day or a range of days: use Mon, Tue, Wed, Thu, Fri, Sat, Sun or Daily, e.g. "Mon-Fri"',
      '"17:00-09:00" ends before it starts: a window past midnight is two windows, e.g. "Fri 22:00-24:00" and ' +
        '"Sat 00:00-02:00"',
    ]);
  });

  it.each(['xMon', 'Monx', 'Mon-Frix', 'Mon-xFri'])('refuses %s: a day is the whole name', (days) => {
    expect(parseWindow(`${days} 09:00-17:00`)).toBe(
      `"${days}" is not a day or a range of days: use Mon, Tue, Wed, Thu, Fri, Sat, Sun or Daily, e.g. "Mon-Fri"`,
    );
  });

  it.each(['109:00-17:00', '09:001-17:00', '09:00-124:00', '09:00-24:001', '09:00', '09:00-10:00-11:00'])(
    'refuses %s: a time is the whole HH:MM, and a range is two of them',
    (range) => {
      expect(parseWindow(`Mon ${range}`)).toBe(
        `"${range}" is not a time range: use 24-hour HH:MM-HH:MM, e.g. "09:00-17:00"`,
      );
    },
  );
});

describe('the day ends at 24:00', () => {
  it('takes 24:00 as the end of the day, 23:59 as a minute before', () => {
    expect(parseWindow('Mon 22:00-24:00')).toEqual({ days: [1], start: 1320, end: 1440 });
    expect(parseWindow('Mon 22:00-23:59')).toEqual({ days: [1], start: 1320, end: 1439 });
  });

  it.each(['Mon 22:00-24:30', 'Mon 22:00-24:01', 'Mon 24:30-24:45', 'Mon 22:00-23:60', 'Mon 22:00-2400'])(
    '24:30 refused: %s is not a time range',
    (text) => {
      const range = text.split(' ')[1];
      expect(parseWindow(text)).toBe(`"${range}" is not a time range: use 24-hour HH:MM-HH:MM, e.g. "09:00-17:00"`);
    },
  );
});

describe('half and quarter hours', () => {
  it('business hours with windows ending at :30: open at 17:29, closed at 17:30', () => {
    const halfPast: Schedule = { timeZone: 'UTC', windows: windows('Mon-Fri 08:30-17:30'), closed: new Set() };
    expect(openingAt(halfPast, at('2026-11-26T08:29:00Z'))).toEqual({ open: false, opens: 'Thu 08:30' });
    expect(openingAt(halfPast, at('2026-11-26T08:30:00Z'))).toEqual({ open: true, opens: '' });
    expect(openingAt(halfPast, at('2026-11-26T17:29:00Z'))).toEqual({ open: true, opens: '' });
    expect(openingAt(halfPast, at('2026-11-26T17:30:00Z'))).toEqual({ open: false, opens: 'Fri 08:30' });
  });

  it.each([
    // India, UTC+5:30 all year: 09:00 there is 03:30 UTC.
    ['Asia/Kolkata', '2026-11-26T03:29:00Z', '2026-11-26T03:30:00Z', '2026-11-26T11:30:00Z'],
    // Nepal, UTC+5:45: 09:00 there is 03:15 UTC.
    ['Asia/Kathmandu', '2026-11-26T03:14:00Z', '2026-11-26T03:15:00Z', '2026-11-26T11:15:00Z'],
    // Newfoundland, UTC-3:30 in November: 09:00 there is 12:30 UTC.
    ['America/St_Johns', '2026-11-26T12:29:00Z', '2026-11-26T12:30:00Z', '2026-11-26T20:30:00Z'],
    // Chatham Islands, UTC+13:45 in (southern) summer: Friday 09:00 there is Thursday 19:15 UTC.
    ['Pacific/Chatham', '2026-11-26T19:14:00Z', '2026-11-26T19:15:00Z', '2026-11-27T03:15:00Z'],
  ])(
    'zones with :30/:45 offsets: %s opens at 09:00 local (%s closed, %s open, %s closed)',
    (zone, before, opens, closes) => {
      const local = shop(zone);
      const day = zone === 'Pacific/Chatham' ? 'Fri' : 'Thu';
      const next = zone === 'Pacific/Chatham' ? 'Sat 10:00' : 'Fri 09:00';
      expect(openingAt(local, at(before))).toEqual({ open: false, opens: `${day} 09:00` });
      expect(openingAt(local, at(opens))).toEqual({ open: true, opens: '' });
      expect(openingAt(local, at(closes))).toEqual({ open: false, opens: next });
    },
  );
});

describe('openingAt: open or not, and the next opening', () => {
  const newYork = shop('America/New_York', ['2026-12-25']);

  it.each([
    // Thursday 26 Nov 2026, 08:59 and 09:00 in New York (UTC-5).
    ['2026-11-26T13:59:00Z', false, 'Thu 09:00'],
    ['2026-11-26T14:00:00Z', true, ''],
    ['2026-11-26T21:59:00Z', true, ''],
    ['2026-11-26T22:00:00Z', false, 'Fri 09:00'],
    // Friday evening: next is Saturday's shorter window; Saturday afternoon: Monday.
    ['2026-11-27T23:00:00Z', false, 'Sat 10:00'],
    ['2026-11-28T19:00:00Z', false, 'Mon 09:00'],
    // Christmas (a Friday) is closed all day: Saturday opens next.
    ['2026-12-25T15:00:00Z', false, 'Sat 10:00'],
    ['2026-12-24T23:00:00Z', false, 'Sat 10:00'],
  ])('New York at %s: open %s, next %s', (iso, open, next) => {
    expect(isOpen(newYork, at(iso))).toBe(open);
    if (!open) expect(nextOpening(newYork, at(iso))).toBe(next);
  });

  it('answers each minute for itself: open until the last millisecond before 17:31, closed from 17:31', () => {
    const odd: Schedule = { timeZone: 'America/New_York', windows: windows('Mon-Fri 09:31-17:31'), closed: new Set() };
    expect(openingAt(odd, at('2026-11-26T22:30:00.000Z')).open).toBe(true);
    expect(openingAt(odd, at('2026-11-26T22:30:59.999Z')).open).toBe(true);
    expect(openingAt(odd, at('2026-11-26T22:31:00.000Z'))).toEqual({ open: false, opens: 'Fri 09:31' });
    // Another schedule (another configuration) in the minute just answered: its own answer.
    const closedToday = { ...odd, closed: new Set(['2026-11-26']) };
    expect(openingAt(closedToday, at('2026-11-26T22:31:30.000Z'))).toEqual({ open: false, opens: 'Fri 09:31' });
    expect(openingAt(odd, at('2026-11-26T22:30:30.000Z')).open).toBe(true);
    expect(openingAt(closedToday, at('2026-11-26T22:30:30.000Z')).open).toBe(false);
  });

  // US daylight saving 2026: starts Sun 8 Mar (02:00 -> 03:00), ends Sun 1 Nov (02:00 -> 01:00).
  it('follows the spring switch in New York: 09:00 on Monday 9 March is 13:00 UTC, not 14:00', () => {
    const early = shop('America/New_York');
    expect(localTime(at('2026-03-08T06:30:00Z'), 'America/New_York')).toMatchObject({ date: '2026-03-08', minute: 90 });
    expect(localTime(at('2026-03-08T07:30:00Z'), 'America/New_York')).toMatchObject({
      date: '2026-03-08',
      minute: 210,
    });
    expect(isOpen(early, at('2026-03-09T12:59:00Z'))).toBe(false);
    expect(isOpen(early, at('2026-03-09T13:00:00Z'))).toBe(true);
    expect(nextOpening(early, at('2026-03-08T07:30:00Z'))).toBe('Mon 09:00');
  });

  it('follows the autumn switch in New York: 09:00 on Monday 2 November is 14:00 UTC again', () => {
    const late = shop('America/New_York');
    expect(localTime(at('2026-11-01T05:30:00Z'), 'America/New_York')).toMatchObject({ date: '2026-11-01', minute: 90 });
    expect(localTime(at('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({ date: '2026-11-01', minute: 90 });
    expect(isOpen(late, at('2026-11-02T13:59:00Z'))).toBe(false);
    expect(isOpen(late, at('2026-11-02T14:00:00Z'))).toBe(true);
  });

  // EU 2026: starts Sun 29 Mar, ends Sun 25 Oct. A Sunday window straddles the switch hour.
  it('keeps a Sunday window on both switch days in London', () => {
    const sunday: Schedule = { timeZone: 'Europe/London', windows: windows('Sun 00:00-03:00'), closed: new Set() };
    expect(isOpen(sunday, at('2026-03-29T00:30:00Z'))).toBe(true); // 00:30 GMT
    expect(isOpen(sunday, at('2026-03-29T01:30:00Z'))).toBe(true); // 02:30 BST
    expect(isOpen(sunday, at('2026-03-29T02:00:00Z'))).toBe(false); // 03:00 BST
    expect(isOpen(sunday, at('2026-10-25T01:30:00Z'))).toBe(true); // 01:30 GMT, the second time
    expect(isOpen(sunday, at('2026-10-25T03:00:00Z'))).toBe(false); // 03:00 GMT
    expect(nextOpening(sunday, at('2026-10-25T03:00:00Z'))).toBe('Sun 00:00');
  });

  it('needs no switch where there is none (Asia/Tokyo, UTC+9 all year)', () => {
    const tokyo = shop('Asia/Tokyo');
    for (const day of ['2026-03-09', '2026-11-02', '2026-07-06']) {
      expect(isOpen(tokyo, at(`${day}T00:00:00Z`))).toBe(true); // Monday 09:00 local
      expect(isOpen(tokyo, at(`${day}T08:00:00Z`))).toBe(false); // Monday 17:00 local
    }
  });

  /** The `count` dates from `first` (YYYY-MM-DD) on. */
  const dates = (first: string, count: number): string[] =>
    Array.from({ length: count }, (_, n) => new Date(Date.parse(first) + n * 86_400_000).toISOString().slice(0, 10));

  it('{opens} after a closure longer than a week names the first day back', () => {
    // Closed from Monday 21 December 2026 to Sunday 3 January 2027: two weeks.
    const holidays = shop('UTC', dates('2026-12-21', 14));
    expect(openingAt(holidays, at('2026-12-18T18:00:00Z'))).toEqual({ open: false, opens: 'Sat 10:00' });
    expect(openingAt(holidays, at('2026-12-19T15:00:00Z'))).toEqual({ open: false, opens: 'Mon 09:00' });
    expect(openingAt(holidays, at('2026-12-22T12:00:00Z'))).toEqual({ open: false, opens: 'Mon 09:00' });
    // Back on Monday 4 January: open at 09:00.
    expect(openingAt(holidays, at('2027-01-04T09:00:00Z'))).toEqual({ open: true, opens: '' });
    // A closure ending on a Wednesday: Thursday opens next, not the Monday after it.
    const toWednesday = shop('UTC', dates('2026-12-21', 10));
    expect(openingAt(toWednesday, at('2026-12-22T12:00:00Z'))).toEqual({ open: false, opens: 'Thu 09:00' });
  });

  it('answers no opening when every window falls on a closed date', () => {
    // Looks 400 days ahead: the day after today's is the first, the 400th the last.
    const daily = (closedDays: number): Schedule => ({
      timeZone: 'UTC',
      windows: windows('Daily 09:00-10:00'),
      closed: new Set(dates('2026-11-30', closedDays)),
    });
    const lateMonday = at('2026-11-30T11:00:00Z'); // after today's window
    expect(openingAt(daily(1), lateMonday)).toEqual({ open: false, opens: 'Tue 09:00' });
    // Every date up to 399 days ahead closed: the window 400 days ahead (a Tuesday) is the opening.
    expect(openingAt(daily(400), lateMonday)).toEqual({ open: false, opens: 'Tue 09:00' });
    expect(openingAt(daily(401), lateMonday)).toEqual({ open: false, opens: '' });
    // Today's window later today counts as well, unless today is closed.
    const earlyMonday = at('2026-11-30T08:00:00Z');
    expect(openingAt(daily(0), earlyMonday)).toEqual({ open: false, opens: 'Mon 09:00' });
    expect(openingAt(daily(401), earlyMonday)).toEqual({ open: false, opens: '' });
  });

  it('a window that already started today is no opening: the next day is', () => {
    const twice: Schedule = {
      timeZone: 'UTC',
      windows: windows('Mon 09:00-10:00', 'Mon 14:00-15:00'),
      closed: new Set(),
    };
    expect(openingAt(twice, at('2026-11-30T08:59:00Z'))).toEqual({ open: false, opens: 'Mon 09:00' });
    expect(openingAt(twice, at('2026-11-30T10:00:00Z'))).toEqual({ open: false, opens: 'Mon 14:00' });
    expect(openingAt(twice, at('2026-11-30T15:00:00Z'))).toEqual({ open: false, opens: 'Mon 09:00' });
  });
});
