import { writeJsonLd } from '@sozial-innovativ/core/elements';
import type { AgendaRow, DayEvent } from './days.js';
import { eventsJsonLd } from './to-json-ld.js';

/**
 * Writes the visible events as schema.org JSON-LD into the calendar's light DOM (crawlers do not
 * read shadow DOM), through core's Trusted Types policy: the list's rows (a grouped series with
 * all its dates) and the month's days; `undefined` removes it. Loaded after the events show, so
 * the first script does not carry even the gathering of the events.
 */
export function writeEventsJsonLd(
  host: Element,
  shown: { rows: readonly (AgendaRow & { series?: readonly AgendaRow[] })[]; days: ReadonlyMap<string, readonly DayEvent[]> } | undefined,
): boolean {
  const events = shown && [...shown.rows.flatMap((r) => r.series ?? r).map((r) => r.item), ...[...shown.days.values()].flat()].map((x) => x.event);
  return writeJsonLd(host, events?.length ? eventsJsonLd(events) : undefined);
}
