import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIcs, type ParsedCalendar } from './parse.js';
import { expandIcs } from './expand.js';
import { fastForwardStart } from './recurrence.js';
import { ics, VTIMEZONE_BERLIN } from './fixtures.js';

// Series that start years before the ranges asked for, so a fast-forward has something to skip.
const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', `SUMMARY:${uid}`, ...lines, 'END:VEVENT'];
const feed = ics(
  ...VTIMEZONE_BERLIN,
  ...vevent('daily3', 'DTSTART;TZID=Europe/Berlin:20200101T100000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;INTERVAL=3',
    'EXDATE;TZID=Europe/Berlin:20250305T100000', 'RDATE;TZID=Europe/Berlin:20250304T150000'),
  // Slots 2, 5, 8, 11 … March 2025: the 5th is excluded, the 8th moved to the 7th at 12:00.
  ...vevent('daily3', 'RECURRENCE-ID;TZID=Europe/Berlin:20250308T100000', 'DTSTART;TZID=Europe/Berlin:20250307T120000', 'DURATION:PT1H'),
  // Biweekly on Monday and Wednesday at 18:00 Berlin, across both DST changes.
  ...vevent('biweekly', 'DTSTART;TZID=Europe/Berlin:20210106T180000', 'DTEND;TZID=Europe/Berlin:20210106T193000',
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', 'EXDATE;TZID=Europe/Berlin:20251027T180000'),
  ...vevent('biweekly', 'RECURRENCE-ID;TZID=Europe/Berlin:20251029T180000', 'DTSTART;TZID=Europe/Berlin:20251030T180000', 'STATUS:CANCELLED'),
  // WKST=SU puts Sunday and Monday in one week; with WKST=MO they would be in different weeks.
  ...vevent('wkst', 'DTSTART;TZID=Europe/Berlin:20210103T090000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO'),
  ...vevent('day31', 'DTSTART;TZID=Europe/Berlin:20210131T190000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=31'),
  ...vevent('implied31', 'DTSTART:20200131T080000Z', 'RRULE:FREQ=MONTHLY;INTERVAL=5'),
  ...vevent('lastfriday', 'DTSTART;TZID=Europe/Berlin:20200131T170000', 'RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T230000Z'),
  ...vevent('leapday', 'DTSTART;VALUE=DATE:20200229', 'RRULE:FREQ=YEARLY'),
  ...vevent('yearly', 'DTSTART;TZID=Europe/Berlin:20191026T023000', 'RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYDAY=-1SU', 'DURATION:PT30M'),
  ...vevent('ended', 'DTSTART;TZID=Europe/Berlin:20200601T120000', 'RRULE:FREQ=DAILY;UNTIL=20240601T100000Z'),
  ...vevent('sixhourly', 'DTSTART;TZID=Europe/Berlin:20240601T030000', 'RRULE:FREQ=HOURLY;INTERVAL=6'),
  ...vevent('counted', 'DTSTART;TZID=Europe/Berlin:20240101T070000', 'RRULE:FREQ=DAILY;COUNT=700'),
);

const day = (iso: string) => Date.parse(iso);
const fixedRanges: Array<[string, string]> = [
  ['2018-01-01T00:00:00Z', '2019-06-01T00:00:00Z'], // before every DTSTART
  ['2019-12-25T00:00:00Z', '2020-03-10T00:00:00Z'], // around the first DTSTARTs
  ['2025-03-01T00:00:00+01:00', '2025-04-01T00:00:00+02:00'], // a month with the EXDATE, the override and the spring change
  ['2025-10-20T00:00:00+02:00', '2025-11-10T00:00:00+01:00'], // across the autumn change
  ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z'], // one hour
  ['2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z'], // after the UNTIL of lastfriday, ended and the COUNT of counted
  ['2028-02-01T00:00:00Z', '2029-03-01T00:00:00Z'], // a leap day
  ['2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z'], // two years
];

/** Deterministic ranges between 2019 and 2029, of an hour up to 200 days. */
function randomRanges(n: number, seed: number): Array<[number, number]> {
  let x = seed;
  const next = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => {
    const from = day('2019-01-01T00:00:00Z') + Math.floor(next() * 10 * 365) * 86_400_000 + Math.floor(next() * 24) * 3_600_000;
    return [from, from + 3_600_000 + Math.floor(next() * 200 * 24) * 3_600_000];
  });
}

const summary = (parsed: ParsedCalendar, from: number, to: number, fastForward: boolean) => {
  const r = expandIcs(parsed, from, to, { fastForward, maxOccurrences: 100_000 });
  return { truncated: r.truncated, items: r.items.map((e) => `${e.id} ${e.start} ${e.end ?? '-'} ${e.status} ${e.title}`) };
};

describe('ical fast-forward', () => {
  it('yields the same occurrences as the expansion from DTSTART, for ranges in any order', () => {
    const ranges = [...fixedRanges.map(([a, b]) => [day(a), day(b)] as [number, number]), ...randomRanges(30, 7)];
    // One parsed feed throughout, so cursors left by earlier queries are extended, reused and restarted …
    const shared = parseIcs(feed);
    const uids = new Set<string>();
    ranges.forEach(([from, to], i) => {
      const label = `${new Date(from).toISOString()} … ${new Date(to).toISOString()}`;
      const reference = summary(shared, from, to, false);
      assert.deepEqual(summary(shared, from, to, true), reference, label);
      // … and a fresh parse (another text) per range, so every rule starts at a shifted DTSTART.
      assert.deepEqual(summary(parseIcs(feed.replace('VERSION:2.0', `VERSION:2.0\r\nX-RANGE:${i}`)), from, to, true), reference, `${label}, fresh`);
      for (const line of reference.items) uids.add(line.split('@')[0]!);
    });
    assert.deepEqual([...uids].sort(), ['biweekly', 'counted', 'daily3', 'day31', 'ended', 'implied31', 'lastfriday', 'leapday', 'sixhourly', 'wkst', 'yearly']);
  });

  it('applies EXDATE, RDATE and overrides, and keeps slot ids, in a fast-forwarded month', () => {
    const r = expandIcs(parseIcs(feed), day('2025-03-01T00:00:00+01:00'), day('2025-03-12T00:00:00+01:00'));
    const daily = r.items.filter((e) => e.uid === 'daily3').map((e) => [e.id, e.start]);
    assert.deepEqual(daily, [
      ['daily3@2025-03-02T09:00:00Z', '2025-03-02T10:00:00+01:00'],
      ['daily3@2025-03-04T14:00:00Z', '2025-03-04T15:00:00+01:00'],
      ['daily3@2025-03-08T09:00:00Z', '2025-03-07T12:00:00+01:00'],
      ['daily3@2025-03-11T09:00:00Z', '2025-03-11T10:00:00+01:00'],
    ], 'every third day since 1 Jan 2020, the RDATE, no 5 March (EXDATE), 8 March moved to 7 March');
    const autumn = expandIcs(parseIcs(feed), day('2025-10-20T00:00:00+02:00'), day('2025-11-06T00:00:00+01:00'));
    assert.deepEqual(autumn.items.filter((e) => e.uid === 'biweekly').map((e) => [e.start, e.status]), [
      ['2025-10-20T18:00:00+02:00', 'scheduled'], ['2025-10-22T18:00:00+02:00', 'scheduled'],
      ['2025-10-30T18:00:00+01:00', 'cancelled'], ['2025-11-03T18:00:00+01:00', 'scheduled'], ['2025-11-05T18:00:00+01:00', 'scheduled'],
    ], 'same local time before and after the change; 27 Oct excluded, 29 Oct moved and cancelled');
    // 250 weeks after 3 Jan 2021: Sunday 19 (before the range) and Monday 20 Oct share a week
    // under WKST=SU; two weeks later Sunday 2 and Monday 3 Nov. (WKST=MO would pair a Monday with the Sunday after it.)
    assert.deepEqual(autumn.items.filter((e) => e.uid === 'wkst').map((e) => e.start),
      ['2025-10-20T09:00:00+02:00', '2025-11-02T09:00:00+01:00', '2025-11-03T09:00:00+01:00']);
  });

  it('expands a month years after DTSTART within a step budget that the expansion from DTSTART exceeds', () => {
    const parsed = parseIcs(ics(...vevent('d', 'DTSTART;TZID=Europe/Berlin:20000101T100000', 'RRULE:FREQ=DAILY')));
    const [from, to] = [day('2025-03-01T00:00:00Z'), day('2025-04-01T00:00:00Z')];
    const slow = expandIcs(parsed, from, to, { fastForward: false, maxSteps: 1000 });
    assert.equal(slow.truncated, true);
    assert.equal(slow.items.length, 0);
    const fast = expandIcs(parsed, from, to, { maxSteps: 1000 });
    assert.equal(fast.truncated, false);
    assert.equal(fast.items.length, 31);
    assert.equal(fast.items[0]!.id, 'd@2025-03-01T09:00:00Z');
  });

  it('moves DTSTART by whole periods and keeps what ical.js derives from it', () => {
    const start = { year: 2021, month: 1, day: 31, hour: 19, minute: 0, second: 0 };
    const before = day('2025-05-15T00:00:00Z');
    assert.deepEqual(fastForwardStart(start, { freq: 'MONTHLY', interval: 1 }, before), { ...start, year: 2025, month: 3 }, 'April has no 31st');
    assert.deepEqual(fastForwardStart(start, { freq: 'DAILY', interval: 3 }, before)?.day, 13);
    const weekly = fastForwardStart({ ...start, day: 6 }, { freq: 'WEEKLY', interval: 2 }, before)!;
    assert.equal(new Date(Date.UTC(weekly.year, weekly.month - 1, weekly.day)).getUTCDay(), 3, 'still a Wednesday');
    assert.equal((Date.UTC(weekly.year, weekly.month - 1, weekly.day) - Date.UTC(2021, 0, 6)) / 86_400_000 % 14, 0, 'whole two-week periods');
    assert.deepEqual(fastForwardStart({ ...start, month: 2, day: 29, year: 2020 }, { freq: 'YEARLY', interval: 1 }, before), { ...start, month: 2, day: 29, year: 2024 });
    assert.equal(fastForwardStart(start, { freq: 'DAILY', interval: 1 }, day('2020-01-01T00:00:00Z')), undefined, 'a range before DTSTART starts at DTSTART');
    assert.equal(fastForwardStart(start, { freq: 'MINUTELY', interval: 7 }, before), undefined, 'a step that does not tile a day');
  });
});
