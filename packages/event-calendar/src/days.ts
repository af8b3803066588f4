import { addDays, dayKey, eventBounds, type CalendarEvent } from '@sozial-innovativ/core';

/**
 * An event with everything the views need precomputed once per data load, so no date math runs
 * while rendering: epoch bounds and the calendar days it covers in its own time zone.
 */
export interface DayEvent {
  readonly event: CalendarEvent;
  /** Start and exclusive end, epoch ms. */
  readonly start: number;
  readonly end: number;
  /** First and last calendar day (`YYYY-MM-DD`, inclusive) in the event's time zone. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** Lower-cased search text, built on first use by the free-text filter. */
  text?: string;
}

const dayCache = new Map<string, Map<number, string>>();
/**
 * core's `dayKey`, memoized per 15-minute slot: every time zone's midnight falls on a quarter
 * hour, so all instants of one slot share a day, and events mostly start on round times.
 */
function dayOf(epochMs: number, timeZone: string): string {
  let cache = dayCache.get(timeZone);
  if (!cache) dayCache.set(timeZone, (cache = new Map()));
  const slot = Math.floor(epochMs / 900_000);
  let day = cache.get(slot);
  if (day === undefined) {
    if (cache.size > 50_000) cache.clear();
    cache.set(slot, (day = dayKey(epochMs, timeZone)));
  }
  return day;
}

/** Indexes validated events, sorted by start (then title), in one pass. */
export function indexEvents(events: readonly CalendarEvent[]): DayEvent[] {
  const out: DayEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const tz = event.timeZone;
    const [start, end] = eventBounds(event);
    const firstDay = event.allDay ? event.start.slice(0, 10) : dayOf(start, tz);
    // `end` is exclusive: the last day is the day of the last millisecond.
    const lastDay = end > start ? (event.allDay && event.end?.length === 10 ? addDays(event.end, -1) : dayOf(end - 1, tz)) : firstDay;
    out[i] = { event, start, end, firstDay, lastDay: lastDay < firstDay ? firstDay : lastDay };
  }
  return out.sort((a, b) => a.start - b.start || (a.event.title < b.event.title ? -1 : a.event.title > b.event.title ? 1 : 0));
}

/** A row of the agenda: the event and the day it is listed under (its first day in range). */
export interface AgendaRow {
  item: DayEvent;
  day: string;
}

/**
 * The agenda for `[fromDay, toDay)`: every event once, under its first day in range (an event
 * that began earlier and still runs is listed on `fromDay`), in day and start order.
 */
export function agendaRows(list: readonly DayEvent[], fromDay: string, toDay: string): AgendaRow[] {
  const rows: AgendaRow[] = [];
  for (const item of list) {
    if (item.lastDay < fromDay || item.firstDay >= toDay) continue;
    rows.push({ item, day: item.firstDay < fromDay ? fromDay : item.firstDay });
  }
  // `list` is in start order; only the ongoing events moved to `fromDay` need a stable re-sort.
  return rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The next `limit` events that have not ended at `now` (a point event counts until it starts). */
export function upcomingRows(list: readonly DayEvent[], now: number, limit: number): AgendaRow[] {
  const rows: AgendaRow[] = [];
  for (const item of list) {
    if (rows.length >= limit) break;
    if (item.end > now || item.start >= now) rows.push({ item, day: item.firstDay });
  }
  return rows;
}
