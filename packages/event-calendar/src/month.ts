import { ISO_DATE, addDays, weekdayMonday0 } from '@sozial-innovativ/core';

/** `YYYY-MM-DD` → the first day of its month. */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Moves by whole months and clamps the day (31 Jan + 1 month = 28/29 Feb), as date pickers do. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  const clamped = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** Monday of the week of `day` (German weeks start on Monday). */
export const weekStart = (day: string): string => addDays(day, -weekdayMonday0(day));

/** Whether two days lie in the same month. */
export const sameMonth = (a: string, b: string): boolean => a.slice(0, 7) === b.slice(0, 7);

/** Noon UTC of `day`, epoch ms: formatted with `timeZone: 'UTC'` it is that day everywhere. */
export const utcNoon = (day: string): number => Date.parse(`${day}T12:00:00Z`);

/** `raw` if it is a real day (`2026-10-21`, not `2026-13-45`). */
export const isoDay = (raw: string | undefined): string | undefined => (raw && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined);
