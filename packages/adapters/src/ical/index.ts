import {
  AdapterError, fetchText, safeHttpUrl, type CalendarEvent, type DataAdapter, type EventQuery, type FetchOptions,
  type RequestOptions, type Result,
} from '@sozial-innovativ/core';
import { parseIcsAsync } from './parse.js';
import { expandIcsAsync, MAX_OCCURRENCES } from './expand.js';
import { seriesIcs } from './series.js';

export { parseIcs, parseIcsAsync } from './parse.js';
export { expandIcs, expandIcsAsync, MAX_OCCURRENCES } from './expand.js';
export { ianaFromTzid, zonedWallToEpoch } from './zones.js';
export type { ParsedCalendar, ParseOptions } from './parse.js';
export type { ExpandOptions, Expansion } from './expand.js';

export interface IcalAdapterOptions {
  /** iCalendar text (Node, tests, inline feeds). */
  text?: string;
  /** Feed URL; `webcal:` is fetched as `https:`. */
  url?: string;
  /** Alias of `url`, as `<si-data-source src>` passes it. */
  src?: string;
  /** Timeout, retries, retry delay … for the HTTP request. */
  fetchOptions?: Omit<FetchOptions, 'signal'>;
  /** At most this many occurrences per query (default 10 000). */
  maxOccurrences?: number;
}

/** A result that may have been cut short by the occurrence cap. */
export interface IcalResult extends Result<CalendarEvent> {
  truncated: boolean;
  /** UIDs of the series a budget or the fair share of the cap cut short. */
  truncatedSeries: string[];
  /** X-WR-CALNAME of the feed. */
  calendarName?: string;
}

export interface IcalAdapter extends DataAdapter {
  events(query: EventQuery, options?: RequestOptions): Promise<IcalResult>;
  /**
   * The series `uid` as the feed has it (RRULE, RDATE, EXDATE, overrides, VTIMEZONEs) as an
   * iCalendar file, from the text of the last `events()` call; undefined when it is not there.
   */
  seriesIcs(uid: string): string | undefined;
}

/** `webcal://host/x.ics` → `https://host/x.ics`; other http(s) URLs as they are. */
export function feedHttpUrl(src: string): string | undefined {
  return safeHttpUrl(src.trim().replace(/^webcals?:\/\//i, 'https://'));
}

/**
 * Events from an iCalendar (RFC 5545) feed or text, expanded to occurrences in the requested
 * range. Works in Node and browsers: `createIcalAdapter({ text })` or `({ url })`.
 */
export function createIcalAdapter(options: IcalAdapterOptions): IcalAdapter {
  const src = options.url ?? options.src;
  if (options.text === undefined && !src) throw new AdapterError('config', 'The ical source needs a URL or iCalendar text');
  const url = src ? feedHttpUrl(src) : undefined;
  if (options.text === undefined && !url) throw new AdapterError('config', `Not an http(s) or webcal URL: ${String(src).slice(0, 200)}`);
  const maxOccurrences = Math.max(1, Math.min(options.maxOccurrences ?? MAX_OCCURRENCES, MAX_OCCURRENCES));
  const createdAt = Date.now();
  let lastText = options.text;

  return {
    kind: 'ical',
    feedUrl: url,
    seriesIcs: (uid) => (lastText === undefined ? undefined : seriesIcs(lastText, uid)),
    async events(query, requestOptions) {
      const signal = requestOptions?.signal;
      signal?.throwIfAborted();
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      if (Number.isNaN(from) || Number.isNaN(to)) throw new AdapterError('config', 'Invalid range');
      let text = options.text;
      let fetchedAt = createdAt;
      let stale: boolean | undefined;
      if (text === undefined) {
        const res = await fetchText(url!, {
          accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1', ...options.fetchOptions, signal,
        });
        ({ text, fetchedAt, stale } = res);
      }
      signal?.throwIfAborted();
      lastText = text;
      // Parsing and expanding pause every few milliseconds, so a huge or hostile feed never
      // blocks the page it is embedded in.
      const parsed = await parseIcsAsync(text, { baseUrl: url, signal });
      const { items, dropped, truncated, truncatedSeries } = await expandIcsAsync(parsed, from, to, { maxOccurrences, sourceUrl: url, signal });
      return { items, dropped, fetchedAt, stale, truncated, truncatedSeries, calendarName: parsed.name };
    },
  };
}
