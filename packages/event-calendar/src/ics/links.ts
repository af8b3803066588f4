import { safeHttpUrl, toEpoch, type CalendarEvent } from '@sozial-innovativ/core';
import { allDayEnd, locationText, utcDateTime } from './export.js';

/**
 * "Add to Google Calendar" and "Add to Outlook.com" as plain links, built here from the event:
 * no script or pixel of either provider loads, and nothing is sent until a visitor follows one.
 */

/** Start and exclusive end in UTC (`20261021T150000Z`), or the days (`20261021`) of an all-day event. */
function bounds(e: CalendarEvent): [string, string] {
  if (e.allDay) return [e.start.replace(/-/g, ''), allDayEnd(e).replace(/-/g, '')];
  const start = toEpoch(e.start, e.timeZone);
  const end = e.end ? Math.max(start, toEpoch(e.end, e.timeZone)) : start + 3_600_000;
  return [utcDateTime(start), utcDateTime(end)];
}

/** Description plus the event's page, so the entry leads back to it. */
function details(e: CalendarEvent): string {
  const url = safeHttpUrl(e.url) ?? safeHttpUrl(e.onlineUrl);
  return [e.description, url].filter(Boolean).join('\n\n').slice(0, 1500);
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((p): p is [string, string] => !!p[1])).toString();

/** Google Calendar's "create event" form, filled in. */
export function googleCalendarUrl(e: CalendarEvent): string {
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE', text: e.title, dates: bounds(e).join('/'), details: details(e), location: locationText(e), ctz: e.allDay ? undefined : e.timeZone,
  })}`;
}

/** `20261021T150000Z` → `2026-10-21T15:00:00Z`, `20261021` → `2026-10-21`. */
const isoOf = (s: string) => s.replace(/^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/, (_, y, m, d, h, i, x) => `${y}-${m}-${d}${h ? `T${h}:${i}:${x}Z` : ''}`);

/** Outlook.com's (Microsoft 365 personal) "new event" form, filled in. */
export function outlookCalendarUrl(e: CalendarEvent): string {
  const [start, end] = bounds(e).map(isoOf);
  return `https://outlook.live.com/calendar/0/action/compose?${query({
    path: '/calendar/action/compose', rru: 'addevent', subject: e.title, startdt: start, enddt: end, allday: e.allDay ? 'true' : undefined, body: details(e), location: locationText(e),
  })}`;
}
