import type { CalendarEvent } from './model/event.js';

// This module must not import the valibot schemas: widgets use it and would carry the
// validator in their bundles (schemas are built at module load, so bundlers keep them).

/** `YYYY-MM-DD`, an all-day date in the model. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at `epochMs`, in ms (Europe/Berlin in summer: +7 200 000). */
export function timeZoneOffset(epochMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of offsetFormatter(timeZone).formatToParts(epochMs)) p[type] = Number(value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Epoch ms of wall-clock time `y-m-d h:min` in `timeZone` (m is 1-based). */
export function zonedTimeToEpoch(y: number, m: number, d: number, h: number, min: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - timeZoneOffset(guess, timeZone);
  const second = guess - timeZoneOffset(first, timeZone);
  return second;
}

/**
 * Epoch ms of an ISO string from the model: a date-time with offset as is, a date (`YYYY-MM-DD`)
 * as midnight in `timeZone`.
 */
export function toEpoch(iso: string, timeZone = 'Europe/Berlin'): number {
  if (ISO_DATE.test(iso)) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return zonedTimeToEpoch(y, m, d, 0, 0, timeZone);
  }
  return Date.parse(iso);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function dayKey(epochMs: number, timeZone = 'Europe/Berlin'): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  return f.format(epochMs);
}

/** Adds whole days to a `YYYY-MM-DD` string (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Day of week of a `YYYY-MM-DD`, Monday = 0 … Sunday = 6 (German weeks start on Monday). */
export function weekdayMonday0(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** ISO 8601 calendar week number of a `YYYY-MM-DD`. */
export function isoWeek(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

const DAY_MS = 86_400_000;

/**
 * Start and (exclusive) end of an occurrence in epoch ms. An all-day event without `end` lasts
 * one day; a timed event without `end` is a point in time.
 */
export function eventBounds(e: Pick<CalendarEvent, 'start' | 'end' | 'allDay' | 'timeZone'>): [number, number] {
  const start = toEpoch(e.start, e.timeZone);
  const end = e.end ? toEpoch(e.end, e.timeZone) : e.allDay ? start + DAY_MS : start;
  return [start, end];
}

/** Whether `[start, end)` touches `[from, to)`; a point event counts when `from <= start < to`. */
export function overlapsRange(start: number, end: number, from: number, to: number): boolean {
  return start < to && (end > from || (end === start && start >= from));
}
