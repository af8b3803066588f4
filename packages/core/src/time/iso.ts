import { timeZoneOffset } from './dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2025-10-21T17:00:00+02:00`: an instant as the model writes it, in `timeZone`'s local time
 * with its offset (`Z` for the zone `UTC`). Whole seconds.
 */
export function isoInZone(epochMs: number, timeZone: string): string {
  const offset = timeZoneOffset(epochMs, timeZone);
  const local = new Date(epochMs + offset).toISOString().slice(0, 19);
  if (offset === 0 && timeZone === 'UTC') return `${local}Z`;
  const abs = Math.abs(offset) / 60_000;
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

