// iCalendar text → ParsedCalendar, once per text: the feed split into blocks, its header
// (X-WR-CALNAME, X-WR-TIMEZONE), sane VTIMEZONEs, then each VEVENT on its own (event.ts) within the
// feed's limits. Cached per text; run in one go or in slices that yield to the page (guard.ts).
import ICAL from 'ical.js';
import { AdapterError, DEFAULT_TIME_ZONE, LIMITS } from '@sozial-innovativ/core';
import { Clock, ruleProblem, runAsync, runSync, timezoneIsSane } from './guard.js';
import { splitBlocks, tzidsOf } from './split.js';
import { ianaFromTzid } from './zones.js';
import { readComponent, type FeedContext, type Override, type Series } from './event.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** A parsed feed. Parse once per text, expand many ranges. */
export interface ParsedCalendar {
  name?: string;
  /** X-WR-TIMEZONE when valid, else Europe/Berlin: the zone of floating times and all-day events. */
  timeZone: string;
  series: Series[];
  /** Overrides (RECURRENCE-ID) by series uid. */
  overrides: Map<string, Override[]>;
  /** VEVENTs that could not be read or do not match the model. */
  dropped: number;
  /** The feed URL that relative URLs were resolved against. */
  baseUrl?: string;
}

export interface ParseOptions {
  /** The feed's URL: a relative `URL` of an event is resolved against it. */
  baseUrl?: string;
}

/** More distinct TZIDs or VTIMEZONEs than this is no calendar: later ones are not read. */
export const MAX_TIMEZONES = 50;

const textCache = new Map<string, ParsedCalendar>();
const pendingParses = new Map<string, { baseUrl?: string; parsed: Promise<ParsedCalendar> }>();
/** Each parsed feed's zones and defaults, kept out of the public ParsedCalendar: expand.ts reads them. */
export const feedContexts = new WeakMap<ParsedCalendar, FeedContext>();
const TEXT_CACHE_LIMIT = 4;
/** Calendar-level property lines read; a feed is its components, not megabytes of X- lines. */
const MAX_HEADER_LINES = 500;
/** RDATE and EXDATE values of one VEVENT: more is a flood, not a schedule. */
const MAX_DATE_VALUES = 5_000;

const cachedParse = (text: string, baseUrl: string | undefined) => {
  const cached = textCache.get(text);
  return cached && cached.baseUrl === baseUrl ? cached : undefined;
};

function remember(text: string, parsed: ParsedCalendar): ParsedCalendar {
  textCache.delete(text);
  textCache.set(text, parsed);
  if (textCache.size > TEXT_CACHE_LIMIT) textCache.delete(textCache.keys().next().value!);
  return parsed;
}

/**
 * Parses an iCalendar text once: VTIMEZONEs, series, overrides. Throws a `parse`
 * {@link AdapterError} for text that is not iCalendar; single VEVENTs that cannot be read are
 * counted in `dropped`. Results are cached per text, so repeated range queries cost no parsing.
 */
export function parseIcs(text: string, options: ParseOptions = {}): ParsedCalendar {
  return cachedParse(text, options.baseUrl) ?? remember(text, runSync(parseCore(text, options, new Clock())));
}

/** {@link parseIcs} in time slices, yielding to the event loop between them (what the adapter uses). */
export function parseIcsAsync(text: string, options: ParseOptions & { signal?: AbortSignal } = {}): Promise<ParsedCalendar> {
  const cached = cachedParse(text, options.baseUrl);
  if (cached) return Promise.resolve(cached);
  const pending = pendingParses.get(text);
  if (pending && pending.baseUrl === options.baseUrl) return pending.parsed;
  const clock = new Clock();
  const parsed = runAsync(parseCore(text, options, clock), clock)
    .then((p) => remember(text, p))
    .finally(() => pendingParses.delete(text));
  // One parse per text, however many widgets ask; an abort of one asker must not abort the others.
  pendingParses.set(text, { baseUrl: options.baseUrl, parsed });
  const signal = options.signal;
  if (!signal) return parsed;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    parsed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const parseError = (e: unknown) =>
  new AdapterError('parse', `The calendar feed could not be read: ${(e as Error)?.message ?? e}`.slice(0, 300), undefined, { cause: e });

/** ICAL.parse of one block into a component of the expected name, or undefined. */
function parseBlock(block: string, name: string): IcalComponent | undefined {
  try {
    const jcal = ICAL.parse(block) as unknown;
    if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') return undefined;
    const comp = new ICAL.Component(jcal as ConstructorParameters<typeof ICAL.Component>[0]);
    return comp.name === name ? comp : undefined;
  } catch {
    return undefined;
  }
}

/** RDATE and EXDATE values in a block, counted without parsing it. */
function dateValuesIn(block: string): number {
  let n = 0;
  for (const m of block.matchAll(/^(?:RDATE|EXDATE)[^:\r\n]*:([^\r\n]*)/gim)) n += m[1]!.split(',').length;
  return n;
}

/**
 * The parser as a generator: it yields after each component, so the async driver can pause it.
 * The text is split into blocks first (see {@link splitBlocks}); VTIMEZONEs are read before any
 * VEVENT, each VEVENT on its own, so one broken event costs only itself.
 */
function* parseCore(text: string, options: ParseOptions, clock: Clock): Generator<void, ParsedCalendar> {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000).replace(/^\ufeff/, ''))) {
    throw new AdapterError('parse', 'The calendar feed is not iCalendar data (no BEGIN:VCALENDAR)');
  }
  const blocks = yield* splitBlocks(text);
  // The calendar's own lines decide whether this is iCalendar at all: garbage there rejects the feed.
  let header: IcalComponent;
  try {
    header = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...blocks.header.slice(0, MAX_HEADER_LINES), 'END:VCALENDAR', ''].join('\r\n')) as ConstructorParameters<typeof ICAL.Component>[0]);
  } catch (e) {
    throw parseError(e);
  }
  const parsed: ParsedCalendar = { timeZone: DEFAULT_TIME_ZONE, series: [], overrides: new Map(), dropped: blocks.broken, baseUrl: options.baseUrl };
  const wrTz = header.getAllProperties('x-wr-timezone').map((p) => ianaFromTzid(String(p.getFirstValue() ?? ''))).find(Boolean);
  if (wrTz) parsed.timeZone = wrTz;
  const name = header.getAllProperties('x-wr-calname').map((p) => p.getFirstValue()).find((n) => typeof n === 'string' && n.trim());
  if (typeof name === 'string') parsed.name = name.trim().slice(0, 300);

  const vtimezones = new Map<string, IcalTimezone>();
  for (const block of blocks.vtimezones.slice(0, MAX_TIMEZONES)) {
    const vtz = parseBlock(block, 'vtimezone');
    const tzid = vtz?.getFirstPropertyValue('tzid');
    // A broken or hostile VTIMEZONE: its TZID falls back to the IANA zone of the same name.
    try {
      if (vtz && typeof tzid === 'string' && !vtimezones.has(tzid) && timezoneIsSane(vtz, clock)) {
        vtimezones.set(tzid, new ICAL.Timezone({ component: vtz, tzid }));
      }
    } catch {
      // as above
    }
    yield;
  }
  const ctx: FeedContext = { vtimezones, timeZone: parsed.timeZone, baseUrl: options.baseUrl };
  const tzids = new Set<string>();
  let vevents = 0;
  for (const block of blocks.vevents) {
    yield;
    if (++vevents > LIMITS.items || dateValuesIn(block) > MAX_DATE_VALUES) {
      parsed.dropped++;
      continue;
    }
    // Every distinct zone name costs an Intl lookup and a cache entry: a feed gets a few dozen.
    const ids = tzidsOf(block).filter((id) => !tzids.has(id));
    if (ids.length && new Set([...tzids, ...ids]).size > MAX_TIMEZONES) {
      parsed.dropped++;
      continue;
    }
    for (const id of ids) tzids.add(id);
    const comp = parseBlock(block, 'vevent');
    let read: ReturnType<typeof readComponent>;
    try {
      read = comp && readComponent(comp, ctx, parsed.name);
    } catch {
      read = undefined;
    }
    if (!read || read.series.rrules.some((r) => ruleProblem(r) === 'invalid')) {
      parsed.dropped++;
    } else if (read.recurrenceKey !== undefined) {
      const { rrules: _r, rdates: _d, exdates: _e, ...rest } = read.series;
      const list = parsed.overrides.get(read.series.uid) ?? [];
      list.push({ ...rest, recurrenceKey: read.recurrenceKey });
      parsed.overrides.set(read.series.uid, list);
    } else {
      parsed.series.push(read.series);
    }
  }
  feedContexts.set(parsed, ctx);
  return parsed;
}
