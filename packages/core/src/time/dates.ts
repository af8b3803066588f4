import type { CalendarEvent } from '../model/event.js';

// Days, weeks and months of `YYYY-MM-DD` strings, and instants in time zones: one file for
// several concepts on purpose. A bundler gives the code that a widget and its lazy views share
// one chunk per module, and every chunk costs the first script bytes: the calendar's first paint
// needs all of these, and split into files they cost it 120–400 B gzip more (measured). Exports
// nobody calls are still dropped. What only adapters call lives beside it (`iso.ts`, `range.ts`,
// `zone.ts`), out of the widgets' first chunk.

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD`, an all-day date in the model. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `raw` if it is a real day (`2026-10-21`, not `2026-13-45`). */
export const isoDay = (raw: string | undefined): string | undefined =>
  raw && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;

/** Noon UTC of `day`, epoch ms: formatted with `timeZone: 'UTC'` it is that day everywhere. */
export const utcNoon = (day: string): number => Date.parse(`${day}T12:00:00Z`);

// ---- Days and weeks: calendar arithmetic in UTC, no time zone involved.

/** Adds whole days to a `YYYY-MM-DD` string. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Day of week of a `YYYY-MM-DD`, Monday = 0 … Sunday = 6 (German weeks start on Monday). */
export function weekdayMonday0(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Monday of the week of `day`. */
export const weekStart = (day: string): string => addDays(day, -weekdayMonday0(day));

/** ISO 8601 calendar week number of a `YYYY-MM-DD`. */
export function isoWeek(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((date.getTime() - firstThursday.getTime()) / DAY_MS - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

// ---- Months, as date pickers move through them.

/** The first day of the month of `day`. */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** Whether two days lie in the same month. */
export const sameMonth = (a: string, b: string): boolean => a.slice(0, 7) === b.slice(0, 7);

/** Number of days of a month (`month1` is 1-based), 28 to 31. */
export const daysInMonth = (year: number, month1: number): number => new Date(Date.UTC(year, month1, 0)).getUTCDate();

/** Moves by whole months and clamps the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  const clamped = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

// ---- Instants in time zones.

/**
 * Zones change their offset on whole minutes (not always quarter hours: St. John's changed at
 * 00:01 local time until 2011, 03:31 UTC), so a day with a change is read to the minute.
 */
const MINUTE_MS = 60_000;
/** Per zone: its formatter and instant (epoch ms: a day's or a minute's start) → offset. */
const zones = new Map<string, { f: Intl.DateTimeFormat; q: Map<number, number> }>();

/** Offset of `timeZone` at the instant `at` (one `formatToParts`, cached). */
function offsetAt(at: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (!zone) {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    zones.set(timeZone, (zone = { f, q: new Map() }));
  }
  let offset = zone.q.get(at);
  if (offset === undefined) {
    const p: Record<string, number> = {};
    for (const { type, value } of zone.f.formatToParts(at)) p[type] = Number(value);
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
    if (zone.q.size > 100_000) zone.q.clear();
    zone.q.set(at, offset);
  }
  return offset;
}

/**
 * Offset of `timeZone` from UTC at `epochMs`, in ms (Europe/Berlin in summer: +7 200 000).
 * Zones change their offset a few times a year: when a UTC day starts and ends with the same
 * offset, the whole day has it (two cached `formatToParts` per day, shared with the days beside
 * it); only a day with a change asks for the instant's minute. A month of 10,000 events
 * costs about 30 calls into `Intl`, not one per event.
 */
export function timeZoneOffset(epochMs: number, timeZone: string): number {
  if (timeZone === 'Europe/Berlin' && epochMs >= EU_FROM && epochMs < EU_TO) return berlinOffset(epochMs);
  const day = Math.floor(epochMs / DAY_MS) * DAY_MS;
  const atStart = offsetAt(day, timeZone);
  return atStart === offsetAt(day + DAY_MS, timeZone)
    ? atStart
    : offsetAt(Math.floor(epochMs / MINUTE_MS) * MINUTE_MS, timeZone);
}

/**
 * Europe/Berlin by the EU's summer-time rule (in the tz database since 1996: from the last Sunday
 * of March to the last Sunday of October, 01:00 UTC each), without `Intl`: a cold page's first
 * `Intl.DateTimeFormat` costs 11–15 ms, and most events are in this zone. Only for the years this
 * release can vouch for; before and after them `Intl` (the browser's tz data) decides, so a
 * change of the rule reaches the widgets with the browsers' data. time.node.test.ts compares
 * both over the whole span.
 */
const EU_FROM = Date.UTC(1996, 0, 1);
const EU_TO = Date.UTC(2028, 0, 1);
const summers = new Map<number, readonly [number, number]>();
/** 01:00 UTC on the last Sunday of month `m` (0-based) of `y`. */
const lastSunday = (y: number, m: number) => {
  const last = Date.UTC(y, m + 1, 0, 1);
  return last - new Date(last).getUTCDay() * DAY_MS;
};
function berlinOffset(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  let summer = summers.get(year);
  if (!summer) summers.set(year, (summer = [lastSunday(year, 2), lastSunday(year, 9)]));
  return epochMs >= summer[0] && epochMs < summer[1] ? 7_200_000 : 3_600_000;
}

/**
 * The instant of a wall-clock time in `timeZone`, the one rule for every source (RFC 5545
 * §3.3.5): a time that falls into a daylight-saving gap is read with the offset before the gap
 * (02:30 on 2026-03-29 in Berlin is 03:30 CEST, 01:30Z); a time that occurs twice means the
 * first occurrence (02:30 on 2026-10-25 is 02:30 CEST, 00:30Z).
 *
 * `wallMs` is the wall-clock time written as if it were UTC: `Date.UTC(y, m - 1, d, h, min, s)`.
 */
export function wallTimeToEpoch(wallMs: number, timeZone: string): number {
  // The offsets a day before and a day after: a day is more than any zone's offset, so the
  // probes lie on either side of the instant in every zone (±12 h would not in UTC+13).
  const before = timeZoneOffset(wallMs - DAY_MS, timeZone);
  const after = timeZoneOffset(wallMs + DAY_MS, timeZone);
  // The reading with the offset before, unless it does not exist and the one with the offset
  // after does. In a fold both exist and the first wins; in a gap neither does.
  return timeZoneOffset(wallMs - before, timeZone) !== before && timeZoneOffset(wallMs - after, timeZone) === after
    ? wallMs - after
    : wallMs - before;
}

/** Epoch ms of wall-clock time `y-m-d h:min` in `timeZone` (m is 1-based), by {@link wallTimeToEpoch}'s rule. */
export const zonedTimeToEpoch = (y: number, m: number, d: number, h: number, min: number, timeZone: string): number =>
  wallTimeToEpoch(Date.UTC(y, m - 1, d, h, min), timeZone);

/**
 * Epoch ms of an ISO string from the model: a date-time with offset as is, a date (`YYYY-MM-DD`)
 * as midnight in `timeZone`.
 */
export const toEpoch = (iso: string, timeZone = 'Europe/Berlin'): number =>
  // `Date.parse` reads a bare date as UTC midnight: the wall time that wallTimeToEpoch takes.
  ISO_DATE.test(iso) ? wallTimeToEpoch(Date.parse(iso), timeZone) : Date.parse(iso);

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`: the instant moved by the zone's
 * offset then (the per-day cache above), read as UTC. No formatter of its own: a month of
 * 10,000 events asks for 20,000 days, and a cold page pays for every `Intl` object it creates.
 */
export function dayKey(epochMs: number, timeZone = 'Europe/Berlin'): string {
  return new Date(epochMs + timeZoneOffset(epochMs, timeZone)).toISOString().slice(0, 10);
}

/**
 * Start and (exclusive) end of an occurrence in epoch ms. An all-day event without `end` lasts
 * one day; a timed event without `end` is a point in time.
 */
export function eventBounds(e: Pick<CalendarEvent, 'start' | 'end' | 'allDay' | 'timeZone'>): [number, number] {
  const start = toEpoch(e.start, e.timeZone);
  const end = e.end ? toEpoch(e.end, e.timeZone) : e.allDay ? start + DAY_MS : start;
  return [start, end];
}
