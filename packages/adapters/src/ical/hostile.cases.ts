// Hostile and huge iCalendar feeds (issue #13), shared by the Node suite (each case in a worker
// with a watchdog) and the browser suite (Chromium, Firefox). Every case names its bound: the
// adapter must return within the watchdog, with at most `maxOccurrences` items, and the events
// that are not hostile must still show.
import { LIMITS } from '@sozial-innovativ/core';
import { ics, VTIMEZONE_BERLIN } from './fixtures.js';

/** What a case looks at: small enough to post from a worker. */
export interface Outcome {
  items: Array<{ uid: string; id: string; start: string; title: string }>;
  dropped: number;
  truncated: boolean;
  truncatedSeries: string[];
}

export interface HostileCase {
  name: string;
  text: () => string;
  range: { from: string; to: string };
  /** The item bound of the case (the adapter's `maxOccurrences`). */
  maxOccurrences: number;
  /** Only in Node: builds a feed of several MB. */
  heavy?: boolean;
  /** Throws when the outcome is wrong. */
  check: (outcome: Outcome) => void;
}

/** Generous: a freeze fails here instead of hanging the run. Never a timing assertion. */
export const WATCHDOG_MS = 30_000;

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', `SUMMARY:${uid}`, ...lines, 'END:VEVENT'];
const march = { from: '2025-03-01T00:00:00+01:00', to: '2025-04-01T00:00:00+02:00' };
/** Events that must survive every hostile neighbour: one single event and a weekly series (4 in March). */
const bystanders = [
  ...vevent('single', 'DTSTART;TZID=Europe/Berlin:20250310T100000', 'DURATION:PT1H'),
  ...vevent('weekly', 'DTSTART;TZID=Europe/Berlin:20250103T180000', 'RRULE:FREQ=WEEKLY'),
];
const count = (o: Outcome, uid: string) => o.items.filter((e) => e.uid === uid).length;
function bystandersShow(o: Outcome): void {
  ensure(count(o, 'single') === 1, `the single event shows (${count(o, 'single')})`);
  ensure(count(o, 'weekly') === 4, `the weekly series shows 4 times in March (${count(o, 'weekly')})`);
}
const withRule = (rule: string, dtstart = 'DTSTART:20250101T000000Z') => () => ics(...bystanders, ...vevent('hostile', dtstart, `RRULE:${rule}`));

/** A rule that never matches a date: the series is its DTSTART, nothing is stepped or cut. */
const impossible = (rule: string): HostileCase => ({
  name: `impossible rule ${rule}`,
  text: withRule(rule),
  range: march,
  maxOccurrences: 10_000,
  check(o) {
    bystandersShow(o);
    ensure(count(o, 'hostile') === 0, 'no occurrence of a rule that matches no date');
    ensure(o.dropped === 0, 'a well-formed rule is not dropped');
  },
});

/** A rule that is out of range or forbidden: that event is dropped and counted, the rest shows. */
const invalid = (rule: string): HostileCase => ({
  name: `invalid rule ${rule}`,
  text: withRule(rule),
  range: march,
  maxOccurrences: 10_000,
  check(o) {
    bystandersShow(o);
    ensure(count(o, 'hostile') === 0 && o.dropped === 1, `the event is dropped and counted (dropped ${o.dropped})`);
  },
});

/** A rule that matches, too densely or too rarely: cut at its budget and marked, the rest shows. */
const cut = (rule: string, maxOccurrences = 10_000): HostileCase => ({
  name: `budget-bound rule ${rule}`,
  text: withRule(rule),
  range: march,
  maxOccurrences,
  check(o) {
    bystandersShow(o);
    ensure(o.items.length <= maxOccurrences, `at most ${maxOccurrences} items (${o.items.length})`);
    ensure(o.truncated && o.truncatedSeries.includes('hostile'), 'the series is marked as cut');
  },
});

export const hostileCases: HostileCase[] = [
  // The three freezes of issue #13.
  impossible('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
  impossible('FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31;COUNT=5'),
  impossible('FREQ=MINUTELY;BYSETPOS=-1;BYMONTH=2;BYMONTHDAY=31'),
  impossible('FREQ=SECONDLY;BYMONTH=6;BYWEEKNO=1'),
  impossible('FREQ=DAILY;BYYEARDAY=60;BYMONTH=4'),
  impossible('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6'),
  impossible('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15;BYDAY=1MO'),
  invalid('FREQ=DAILY;BYHOUR=25'),
  invalid('FREQ=DAILY;BYMONTHDAY=0'),
  invalid('FREQ=DAILY;BYDAY=1MO'),
  invalid('FREQ=MONTHLY;BYDAY=7FR'),
  invalid('FREQ=DAILY;COUNT=0'),
  invalid('FREQ=HOURLY;BYSETPOS=1'),
  // Matches only on leap days, second by second: years of steps inside one next() of ical.js.
  cut('FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29'),
  cut('FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=29'),
  // Unbounded and dense: it may fill its share of the cap, never the others' part.
  cut('FREQ=SECONDLY'),
  cut('FREQ=MINUTELY', 500),
  {
    name: 'a dense series gets a fair share of the cap; 300 single events all show',
    text: () => ics(...bystanders, ...vevent('hostile', 'DTSTART:20250301T000000Z', 'RRULE:FREQ=MINUTELY;INTERVAL=2'),
      ...Array.from({ length: 300 }, (_, i) => vevent(`s${i}`, `DTSTART:202503${String(2 + (i % 27)).padStart(2, '0')}T1${i % 10}0000Z`)).flat()),
    range: march,
    maxOccurrences: 1_000,
    check(o) {
      bystandersShow(o);
      ensure(o.items.filter((e) => /^s\d+$/.test(e.uid)).length === 300, 'all single events show');
      ensure(o.items.length === 1_000, `the cap is used, not exceeded (${o.items.length})`);
      ensure(count(o, 'hostile') === 1_000 - 305, `the dense series gets the rest (${count(o, 'hostile')})`);
      ensure(o.truncated && o.truncatedSeries.includes('hostile'), 'marked as cut');
    },
  },
  {
    name: 'forty dense series cannot starve the feed',
    text: () => ics(...bystanders, ...Array.from({ length: 40 }, (_, i) => vevent(`dense${i}`, 'DTSTART:20250101T000000Z', 'RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29')).flat()),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(o.items.length === 5, 'only the bystanders');
      ensure(o.truncated, 'marked as cut');
    },
  },
  {
    name: 'one broken VEVENT (garbage line) is dropped, the rest shows',
    text: () => ics(...bystanders, ...vevent('hostile', 'DTSTART:20250311T100000Z', 'this line has no colon'), ...vevent('after', 'DTSTART:20250312T100000Z')),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'after') === 1 && count(o, 'hostile') === 0 && o.dropped === 1, `one dropped (${o.dropped})`);
    },
  },
  {
    name: 'a VEVENT without END costs only itself',
    text: () => ics('BEGIN:VEVENT', 'UID:open', 'DTSTART:20250311T100000Z', ...bystanders, ...vevent('after', 'DTSTART:20250312T100000Z')),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'after') === 1 && count(o, 'open') === 0 && o.dropped === 1, `one dropped (${o.dropped})`);
    },
  },
  {
    name: 'components nested 5 000 deep are dropped',
    text: () => ics(...bystanders, 'BEGIN:VEVENT', 'UID:deep', 'DTSTART:20250311T100000Z',
      ...Array.from({ length: 5_000 }, () => 'BEGIN:VALARM'), ...Array.from({ length: 5_000 }, () => 'END:VALARM'), 'END:VEVENT'),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'deep') === 0 && o.dropped === 1, 'dropped');
    },
  },
  {
    name: 'folded lines, nested VALARM, LF line ends, BOM and lower case are read',
    text: () => '\ufeff' + ics(
      ...bystanders,
      'begin:vevent', 'uid:lower', 'dtstart:20250311T100000Z', 'summary:klein', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'END:VALARM', 'end:vevent',
      'BEGIN:VEV', 'ENT', 'UID:folded', 'DTSTART:2025031', ' 2T100000Z', 'SUMMARY:gefaltet', 'END:VEVENT',
    ).replace(/\r\nENT\r\n/, '\r\n ENT\r\n').replace(/\r\n/g, '\n'),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'lower') === 1, 'the lower-case event shows');
      ensure(count(o, 'folded') === 1 && o.items.find((e) => e.uid === 'folded')!.start === '2025-03-12T11:00:00+01:00', 'the folded event shows');
      ensure(o.dropped === 0, `nothing dropped (${o.dropped})`);
    },
  },
  {
    name: 'a line folded 200 000 times is read, its text capped',
    text: () => ics(...bystanders, ...vevent('long', 'DTSTART:20250311T100000Z', ['DESCRIPTION:x', ...Array.from({ length: 200_000 }, () => ' y')].join('\r\n'))),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'long') === 1, 'shows');
    },
  },
  {
    name: `at most ${50} distinct TZIDs per feed`,
    text: () => ics(...bystanders, ...Array.from({ length: 200 }, (_, i) => vevent(`z${i}`, `DTSTART;TZID=Zone ${i}:20250311T100000`)).flat()),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      // The bystanders name Europe/Berlin: 49 more zones are read.
      ensure(o.items.filter((e) => e.uid.startsWith('z')).length === 49 && o.dropped === 151, `zones capped (dropped ${o.dropped})`);
    },
  },
  {
    name: 'hundreds of VTIMEZONEs, hostile ones among them, do not stall the feed',
    text: () => ics(
      ...Array.from({ length: 300 }, (_, i) => ['BEGIN:VTIMEZONE', `TZID:Zone ${i}`, 'BEGIN:STANDARD', 'DTSTART:00010101T000000',
        i % 2 ? 'RRULE:FREQ=SECONDLY' : 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:STANDARD', 'END:VTIMEZONE']).flat(),
      ...VTIMEZONE_BERLIN,
      ...bystanders,
      ...vevent('custom', 'DTSTART;TZID=Zone 1:20250311T100000'),
    ),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'custom') === 1, 'an event in a refused zone shows (floating time)');
    },
  },
  {
    name: 'TZIDs named like prototype properties are unknown zones, read as floating time',
    text: () => ics(...bystanders, ...vevent('proto', 'DTSTART;TZID=__proto__:20250311T100000'), ...vevent('ctor', 'DTSTART;TZID=constructor:20250312T100000')),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'proto') === 1 && count(o, 'ctor') === 1, `both show (dropped ${o.dropped})`);
    },
  },
  {
    name: 'RDATE flood: an event with 20 000 RDATEs is dropped',
    text: () => ics(...bystanders, ...vevent('flood', 'DTSTART:20250301T000000Z',
      ...Array.from({ length: 20 }, (_, k) => `RDATE:${Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2025, 2, 1) + (k * 1000 + i) * 60_000).toISOString().replace(/[-:]|\.\d+/g, '')).join(',')}`))),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(count(o, 'flood') === 0 && o.dropped === 1, 'dropped');
    },
  },
  {
    name: `more than LIMITS.items (${LIMITS.items}) VEVENTs: the rest is counted as dropped`,
    heavy: true,
    text: () => ics(...bystanders, ...Array.from({ length: LIMITS.items + 5 }, (_, i) => vevent(`n${i}`, 'DTSTART:20240101T100000Z')).flat()),
    range: march,
    maxOccurrences: 10_000,
    check(o) {
      bystandersShow(o);
      ensure(o.dropped === 7, `the 7 VEVENTs past the cap are dropped (${o.dropped})`);
    },
  },
];
