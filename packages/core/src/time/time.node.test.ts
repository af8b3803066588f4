import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays, addMonths, dayKey, daysInMonth, eventBounds, isoDay, isoInZone, isoWeek, isTimeZone, monthStart, sameMonth,
  timeZoneOffset, toEpoch, utcNoon, wallTimeToEpoch, weekdayMonday0, weekStart, zonedTimeToEpoch,
} from './index.js';

const iso = (ms: number) => new Date(ms).toISOString();
const wall = (y: number, m: number, d: number, h: number, min: number, s = 0) => Date.UTC(y, m - 1, d, h, min, s);

describe('time zones', () => {
  it('knows the zones of this runtime', () => {
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(isTimeZone('UTC'), true);
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone('__proto__'), false);
  });

  it('knows Berlin summer and winter offsets, and the instants they change', () => {
    assert.equal(timeZoneOffset(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin'), 2 * 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2025-01-01T12:00:00Z'), 'Europe/Berlin'), 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin'), 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin'), 2 * 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Berlin'), 2 * 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin'), 3600_000);
    assert.equal(timeZoneOffset(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata'), 5.5 * 3600_000);
  });
});

describe('wall time → instant (RFC 5545 §3.3.5)', () => {
  const berlin = (h: number, min: number, day: [number, number]) => iso(wallTimeToEpoch(wall(2026, day[0], day[1], h, min), 'Europe/Berlin'));
  const spring: [number, number] = [3, 29];
  const autumn: [number, number] = [10, 25];

  it('reads times around the spring gap, a time inside it with the offset before the gap', () => {
    assert.equal(berlin(1, 30, spring), '2026-03-29T00:30:00.000Z');
    assert.equal(berlin(2, 0, spring), '2026-03-29T01:00:00.000Z', '02:00 does not exist: 03:00 CEST');
    assert.equal(berlin(2, 30, spring), '2026-03-29T01:30:00.000Z', '02:30 does not exist: 03:30 CEST');
    assert.equal(berlin(3, 0, spring), '2026-03-29T01:00:00.000Z');
    assert.equal(berlin(3, 30, spring), '2026-03-29T01:30:00.000Z');
  });

  it('reads an ambiguous time in the autumn fold as its first occurrence', () => {
    assert.equal(berlin(1, 30, autumn), '2026-10-24T23:30:00.000Z');
    assert.equal(berlin(2, 0, autumn), '2026-10-25T00:00:00.000Z');
    assert.equal(berlin(2, 30, autumn), '2026-10-25T00:30:00.000Z', '02:30 CEST, not 02:30 CET');
    assert.equal(berlin(2, 59, autumn), '2026-10-25T00:59:00.000Z');
    assert.equal(berlin(3, 0, autumn), '2026-10-25T02:00:00.000Z');
  });

  it('keeps seconds and follows the same rule west of UTC and far east of it', () => {
    assert.equal(iso(wallTimeToEpoch(wall(2026, 7, 1, 12, 0, 30), 'Europe/Berlin')), '2026-07-01T10:00:30.000Z');
    assert.equal(iso(wallTimeToEpoch(wall(2026, 3, 8, 2, 30), 'America/New_York')), '2026-03-08T07:30:00.000Z', 'gap: 03:30 EDT');
    assert.equal(iso(wallTimeToEpoch(wall(2026, 11, 1, 1, 30), 'America/New_York')), '2026-11-01T05:30:00.000Z', 'fold: 01:30 EDT');
    // Auckland is UTC+13 in summer: more than half a day east, so a ±12 h probe lands on the wrong side.
    assert.equal(iso(wallTimeToEpoch(wall(2026, 4, 5, 2, 30), 'Pacific/Auckland')), '2026-04-04T13:30:00.000Z', 'fold: 02:30 NZDT');
    assert.equal(iso(wallTimeToEpoch(wall(2026, 9, 27, 2, 30), 'Pacific/Auckland')), '2026-09-26T14:30:00.000Z', 'gap: 03:30 NZDT');
    assert.equal(iso(wallTimeToEpoch(wall(2026, 3, 29, 2, 30), 'UTC')), '2026-03-29T02:30:00.000Z');
  });

  it('keeps the positional form (y, m, d, h, min, zone)', () => {
    assert.equal(zonedTimeToEpoch(2026, 10, 25, 2, 30, 'Europe/Berlin'), wallTimeToEpoch(wall(2026, 10, 25, 2, 30), 'Europe/Berlin'));
    assert.equal(iso(zonedTimeToEpoch(2025, 3, 30, 3, 0, 'Europe/Berlin')), '2025-03-30T01:00:00.000Z');
  });
});

describe('ISO strings', () => {
  it('writes an instant in a zone with its offset, Z for the zone UTC', () => {
    assert.equal(isoInZone(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin'), '2026-10-25T02:30:00+02:00');
    assert.equal(isoInZone(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin'), '2026-10-25T02:30:00+01:00');
    assert.equal(isoInZone(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York'), '2026-03-08T03:30:00-04:00');
    assert.equal(isoInZone(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata'), '2026-01-01T05:30:00+05:30');
    assert.equal(isoInZone(Date.parse('2026-01-01T00:00:00Z'), 'UTC'), '2026-01-01T00:00:00Z');
    assert.equal(isoInZone(Date.parse('2026-01-01T00:00:00Z'), 'Etc/UTC'), '2026-01-01T00:00:00+00:00');
  });

  it('turns an all-day date into local midnight, across DST changes', () => {
    assert.equal(iso(toEpoch('2025-10-26', 'Europe/Berlin')), '2025-10-25T22:00:00.000Z');
    assert.equal(iso(toEpoch('2025-10-27', 'Europe/Berlin')), '2025-10-26T23:00:00.000Z');
    // Santiago's clocks skip midnight in September: the day starts at 01:00 -03.
    assert.equal(iso(toEpoch('2026-09-06', 'America/Santiago')), '2026-09-06T04:00:00.000Z');
  });

  it('reads date-times with offsets as they are', () => {
    assert.equal(toEpoch('2025-10-21T17:00:00+02:00'), Date.parse('2025-10-21T15:00:00Z'));
  });

  it('bounds events: all-day without end lasts a day, timed without end is a point', () => {
    assert.deepEqual(eventBounds({ start: '2026-10-25', allDay: true, timeZone: 'Europe/Berlin' }).map(iso), ['2026-10-24T22:00:00.000Z', '2026-10-25T22:00:00.000Z']);
    assert.deepEqual(eventBounds({ start: '2026-10-25T02:30:00+02:00', allDay: false, timeZone: 'Europe/Berlin' }).map(iso), ['2026-10-25T00:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });
});

describe('days, weeks and months', () => {
  it('names the local day of an instant', () => {
    assert.equal(dayKey(Date.parse('2025-10-21T22:30:00Z'), 'Europe/Berlin'), '2025-10-22');
    assert.equal(dayKey(Date.parse('2025-10-21T22:30:00Z'), 'UTC'), '2025-10-21');
  });

  it('does calendar arithmetic with Monday weeks and ISO week numbers', () => {
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.equal(weekdayMonday0('2025-10-20'), 0);
    assert.equal(weekdayMonday0('2025-10-26'), 6);
    assert.equal(weekStart('2026-11-01'), '2026-10-26');
    assert.equal(weekStart('2026-10-26'), '2026-10-26');
    assert.equal(isoWeek('2025-01-01'), 1);
    assert.equal(isoWeek('2024-12-30'), 1);
    assert.equal(isoWeek('2021-01-03'), 53);
  });

  it('clamps the day when moving by months, across years and leap days', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2028-02-29', 12), '2029-02-28');
  });

  it('counts the days of a month and compares months', () => {
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2026, 12), 31);
    assert.equal(monthStart('2026-10-21'), '2026-10-01');
    assert.ok(sameMonth('2026-10-01', '2026-10-31') && !sameMonth('2026-10-31', '2026-11-01') && !sameMonth('2025-10-01', '2026-10-01'));
  });

  it('accepts only real days, and names a day by its noon in UTC', () => {
    assert.equal(isoDay('2026-10-21'), '2026-10-21');
    assert.equal(isoDay('2026-13-45'), undefined);
    assert.equal(isoDay('21.10.2026'), undefined);
    assert.equal(isoDay(undefined), undefined);
    assert.equal(iso(utcNoon('2026-10-21')), '2026-10-21T12:00:00.000Z');
  });
});

describe('dayKey', () => {
  it("reads a change off the quarter hour to the minute (St. John's, 00:01 local until 2011)", () => {
    // 2010-03-14: Newfoundland went from -3:30 to -2:30 at 00:01 local, 03:31 UTC.
    const change = Date.UTC(2010, 2, 14, 3, 31);
    assert.equal(timeZoneOffset(change - 60_000, 'America/St_Johns'), -3.5 * 3_600_000);
    assert.equal(timeZoneOffset(change, 'America/St_Johns'), -2.5 * 3_600_000);
    assert.equal(dayKey(change + 30_000, 'America/St_Johns'), '2010-03-14');
  });

  it('agrees with Intl for any instant 1970–2100 in zones with odd offsets and their transitions', () => {
    const zones = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Kiritimati', 'UTC'];
    const intl = new Map(zones.map((z) => [z, new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit' })]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 4_102_444_800_000 }), (zone, t) => {
        assert.equal(dayKey(t, zone), intl.get(zone)!.format(t));
      }),
      { numRuns: 20_000 },
    );
    // The offset itself, read from Intl at the instant (not through any cache).
    const parts = new Map(zones.map((z) => [z, new Intl.DateTimeFormat('en-US', { timeZone: z, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 4_102_444_800 }), (zone, s) => {
        const p = Object.fromEntries(parts.get(zone)!.formatToParts(s * 1000).map((x) => [x.type, Number(x.value)]));
        assert.equal(timeZoneOffset(s * 1000, zone), Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - s * 1000);
      }),
      { numRuns: 20_000 },
    );
    // Around midnight and the transitions, minute by minute.
    for (const zone of zones) {
      for (const start of [wall(2026, 3, 28, 12, 0), wall(2026, 10, 24, 12, 0), wall(2026, 4, 4, 12, 0)]) {
        for (let t = start; t < start + 2 * 86_400_000; t += 60_000) assert.equal(dayKey(t, zone), intl.get(zone)!.format(t), `${zone} ${iso(t)}`);
      }
    }
  });
});

describe('Europe/Berlin without Intl', () => {
  it('gives the offset Intl gives, minute by minute around every transition 1996–2027, and at random instants', () => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const intl = (t: number) => {
      const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
    };
    for (let year = 1995; year <= 2029; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 9 * 86_400_000; t += 15 * 60_000) assert.equal(timeZoneOffset(t, 'Europe/Berlin'), intl(t), `${iso(t)}`);
      }
    }
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }), (t) => {
      const s = Math.floor(t / 1000) * 1000;
      assert.equal(timeZoneOffset(s, 'Europe/Berlin'), intl(s));
    }), { numRuns: 20_000 });
  });
});
