import { timeZoneOffset } from '../time/dates.js';
import { MAX, MIN, MONTHS, longDate } from './german-long-date.js';

/*
 * German dates without `Intl`, for the formats a widget's first screen shows (the month's title,
 * weekday names, "Montag, 2. März 2026", chip times, a list's range). A page's first
 * `Intl.DateTimeFormat` costs 11–15 ms on a cold page here (ICU loads its date data), more than
 * the calendar's whole month grid; these formats are written by hand as Chromium's and Firefox's
 * `Intl` write them (german-dates.node.test.ts compares every one with `Intl` over whole years).
 * Any other format, language, zone-less date or year outside 1000–9999 goes to `Intl`.
 */

const MONTHS_SHORT = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const WEEKDAYS_SHORT = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Date formats of UTC days, keyed by their options (without `timeZone: 'UTC'` and `hourCycle`). */
const DAY_FORMATS: Record<string, (d: Date) => string> = {
  'month:long,year:numeric': (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  'day:numeric,month:long,weekday:long,year:numeric': (d) => `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()}. ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  'weekday:short': (d) => WEEKDAYS_SHORT[d.getUTCDay()]!,
  'weekday:long': (d) => WEEKDAYS[d.getUTCDay()]!,
  'day:numeric,month:short,weekday:short': (d) => `${WEEKDAYS_SHORT[d.getUTCDay()]}., ${d.getUTCDate()}. ${MONTHS_SHORT[d.getUTCMonth()]}`,
  'day:numeric,month:short': (d) => `${d.getUTCDate()}. ${MONTHS_SHORT[d.getUTCMonth()]}`,
  'day:numeric,month:long': (d) => `${d.getUTCDate()}. ${MONTHS[d.getUTCMonth()]}`,
  'dateStyle:long': (d) => longDate(d),
  'day:numeric,month:short,year:numeric': (d) => `${d.getUTCDate()}. ${MONTHS_SHORT[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
};
/** The one time format: wall-clock hours and minutes in the format's zone. */
const TIME = 'hour:2-digit,minute:2-digit';
const RANGE = 'day:numeric,month:short,year:numeric';

const signature = (options: Intl.DateTimeFormatOptions): string =>
  Object.entries(options)
    .filter(([k]) => k !== 'timeZone' && k !== 'hourCycle')
    .map(([k, v]) => `${k}:${String(v)}`)
    .sort()
    .join(',');

/**
 * A German formatter of `options` that writes by hand what it can and asks `intl()` (created on
 * first need) for the rest; undefined when `options` is not one of the hand-written formats.
 */
export function germanDateFormat(options: Intl.DateTimeFormatOptions, intl: () => Intl.DateTimeFormat): Intl.DateTimeFormat | undefined {
  if (options.hourCycle && options.hourCycle !== 'h23') return undefined;
  const key = signature(options);
  const zone = options.timeZone;
  let write: ((t: number) => string) | undefined;
  if (key === TIME && zone) {
    write = (t) => {
      const wall = new Date(t + timeZoneOffset(t, zone));
      return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
    };
  } else if (DAY_FORMATS[key] && zone === 'UTC') {
    const day = DAY_FORMATS[key];
    write = (t) => day(new Date(t));
  }
  if (!write) return undefined;
  // Intl writes years before 1000 and eras its own way; an invalid date makes it throw.
  const handles = (t: number) => t >= MIN && t < MAX;
  const format = (date?: Date | number) => {
    const t = date === undefined ? Date.now() : +date;
    return handles(t) ? write(t) : intl().format(date);
  };
  const formatRange = (a: Date | number, b: Date | number) => {
    const [x, y] = [+a, +b];
    if (key !== RANGE || !handles(x) || !handles(y) || x > y) return intl().formatRange(a, b);
    // As Chromium and Firefox write it: "1.–31. März 2026", "1. März – 30. Apr. 2026".
    const [p, q] = [new Date(x), new Date(y)];
    const [pd, pm, py, qd, qm, qy] = [p.getUTCDate(), p.getUTCMonth(), p.getUTCFullYear(), q.getUTCDate(), q.getUTCMonth(), q.getUTCFullYear()];
    if (py !== qy) return `${write(x)} – ${write(y)}`;
    if (pm !== qm) return `${pd}. ${MONTHS_SHORT[pm]} – ${qd}. ${MONTHS_SHORT[qm]} ${qy}`;
    return pd === qd ? write(x) : `${pd}.–${qd}. ${MONTHS_SHORT[pm]} ${qy}`;
  };
  return {
    format,
    formatRange,
    formatToParts: (date?: Date | number) => intl().formatToParts(date),
    formatRangeToParts: (a: Date | number, b: Date | number) => intl().formatRangeToParts(a, b),
    resolvedOptions: () => intl().resolvedOptions(),
  } as Intl.DateTimeFormat;
}
