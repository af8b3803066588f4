// Wall-clock values of a feed as plain fields, before any zone applies: read from ical.js times,
// moved by whole days, written as the dates and keys the model uses. Turning them into instants is
// zones.ts's job, with core's time module.
import type ICAL from 'ical.js';

type IcalTime = InstanceType<typeof ICAL.Time>;

export const DAY_MS = 86_400_000;

/** Wall-clock time without a zone. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const wallUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

export function wallFromUtc(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const dateString = (w: Pick<Wall, 'year' | 'month' | 'day'>) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

export function addDaysWall(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

export const utcKey = (epochMs: number) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function readWall(t: IcalTime): Wall | undefined {
  const w = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute, second: t.isDate ? 0 : t.second };
  const ok = Object.values(w).every((n) => Number.isInteger(n)) && w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= 31
    && w.hour <= 24 && w.minute <= 59 && w.second <= 60 && w.year >= 1 && w.year <= 9999;
  return ok ? w : undefined;
}
