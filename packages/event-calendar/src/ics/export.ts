import { ISO_DATE, addDays, dayKey, safeHttpUrl, toEpoch, type CalendarEvent } from '@sozial-innovativ/core';

/**
 * A small iCalendar (RFC 5545) writer for "add to my calendar". It does not import ical.js, so a
 * calendar widget that offers downloads stays small. Times are written in UTC (`…Z`), which every
 * calendar app reads without a VTIMEZONE block; all-day events are written as dates.
 */
export interface IcsOptions {
  /** Shown by calendar apps that read `X-WR-CALNAME` (Apple, Google, Thunderbird). */
  calendarName?: string;
  /** `PRODID`; defaults to the widgets' own identifier. */
  prodId?: string;
  /** `DTSTAMP` (default: now). Fix it in tests for stable output. */
  now?: Date;
}

export const DEFAULT_PRODID = '-//Sozial.Innovativ//Widgets//DE';
/** Appended to occurrence ids so UIDs are globally unique and stay the same across downloads. */
export const UID_DOMAIN = 'widgets.sozial-innovativ.de';

const CRLF = '\r\n';
const encoder = new TextEncoder();

/**
 * Removes what could break out of a property value: control characters (line breaks are turned
 * into the escaped `\n` first by {@link escapeText}), DEL, C1 controls and Unicode line separators.
 */
// eslint-disable-next-line no-control-regex
const stripControls = (s: string) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, '');

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return stripControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n'),
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 sequence or a
 * UTF-16 surrogate pair. Continuation lines begin with one space, which counts toward the 75.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    // `for…of` walks code points, so a surrogate pair stays together.
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line takes one octet
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20251021T150000Z` */
export function utcDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** `2025-10-21` → `20251021` */
const compactDate = (day: string) => day.replace(/-/g, '');

/** The exclusive end day of an all-day event. */
export function allDayEnd(e: CalendarEvent): string {
  if (!e.end) return addDays(e.start, 1);
  if (ISO_DATE.test(e.end)) return e.end > e.start ? e.end : addDays(e.start, 1);
  // An all-day event with a date-time end: it covers the day that end falls on, unless it ends
  // exactly at midnight.
  const tz = e.timeZone;
  const endMs = toEpoch(e.end, tz);
  const day = dayKey(endMs, tz);
  const end = toEpoch(day, tz) === endMs ? day : addDays(day, 1);
  return end > e.start ? end : addDays(e.start, 1);
}

/** Name, address and town of the place in one line. */
export function locationText(e: CalendarEvent): string | undefined {
  const l = e.location;
  if (!l) return undefined;
  const town = [l.postalCode, l.town].filter(Boolean).join(' ');
  const parts = [l.name, l.address, town].filter((p): p is string => !!p && p.trim() !== '');
  // Drop a name repeated as address ("Rathaus, Rathaus").
  return [...new Set(parts)].join(', ') || undefined;
}

const STATUS: Record<CalendarEvent['status'], string> = {
  scheduled: 'CONFIRMED',
  cancelled: 'CANCELLED',
  postponed: 'TENTATIVE',
};

function eventLines(e: CalendarEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(`${e.id}@${UID_DOMAIN}`)}`, `DTSTAMP:${stamp}`];
  if (e.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.start)}`, `DTEND;VALUE=DATE:${compactDate(allDayEnd(e))}`);
  } else {
    const start = toEpoch(e.start, e.timeZone);
    lines.push(`DTSTART:${utcDateTime(start)}`);
    if (e.end) {
      const end = toEpoch(e.end, e.timeZone);
      if (end > start) lines.push(`DTEND:${utcDateTime(end)}`);
    }
  }
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  const description = [e.description, e.onlineUrl && safeHttpUrl(e.onlineUrl) ? `Online: ${safeHttpUrl(e.onlineUrl)}` : '']
    .filter(Boolean)
    .join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  const location = locationText(e);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  const geo = e.location?.geo;
  if (geo) lines.push(`GEO:${geo.lat.toFixed(6)};${geo.lon.toFixed(6)}`);
  const url = safeHttpUrl(e.url) ?? safeHttpUrl(e.onlineUrl);
  // safeHttpUrl returns a serialized URL: percent-encoded, no spaces, no control characters.
  if (url) lines.push(`URL:${url}`);
  lines.push(`STATUS:${STATUS[e.status] ?? 'CONFIRMED'}`);
  const topics = e.topics.map((t) => escapeText(t)).filter(Boolean);
  if (topics.length) lines.push(`CATEGORIES:${topics.join(',')}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Writes one event or a filtered list as an iCalendar file (`text/calendar`). Pass events that
 * went through the model validation (`validateEvents` or an adapter).
 */
export function eventsToIcs(events: CalendarEvent[], options: IcsOptions = {}): string {
  const stamp = utcDateTime((options.now ?? new Date()).getTime());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${stripControls(options.prodId ?? DEFAULT_PRODID).replace(/\r|\n/g, '') || DEFAULT_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const e of events) lines.push(...eventLines(e, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

const TRANSLITERATE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** A safe download name for a title: `Zukunft gestalten!` → `zukunft-gestalten.ics`. */
export function icsFileName(title: string | undefined, fallback = 'termin'): string {
  const slug = (title ?? '')
    .replace(/[äöüÄÖÜß]/g, (c) => TRANSLITERATE[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${slug || fallback}.ics`;
}
