import ICAL from 'ical.js';
import {
  AdapterError, DEFAULT_TIME_ZONE, LIMITS, daysInMonth, isTimeZone, isoInZone, overlapsRange, timeZoneOffset, validateItem,
  wallTimeToEpoch, CalendarEventSchema, type CalendarEvent,
} from '@sozial-innovativ/core';
import {
  Budget, BudgetExhausted, Clock, GuardedRecurIterator, SUB_DAILY, fairQuota, ruleProblem, runAsync, runSync, timezoneIsSane,
} from './guard.js';
import { resolveAgainst, splitBlocks, tzidsOf } from './split.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;
type IcalDuration = InstanceType<typeof ICAL.Duration>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/** Wall-clock time without a zone. */
interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** How a DATE-TIME value is anchored: UTC, a VTIMEZONE of the feed, an IANA zone, or floating. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'vtimezone'; tz: IcalTimezone }
  | { kind: 'iana'; name: string }
  | { kind: 'floating' };

/** A start value read from the feed: a date (all-day) or a date-time in a zone. */
interface Stamp {
  wall: Wall;
  isDate: boolean;
  zone: Zone;
}

/** One VEVENT, validated once: occurrences are copies of `template` with their own id/start/end. */
interface Series {
  uid: string;
  start: Stamp;
  /** For date-time events: exact milliseconds plus nominal days (DURATION P1D keeps the wall time). */
  duration: { days: number; ms: number };
  rrules: IcalRecur[];
  rdates: Stamp[];
  /** Epoch ms (date-times) or `YYYY-MM-DD` (dates) of excluded starts. */
  exdates: Set<number | string>;
  template: Omit<CalendarEvent, 'id' | 'start' | 'end'>;
  /** Display zone (IANA) of this series' occurrences. */
  timeZone: string;
}

interface Override extends Omit<Series, 'rrules' | 'rdates' | 'exdates'> {
  /** Key of the replaced slot (see {@link slotKey}). */
  recurrenceKey: string;
}

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

export interface ExpandOptions {
  /** At most this many occurrences per call (default 10 000); one series gets at most a fair share. */
  maxOccurrences?: number;
  /**
   * At most this many inner steps of the recurrence engine per call, over all series (default
   * 1 000 000). Each series gets a fair share of what is left, at most {@link SERIES_STEPS}
   * (sub-daily rules: {@link SUB_DAILY_STEPS}).
   */
  maxSteps?: number;
  /** At most this much compute time per call, in ms (default 5 000); each series at most {@link SERIES_MS}. */
  maxMillis?: number;
  /** Fills `source.url` of every occurrence. */
  sourceUrl?: string;
  /**
   * Start rules without COUNT near the range and reuse cursors across calls (default true).
   * `false` steps every rule from DTSTART, as a reference for tests.
   */
  fastForward?: boolean;
}

export interface Expansion {
  items: CalendarEvent[];
  dropped: number;
  /** True when a cap cut the result short. */
  truncated: boolean;
  /** UIDs of the series that a budget or the fair share cut short (at most 100). */
  truncatedSeries: string[];
  /** Inner recurrence-engine steps this call took (at most `maxSteps`). */
  steps: number;
}

export const MAX_OCCURRENCES = 10_000;
const MAX_STEPS = 1_000_000;
/** Inner recurrence steps one series may take per call (about 1 µs each). */
export const SERIES_STEPS = 100_000;
/** The same for SECONDLY, MINUTELY, HOURLY: a few of their steps already fill the occurrence cap. */
export const SUB_DAILY_STEPS = 15_000;
/** Compute time one series may take per call, and all of them together. */
export const SERIES_MS = 1_000;
const MAX_MILLIS = 5_000;
/** The last instant the model can write (`9999-12-31`). */
const LAST_EPOCH = Date.UTC(9999, 11, 30);
/** More distinct TZIDs or VTIMEZONEs than this is no calendar: later ones are not read. */
export const MAX_TIMEZONES = 50;
const DAY_MS = 86_400_000;

// Outlook and Exchange write Windows zone names (CLDR windowsZones, territory 001): Europe and
// the partners' zones that Saxon organisers meet. Other names fall back to the feed's VTIMEZONE.
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
};

/** An IANA name for a TZID: `Europe/Berlin`, `/mozilla.org/20050126_1/Europe/Berlin`, Windows names. */
export function ianaFromTzid(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (Object.hasOwn(WINDOWS_ZONES, trimmed)) return WINDOWS_ZONES[trimmed];
  if (isTimeZone(trimmed) && trimmed.includes('/')) return trimmed;
  if (trimmed === 'UTC' || trimmed === 'GMT' || trimmed === 'Etc/UTC') return 'UTC';
  // Outlook.com writes display names, localised: `(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien`.
  if (/^\((?:UTC|GMT)\+01[:.]00\).*\bBerlin\b/.test(trimmed)) return 'Europe/Berlin';
  // Prefixed ids (Lightning's `/mozilla.org/…/Europe/Berlin`, libical's
  // `/freeassociation.sourceforge.net/Tzfile/Europe/Berlin`): try the last two or three segments.
  const parts = trimmed.split('/').filter(Boolean);
  for (const n of [3, 2]) {
    if (parts.length >= n) {
      const candidate = parts.slice(-n).join('/');
      if (isTimeZone(candidate) && candidate.includes('/')) return candidate;
    }
  }
  return undefined;
}

const wallUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Wall time in an IANA zone → epoch ms, by core's RFC 5545 rule (gap: offset before it; fold: first). */
export const zonedWallToEpoch = (w: Wall, timeZone: string): number => wallTimeToEpoch(wallUtc(w), timeZone);

function wallToEpoch(w: Wall, zone: Zone, defaultZone: string): number {
  switch (zone.kind) {
    case 'utc':
      return wallUtc(w);
    case 'iana':
      return zonedWallToEpoch(w, zone.name);
    case 'vtimezone': {
      const onset = firstOnset(zone.tz);
      if (onset && wallUtc(w) < onset.wall) return wallUtc(w) - onset.offsetFrom;
      const t = ICAL.Time.fromData({ ...w, isDate: false });
      return wallUtc(w) - zone.tz.utcOffset(t) * 1000;
    }
    default:
      return zonedWallToEpoch(w, defaultZone);
  }
}

interface Onset {
  /** Wall time (read as UTC ms) of the earliest STANDARD/DAYLIGHT DTSTART. */
  wall: number;
  /** Its TZOFFSETFROM in ms: the offset in force before it. */
  offsetFrom: number;
}

const onsets = new WeakMap<IcalTimezone, Onset | null>();
/**
 * Generators write VTIMEZONEs that start recently (2018) or only around one event; ical.js reads
 * times before the first onset as UTC. Before it, the zone keeps the offset it changed from.
 */
function firstOnset(tz: IcalTimezone): Onset | undefined {
  let onset = onsets.get(tz);
  if (onset === undefined) {
    onset = null;
    for (const sub of tz.component?.getAllSubcomponents() ?? []) {
      const start = sub.getFirstPropertyValue('dtstart');
      const from = sub.getFirstPropertyValue('tzoffsetfrom');
      const wall = start instanceof ICAL.Time ? readWall(start) : undefined;
      if (!wall || !(from instanceof ICAL.UtcOffset)) continue;
      if (!onset || wallUtc(wall) < onset.wall) onset = { wall: wallUtc(wall), offsetFrom: from.toSeconds() * 1000 };
    }
    onsets.set(tz, onset);
  }
  return onset ?? undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateString = (w: Pick<Wall, 'year' | 'month' | 'day'>) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

function addDaysWall(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

const utcKey = (epochMs: number) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

function readWall(t: IcalTime): Wall | undefined {
  const w = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute, second: t.isDate ? 0 : t.second };
  const ok = Object.values(w).every((n) => Number.isInteger(n)) && w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= 31
    && w.hour <= 24 && w.minute <= 59 && w.second <= 60 && w.year >= 1 && w.year <= 9999;
  return ok ? w : undefined;
}

interface FeedContext {
  vtimezones: Map<string, IcalTimezone>;
  timeZone: string;
  /** VEVENTs without UID seen so far, by hash of DTSTART and SUMMARY (see {@link synthesizedUid}). */
  synthesizedUids?: Map<string, number>;
  /** The feed's URL: relative URLs in it are read against it. */
  baseUrl?: string;
}

function zoneOf(t: IcalTime, prop: IcalProperty, ctx: FeedContext): Zone {
  if (t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC') return { kind: 'utc' };
  const tzid = prop.getParameter('tzid') as string | undefined;
  return tzid ? zoneOfTzid(tzid, ctx) : { kind: 'floating' };
}

/**
 * A known zone follows the IANA rules, as Google, Apple and Thunderbird do: generators write
 * VTIMEZONEs that begin in 2018 or cover one year only. The feed's definition is the fallback
 * for names only it explains (`Customized Time Zone`, `Meine Zone`); its X-LIC-LOCATION first.
 */
function zoneOfTzid(tzid: string, ctx: FeedContext): Zone {
  const vtz = ctx.vtimezones.get(tzid);
  const iana = ianaFromTzid(tzid) ?? ianaFromTzid(String(vtz?.component?.getFirstPropertyValue('x-lic-location') ?? ''));
  if (iana) return iana === 'UTC' ? { kind: 'utc' } : { kind: 'iana', name: iana };
  return vtz ? { kind: 'vtimezone', tz: vtz } : { kind: 'floating' };
}

function readStamp(value: unknown, prop: IcalProperty, ctx: FeedContext): Stamp | undefined {
  if (!(value instanceof ICAL.Time)) return undefined;
  const wall = readWall(value);
  if (!wall) return undefined;
  return { wall, isDate: value.isDate, zone: value.isDate ? { kind: 'floating' } : zoneOf(value, prop, ctx) };
}

/**
 * The values of a date property. Holiday feeds write dates without VALUE=DATE (`DTSTART:20190101`,
 * `EXDATE:20190103`); ical.js then throws on a date-time it cannot read. Those are dates.
 */
function timeValues(prop: IcalProperty): unknown[] {
  try {
    return prop.getValues();
  } catch {
    return prop.jCal.slice(3).map((raw: unknown) => {
      const m = typeof raw === 'string' ? /^(\d{4})-?(\d{2})-?(\d{2})(?:T:*)?$/.exec(raw.trim()) : null;
      return m ? ICAL.Time.fromData({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), isDate: true }) : undefined;
    });
  }
}

function firstStamp(comp: IcalComponent, name: string, ctx: FeedContext): Stamp | undefined {
  const prop = comp.getFirstProperty(name);
  return prop ? readStamp(timeValues(prop)[0], prop, ctx) : undefined;
}

function stampEpoch(s: Stamp, ctx: FeedContext): number {
  return wallToEpoch(s.wall, s.isDate ? { kind: 'floating' } : s.zone, ctx.timeZone);
}

/** The identity of an occurrence slot: `YYYY-MM-DD` for dates, the UTC instant for date-times. */
function slotKey(s: Stamp, ctx: FeedContext): string {
  return s.isDate ? dateString(s.wall) : utcKey(stampEpoch(s, ctx));
}

function durationOf(comp: IcalComponent, start: Stamp, ctx: FeedContext): { days: number; ms: number } | undefined {
  const end = firstStamp(comp, 'dtend', ctx);
  if (end) {
    if (start.isDate) {
      const days = Math.round((Date.UTC(end.wall.year, end.wall.month - 1, end.wall.day) - wallUtc(start.wall)) / DAY_MS);
      return { days: Math.max(1, days), ms: 0 };
    }
    return { days: 0, ms: Math.max(0, stampEpoch(end, ctx) - stampEpoch(start, ctx)) };
  }
  const d = comp.getFirstPropertyValue('duration') as IcalDuration | null;
  if (d instanceof ICAL.Duration) {
    if (d.isNegative) return start.isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
    const days = d.weeks * 7 + d.days;
    const ms = ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
    if (start.isDate) return { days: Math.max(1, days + Math.ceil(ms / DAY_MS)), ms: 0 };
    return { days, ms };
  }
  return undefined;
}

const text = (comp: IcalComponent, name: string): string | undefined => {
  const v = comp.getFirstPropertyValue(name);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

function templateOf(comp: IcalComponent, uid: string, timeZone: string, calendarName: string | undefined, baseUrl?: string): Record<string, unknown> {
  const location = text(comp, 'location');
  const geo = comp.getFirstPropertyValue('geo') as unknown;
  const topics = comp.getAllProperties('categories').flatMap((p) => p.getValues()).filter((x): x is string => typeof x === 'string');
  const organizer = comp.getFirstProperty('organizer');
  const organizerValue = organizer?.getFirstValue();
  const status = String(comp.getFirstPropertyValue('status') ?? '').toUpperCase();
  const onlineLocation = location && /^https?:\/\/\S+$/i.test(location.trim()) ? location.trim() : undefined;
  const place: Record<string, unknown> = {};
  if (location && !onlineLocation) place.name = location;
  if (Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    place.geo = { lat: geo[0], lon: geo[1] };
  }
  return {
    uid,
    title: text(comp, 'summary') ?? '',
    description: text(comp, 'description'),
    location: Object.keys(place).length ? place : undefined,
    onlineUrl: onlineLocation,
    format: onlineLocation ? 'online' : undefined,
    url: resolveAgainst(text(comp, 'url'), baseUrl),
    topics,
    status: status === 'CANCELLED' ? 'cancelled' : 'scheduled',
    organizer: organizer
      ? {
          name: (organizer.getParameter('cn') as string | undefined) ?? undefined,
          email: typeof organizerValue === 'string' ? organizerValue.replace(/^mailto:/i, '') || undefined : undefined,
        }
      : undefined,
    timeZone,
    source: calendarName ? { name: calendarName } : undefined,
  };
}

/** The first start, as the model writes it, for validating a template. */
function modelStart(s: Stamp, ctx: FeedContext, timeZone: string): string {
  return s.isDate ? dateString(s.wall) : isoInZone(stampEpoch(s, ctx), timeZone);
}

function displayZone(s: Stamp, ctx: FeedContext): string {
  if (s.isDate) return ctx.timeZone;
  if (s.zone.kind === 'iana') return s.zone.name;
  return ctx.timeZone;
}

/**
 * The zone whose calendar an all-day series lives in, for UNTIL, RECURRENCE-ID and EXDATE values
 * that generators write as instants: X-WR-TIMEZONE, else the one zone of the feed's VTIMEZONEs
 * (Outlook writes the organiser's), else the default.
 */
function organiserZone(ctx: FeedContext): Zone {
  if (ctx.timeZone !== DEFAULT_TIME_ZONE || ctx.vtimezones.size !== 1) return { kind: 'iana', name: ctx.timeZone };
  return zoneOfTzid(ctx.vtimezones.keys().next().value!, ctx);
}

const isMidnight = (s: Stamp) => s.wall.hour === 0 && s.wall.minute === 0 && s.wall.second === 0;

/**
 * The day an instant stands for in an all-day series. A midnight in its own zone is that date
 * (`RECURRENCE-ID:20200921T000000Z`); any other instant is Outlook's organiser midnight written in
 * UTC (`UNTIL=20200916T230000Z`): the date it has in the organiser's zone.
 */
function allDayDate(s: Stamp, ctx: FeedContext): Wall {
  if (s.isDate || s.zone.kind === 'floating' || isMidnight(s)) return { ...s.wall, hour: 0, minute: 0, second: 0 };
  const local = wallIn(stampEpoch(s, ctx), organiserZone(ctx), ctx.timeZone);
  return { ...local, hour: 0, minute: 0, second: 0 };
}

// Outlook marks all-day events it writes as midnight-to-midnight date-times.
const ALL_DAY_FLAGS = ['x-microsoft-cdo-alldayevent', 'x-microsoft-msncalendar-alldayevent', 'x-funambol-allday'];

/** 53-bit string hash (cyrb53 by bryc, public domain): short, stable ids, no crypto API needed. */
function hash53(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A UID for a VEVENT that has none (RFC 5545 requires one; holiday and CMS feeds omit it): a hash
 * of DTSTART and SUMMARY, so it survives reloads and edits elsewhere in the feed, plus the
 * position among VEVENTs with the same pair, so true twins stay apart.
 */
function synthesizedUid(comp: IcalComponent, start: Stamp, ctx: FeedContext): string {
  const { wall } = start;
  const tzid = comp.getFirstProperty('dtstart')?.getParameter('tzid');
  const when = start.isDate ? dateString(wall) : `${dateString(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  const key = hash53(JSON.stringify([when, typeof tzid === 'string' ? tzid : '', text(comp, 'summary') ?? '']));
  const seen = (ctx.synthesizedUids ??= new Map()).get(key) ?? 0;
  ctx.synthesizedUids.set(key, seen + 1);
  return seen ? `nouid-${key}-${seen + 1}` : `nouid-${key}`;
}

function readComponent(comp: IcalComponent, ctx: FeedContext, calendarName: string | undefined):
  { series: Series; recurrenceKey?: string } | undefined {
  let start = firstStamp(comp, 'dtstart', ctx);
  if (!start) return undefined;
  if (!start.isDate && isMidnight(start) && ALL_DAY_FLAGS.some((f) => /^true$/i.test(String(comp.getFirstPropertyValue(f) ?? '')))) {
    const end = firstStamp(comp, 'dtend', ctx);
    if (!end || end.isDate || isMidnight(end)) start = { wall: start.wall, isDate: true, zone: { kind: 'floating' } };
  }
  const uid = text(comp, 'uid') ?? synthesizedUid(comp, start, ctx);
  const timeZone = displayZone(start, ctx);
  const duration = durationOf(comp, start, ctx) ?? (start.isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 });
  const raw = templateOf(comp, uid, timeZone, calendarName, ctx.baseUrl);
  const first = modelStart(start, ctx, timeZone);
  const checked = validateItem(CalendarEventSchema, { ...raw, id: `${uid}@${first}`, start: first });
  if (!checked) return undefined;
  const { id: _id, start: _start, end: _end, ...template } = checked;
  // An empty `RRULE:` (holiday feeds) has no FREQ: the event does not repeat.
  const rrules = comp.getAllProperties('rrule').map((p) => p.getFirstValue()).filter((r): r is IcalRecur => r instanceof ICAL.Recur && !!r.freq);
  const rdates: Stamp[] = [];
  for (const p of comp.getAllProperties('rdate')) {
    for (const value of timeValues(p)) {
      const t = value instanceof ICAL.Period ? value.start : value;
      const s = readStamp(t, p, ctx);
      if (!s) continue;
      if (start.isDate) rdates.push({ wall: allDayDate(s, ctx), isDate: true, zone: { kind: 'floating' } });
      // A date on a timed series adds that day at the series' time.
      else if (s.isDate) rdates.push({ wall: { ...s.wall, hour: start.wall.hour, minute: start.wall.minute, second: start.wall.second }, isDate: false, zone: start.zone });
      else rdates.push(s);
    }
  }
  const exdates = new Set<number | string>();
  for (const p of comp.getAllProperties('exdate')) {
    for (const value of timeValues(p)) {
      const s = readStamp(value, p, ctx);
      if (!s) continue;
      // A date EXDATE on a date-time series removes that day's occurrence (as most clients do).
      exdates.add(start.isDate ? dateString(allDayDate(s, ctx)) : s.isDate ? dateString(s.wall) : stampEpoch(s, ctx));
    }
  }
  const series: Series = { uid, start, duration, rrules, rdates, exdates, template, timeZone };
  const ridProp = comp.getFirstProperty('recurrence-id');
  if (ridProp) {
    const rid = readStamp(timeValues(ridProp)[0], ridProp, ctx);
    if (!rid) return undefined;
    // Matched by instant, or by date when the override is all-day, whatever form the generator wrote.
    return { series, recurrenceKey: start.isDate ? dateString(allDayDate(rid, ctx)) : slotKey(rid, ctx) };
  }
  return { series };
}

const textCache = new Map<string, ParsedCalendar>();
const pendingParses = new Map<string, { baseUrl?: string; parsed: Promise<ParsedCalendar> }>();
const contexts = new WeakMap<ParsedCalendar, FeedContext>();
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
  contexts.set(parsed, ctx);
  return parsed;
}

/** An occurrence before it becomes a model object: cheap to compute, sort and cut. */
interface Slot {
  /** Identity of the slot (date or UTC instant), the occurrence id suffix. */
  key: string;
  startEpoch: number;
  endEpoch: number;
  source: Series | Override;
  wall: Wall;
  zone: Zone;
}

function slotAt(s: Series | Override, wall: Wall, zone: Zone, ctx: FeedContext): Slot {
  if (s.start.isDate) {
    const startEpoch = zonedWallToEpoch(wall, ctx.timeZone);
    const endEpoch = zonedWallToEpoch(addDaysWall(wall, s.duration.days || 1), ctx.timeZone);
    return { key: dateString(wall), startEpoch, endEpoch, source: s, wall, zone };
  }
  const startEpoch = wallToEpoch(wall, zone, ctx.timeZone);
  const endEpoch = s.duration.days
    ? wallToEpoch(addDaysWall(wall, s.duration.days), zone, ctx.timeZone) + s.duration.ms
    : startEpoch + s.duration.ms;
  return { key: utcKey(startEpoch), startEpoch, endEpoch: Math.max(startEpoch, endEpoch), source: s, wall, zone };
}

function toEvent(slot: Slot, idKey: string, sourceUrl: string | undefined): CalendarEvent {
  const s = slot.source;
  const e = {
    ...s.template,
    id: `${s.uid}@${idKey}`,
    start: s.start.isDate ? dateString(slot.wall) : isoInZone(slot.startEpoch, s.timeZone),
    end: s.start.isDate
      ? dateString(addDaysWall(slot.wall, s.duration.days || 1))
      : slot.endEpoch > slot.startEpoch ? isoInZone(slot.endEpoch, s.timeZone) : undefined,
    allDay: s.start.isDate,
  } as CalendarEvent;
  if (sourceUrl) e.source = { ...e.source, url: sourceUrl };
  return e;
}

/** Wall time of an instant in a zone. */
function wallIn(epochMs: number, zone: Zone, defaultZone: string): Wall {
  const onset = zone.kind === 'vtimezone' ? firstOnset(zone.tz) : undefined;
  if (onset && epochMs < onset.wall - onset.offsetFrom) return wallFromUtc(epochMs + onset.offsetFrom);
  if (zone.kind === 'vtimezone') {
    const d = new Date(epochMs);
    const t = ICAL.Time.fromData({
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false,
    }, ICAL.Timezone.utcTimezone).convertToZone(zone.tz);
    return readWall(t)!;
  }
  const name = zone.kind === 'iana' ? zone.name : zone.kind === 'utc' ? 'UTC' : defaultZone;
  return wallFromUtc(epochMs + timeZoneOffset(epochMs, name));
}

/**
 * ical.js iterates in wall time without zones, so a UTC `UNTIL` is converted to the series'
 * wall time first; otherwise the last occurrence of a series in Berlin would be lost. A DATE
 * `UNTIL` on a date-time series includes that whole day; a date-time `UNTIL` on an all-day series
 * is the date it has in the organiser's zone (see {@link allDayDate}).
 */
function prepareRule(rule: IcalRecur, series: Series, ctx: FeedContext): IcalRecur {
  const clone = rule.clone();
  const parts = clone.parts as Record<string, unknown[] | undefined>;
  // ical.js rolls 29 Feb over to 1 Mar in other years; RFC 5545 §3.3.10 says such instances do
  // not exist. Spelling out the implied BYMONTH/BYMONTHDAY makes ical.js skip them.
  if (clone.freq === 'YEARLY' && !['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'].some((k) => parts[k]?.length)) {
    parts.BYMONTH = [series.start.wall.month];
    parts.BYMONTHDAY = [series.start.wall.day];
  }
  const until = rule.until;
  if (!until) return clone;
  const utc = until.zone === ICAL.Timezone.utcTimezone || until.zone?.tzid === 'UTC';
  let wall: Wall | undefined = readWall(until);
  if (!wall) return clone;
  // Outlook writes the last day of an all-day series as the organiser's midnight in UTC.
  if (series.start.isDate) wall = allDayDate({ wall, isDate: until.isDate, zone: utc ? { kind: 'utc' } : { kind: 'floating' } }, ctx);
  else if (utc && !until.isDate) wall = wallIn(wallUtc(wall), series.start.zone, ctx.timeZone);
  clone.until = series.start.isDate
    ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, isDate: true })
    : until.isDate
      ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: 23, minute: 59, second: 59, isDate: false })
      : ICAL.Time.fromData({ ...wall, isDate: false });
  return clone;
}

type Freq = IcalRecur['freq'];

/** Length of one step of each frequency, in days or (below a day) seconds. */
const FREQ_SECONDS: Partial<Record<Freq, number>> = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3600 };

/**
 * A resumable expansion of one RRULE: the ical.js iterator and the wall times (read as UTC
 * milliseconds) it has yielded so far. Cursors live as long as the parsed feed, so the next query
 * continues where the last one stopped instead of stepping the series again.
 */
interface Cursor {
  iterator: GuardedRecurIterator;
  /** Yielded wall times, ascending. */
  walls: number[];
  /** Wall time from which `walls` is complete (a fast-forwarded cursor skipped what lies before). */
  completeFrom: number;
  done: boolean;
  /** A budget ran out inside the iterator: it is unusable, `walls` holds what it found before. */
  cut?: boolean;
}

interface WeekNumbers {
  list: number[];
  /** Week start, 0 = Monday. */
  wkst: number;
  /** COUNT of the original rule, counted after the week filter (DTSTART counts as the first). */
  count?: number;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Takes BYWEEKNO (and with it COUNT) out of a YEARLY rule, so ical.js yields every BYDAY day of
 * the year and {@link inWeeks} keeps those of the listed weeks (RFC 5545 §3.3.10: weeks start on
 * WKST, week 1 is the first with at least four days of the year). Without BYDAY the weekday is
 * DTSTART's.
 */
function takeWeekNumbers(rule: IcalRecur, series: Series): WeekNumbers | undefined {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const list = (parts.BYWEEKNO as number[] | undefined)?.filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= 53);
  if (rule.freq !== 'YEARLY' || !list?.length || parts.BYSETPOS?.length) return undefined;
  delete parts.BYWEEKNO;
  if (!parts.BYDAY?.length) {
    const { year, month, day } = series.start.wall;
    parts.BYDAY = [WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]];
  }
  const wkst = Math.max(0, ((rule.wkst || 2) + 5) % 7);
  const count = rule.count || undefined;
  if (count) rule.count = null as unknown as number;
  return { list, wkst, count };
}

/** Monday-based weekday of a UTC day number. */
const weekdayOf = (dayNumber: number) => (((dayNumber + 3) % 7) + 7) % 7;

/** Day number (days since 1970-01-01) on which week 1 of `year` starts. */
function firstWeekStart(year: number, wkst: number): number {
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const shift = (weekdayOf(jan1) - wkst + 7) % 7;
  return shift <= 3 ? jan1 - shift : jan1 + 7 - shift;
}

function inWeeks(wall: Wall, weeks: WeekNumbers): boolean {
  const dayNumber = Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
  const weekStart = dayNumber - ((weekdayOf(dayNumber) - weeks.wkst + 7) % 7);
  const weekYear = new Date((weekStart + 3) * DAY_MS).getUTCFullYear();
  const first = firstWeekStart(weekYear, weeks.wkst);
  const week = (weekStart - first) / 7 + 1;
  const total = (firstWeekStart(weekYear + 1, weeks.wkst) - first) / 7;
  return weeks.list.some((n) => (n > 0 ? n === week : total + n + 1 === week));
}

interface RuleState {
  /** The rule with UNTIL in wall time and implied parts spelled out; undefined when ical.js refuses it. */
  rule: IcalRecur | undefined;
  /** BYMONTH, to drop the impossible dates that ical.js rolls over (31 Feb → 3 Mar). */
  months: number[] | undefined;
  /** BYWEEKNO, applied here: ical.js ignores it unless BYMONTH is given too. */
  weeks?: WeekNumbers;
  /** Whether a cursor may start at a shifted DTSTART (no COUNT, a frequency with whole periods). */
  fastForward: boolean;
  cursor?: Cursor;
  /**
   * A cursor from DTSTART ran out of budget: restarting it would only repeat that, so the rule
   * keeps what it found and later ranges beyond it are reported as cut.
   */
  exhausted?: boolean;
}

const ruleStates = new WeakMap<Series, RuleState[]>();
/** A cursor that has cached this many occurrences starts over near the next range instead. */
const CURSOR_LIMIT = 20_000;
/** A jump ahead of more than this many rule periods restarts a cursor instead of stepping there. */
const REJUMP_PERIODS = 400;

function ruleStatesOf(series: Series, ctx: FeedContext): RuleState[] {
  let states = ruleStates.get(series);
  if (!states) {
    states = series.rrules.map((raw) => {
      let rule: IcalRecur | undefined;
      try {
        // A rule that matches no date is not stepped at all: the series is its DTSTART.
        rule = ruleProblem(raw) ? undefined : prepareRule(raw, series, ctx);
      } catch {
        rule = undefined;
      }
      const months = (raw.parts as Record<string, number[] | undefined>).BYMONTH;
      const weeks = rule ? takeWeekNumbers(rule, series) : undefined;
      const fastForward = !!rule && !rule.count && !weeks?.count && periodOf(rule) !== undefined;
      return { rule, months, weeks, fastForward };
    });
    ruleStates.set(series, states);
  }
  return states;
}

/** One period of the rule (FREQ × INTERVAL) as an upper bound in ms, for margins and jump decisions. */
function periodOf(rule: IcalRecur): number | undefined {
  const interval = Math.max(1, rule.interval || 1);
  switch (rule.freq) {
    case 'YEARLY': return interval * 366 * DAY_MS;
    case 'MONTHLY': return interval * 31 * DAY_MS;
    case 'WEEKLY': return interval * 7 * DAY_MS;
    case 'DAILY': return interval * DAY_MS;
    default: {
      // Below a day only steps that tile a day keep their grid when DTSTART moves by whole days.
      const unit = FREQ_SECONDS[rule.freq];
      return unit && 86_400 % (unit * interval) === 0 ? unit * interval * 1000 : undefined;
    }
  }
}

/**
 * A DTSTART moved forward by whole periods (FREQ × INTERVAL) to lie before `before`, so that the
 * rule yields exactly the occurrences of the original series from there on. The shift happens in
 * the series' wall time (ical.js iterates wall time; the zone is applied per occurrence), so
 * daylight-saving changes stay correct. Everything ical.js derives from DTSTART is kept: the time
 * of day, the weekday (WEEKLY moves by whole INTERVAL-week blocks, so the weeks counted from
 * DTSTART with WKST stay the same weeks), the day of the month (MONTHLY/YEARLY skip target
 * months without that day, e.g. 31 or 29 Feb) and the month (YEARLY).
 */
export function fastForwardStart(start: Wall, rule: Pick<IcalRecur, 'freq' | 'interval'>, before: number): Wall | undefined {
  const interval = Math.max(1, rule.interval || 1);
  const gap = before - wallUtc(start);
  if (gap <= 0) return undefined;
  const shiftDays = (days: number) => (days > 0 ? addDaysWall(start, days) : undefined);
  switch (rule.freq) {
    case 'DAILY':
      return shiftDays(Math.floor(gap / (interval * DAY_MS)) * interval);
    case 'WEEKLY':
      return shiftDays(Math.floor(gap / (interval * 7 * DAY_MS)) * interval * 7);
    case 'MONTHLY':
    case 'YEARLY': {
      const months = rule.freq === 'YEARLY' ? 12 * interval : interval;
      const target = new Date(before);
      const monthsApart = (target.getUTCFullYear() - start.year) * 12 + target.getUTCMonth() + 1 - start.month;
      // Whole periods that end on or before `before`: one fewer when the day in the target month is later.
      for (let k = Math.floor(monthsApart / months); k > 0; k--) {
        const index = start.year * 12 + start.month - 1 + k * months;
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        if (start.day > daysInMonth(year, month)) continue;
        const shifted = { ...start, year, month };
        if (wallUtc(shifted) <= before) return shifted;
      }
      return undefined;
    }
    default: {
      // SECONDLY/MINUTELY/HOURLY whose step tiles a day: move by whole days.
      return periodOf(rule as IcalRecur) ? shiftDays(Math.floor(gap / DAY_MS)) : undefined;
    }
  }
}

function newCursor(state: RuleState, series: Series, windowStart: number, guard: Budget): Cursor | undefined {
  const rule = state.rule!;
  let start = series.start.wall;
  let completeFrom = -Infinity;
  if (state.fastForward) {
    // Two periods of margin: ical.js may treat the first period after a DTSTART specially
    // (partial first week, first month without the weekday), and none of it may reach the range.
    const period = periodOf(rule)!;
    const shifted = fastForwardStart(start, rule, windowStart - 2 * period - DAY_MS);
    if (shifted) {
      start = shifted;
      completeFrom = wallUtc(shifted) + period + DAY_MS;
    }
  }
  try {
    // The constructor already loops (ical.js looks for the first year or month that matches).
    const dtstart = ICAL.Time.fromData({ ...start, isDate: series.start.isDate });
    guard.beginStep();
    return { iterator: new GuardedRecurIterator({ rule, dtstart, guard }), walls: [], completeFrom, done: false };
  } catch (e) {
    if (e instanceof BudgetExhausted) return { iterator: undefined!, walls: [], completeFrom, done: true, cut: true };
    return undefined;
  }
}

/** First index in ascending `list` whose value is at least `x`. */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wallFromUtc(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/**
 * Calls `emit` for each occurrence of one rule whose wall time lies in `[windowStart, windowEnd]`,
 * in order, reusing and extending the rule's cursor. Returns false when the budget or `more()`
 * stopped it early. A generator: it yields every few hundred steps so the caller can pause.
 */
function* expandRule(
  state: RuleState, series: Series, windowStart: number, windowEnd: number, budget: Budget,
  more: () => boolean, emit: (wall: Wall) => void,
): Generator<void, boolean> {
  if (!state.rule) return true;
  /** Emits the cached occurrences in the window: how it stopped. */
  const replay = (walls: number[]): 'window-end' | 'cap' | 'all' => {
    for (let i = lowerBound(walls, windowStart); i < walls.length; i++) {
      const w = walls[i]!;
      if (w > windowEnd) return 'window-end';
      if (!more()) return 'cap';
      emit(wallFromUtc(w));
    }
    return 'all';
  };
  let cursor = state.cursor;
  if (cursor?.cut && state.exhausted) {
    // Replay what the rule found before its budget ran out; anything later is unknown.
    return replay(cursor.walls) === 'window-end';
  }
  if (cursor?.cut) {
    cursor = undefined;
  } else if (cursor && state.fastForward) {
    const last = cursor.walls.at(-1) ?? -Infinity;
    const period = periodOf(state.rule)!;
    if (cursor.completeFrom > windowStart || cursor.walls.length > CURSOR_LIMIT || (!cursor.done && windowStart - last > REJUMP_PERIODS * period)) {
      cursor = undefined;
    }
  } else if (cursor && cursor.walls.length > CURSOR_LIMIT * 5) {
    // A long COUNT series: keep its cache bounded, step it again next time.
    cursor = undefined;
  }
  const cut = (reason: 'steps' | 'time') => {
    cursor!.done = true;
    cursor!.cut = true;
    // Restarting from DTSTART with the same budget would end at the same place.
    if (!state.fastForward && reason === 'steps') state.exhausted = true;
    return false;
  };
  if (!cursor) {
    cursor = newCursor(state, series, windowStart, budget);
    if (!cursor) return true;
    state.cursor = cursor;
    if (cursor.cut) return cut(budget.overTime() ? 'time' : 'steps');
  }
  const { walls } = cursor;
  const replayed = replay(walls);
  if (replayed !== 'all') return replayed === 'window-end';
  cursor.iterator.guard = budget;
  let steps = 0;
  while (!cursor.done) {
    if (!more()) return false;
    // Between two occurrences the cursor is whole: stop here and it continues next time.
    if (budget.exhausted()) return false;
    if ((++steps & 127) === 0) yield;
    let next: IcalTime | null;
    try {
      budget.beginStep();
      next = cursor.iterator.next();
    } catch (e) {
      if (e instanceof BudgetExhausted) return cut(e.reason);
      next = null;
    }
    const wall = next ? readWall(next) : undefined;
    if (!wall) {
      cursor.done = true;
      break;
    }
    // ical.js normalises impossible dates (31 Feb → 3 Mar) instead of skipping them.
    if (state.months?.length && !state.months.includes(wall.month)) continue;
    const w = wallUtc(wall);
    if (state.weeks) {
      if (w !== wallUtc(series.start.wall) && !inWeeks(wall, state.weeks)) continue;
      if (state.weeks.count && walls.length >= state.weeks.count) {
        cursor.done = true;
        break;
      }
    }
    walls.push(w);
    if (w > windowEnd) break;
    if (w >= windowStart) emit(wall);
  }
  return true;
}

const startSlots = new WeakMap<Series | Override, Slot>();
/** The slot at DTSTART, computed once per series. */
function startSlot(s: Series | Override, ctx: FeedContext): Slot {
  let slot = startSlots.get(s);
  if (!slot) {
    slot = slotAt(s, s.start.wall, s.start.zone, ctx);
    startSlots.set(s, slot);
  }
  return slot;
}

/**
 * The occurrences of a parsed feed that overlap `[from, to)`, sorted by start: RRULE, RDATE,
 * EXDATE, RECURRENCE-ID overrides (a cancelled override stays, with status `cancelled`). Bounded
 * by `maxOccurrences` and by step and time budgets, so no feed can freeze the page: each series
 * gets a fair share of both, and a series cut short is named in `truncatedSeries`.
 *
 * Rules without COUNT start near the range at a DTSTART moved by whole periods (see
 * {@link fastForwardStart}); rules with COUNT are stepped from DTSTART once per feed text and the
 * cursor is kept. Each rule's cursor is reused by later queries, so paging month by month costs
 * only the new month. Set `fastForward: false` for the plain expansion from DTSTART.
 */
export function expandIcs(parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions = {}): Expansion {
  const clock = new Clock();
  return runSync(expandCore(parsed, from, to, options, clock));
}

const expansionLocks = new WeakMap<ParsedCalendar, Promise<unknown>>();

/**
 * {@link expandIcs} in time slices, yielding to the event loop between them (what the adapter
 * uses). Expansions of one feed run one after another: they share the rules' cursors.
 */
export function expandIcsAsync(
  parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions & { signal?: AbortSignal } = {},
): Promise<Expansion> {
  const previous = expansionLocks.get(parsed) ?? Promise.resolve();
  const run = previous.then(() => {
    options.signal?.throwIfAborted();
    const clock = new Clock();
    return runAsync(expandCore(parsed, from, to, options, clock), clock, options.signal);
  });
  expansionLocks.set(parsed, run.catch(() => undefined));
  return run;
}

interface Placed {
  slot: Slot;
  idKey: string;
}

function* expandCore(parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions, clock: Clock): Generator<void, Expansion> {
  const ctx = contexts.get(parsed) ?? { vtimezones: new Map(), timeZone: parsed.timeZone };
  const maxOccurrences = Math.max(1, options.maxOccurrences ?? MAX_OCCURRENCES);
  const maxSteps = Math.max(0, options.maxSteps ?? MAX_STEPS);
  const total = new Budget(maxSteps, options.maxMillis ?? MAX_MILLIS, clock);
  let truncated = false;
  const cutSeries = new Set<string>();
  /** Occurrences by series (a single event is a group of one), for the fair share of the cap. */
  const groups: Array<{ uid: string; placed: Placed[] }> = [];
  const inRange = (slot: Slot) => overlapsRange(slot.startEpoch, slot.endEpoch, from, to);
  const noOverrides: Override[] = [];
  let seriesWithRules = parsed.series.reduce((n, s) => n + (s.rrules.length ? 1 : 0), 0);

  function* occurrencesOf(series: Series): Generator<void, Placed[]> {
    const overrides = parsed.overrides.get(series.uid) ?? noOverrides;
    const first = startSlot(series, ctx);
    if (!series.rrules.length && !series.rdates.length && !overrides.length) {
      // A single event: most of a large feed.
      const excluded = series.exdates.has(series.start.isDate ? first.key : first.startEpoch) || series.exdates.has(dateString(first.wall));
      return inRange(first) && !excluded ? [{ slot: first, idKey: first.key }] : [];
    }
    const placed: Placed[] = [];
    const replaced = new Set(overrides.map((o) => o.recurrenceKey));
    const seen = new Set<string>();
    // Each series yields in order, so its first `maxOccurrences` in range are all the cut can keep.
    let count = 0;
    const emitSlot = (slot: Slot, wall: Wall) => {
      if (seen.has(slot.key) || replaced.has(slot.key) || !inRange(slot)) return;
      if (series.exdates.has(series.start.isDate ? slot.key : slot.startEpoch) || series.exdates.has(dateString(wall))) return;
      seen.add(slot.key);
      placed.push({ slot, idKey: slot.key });
      count++;
    };
    const emit = (wall: Wall) => emitSlot(slotAt(series, wall, series.start.zone, ctx), wall);
    emitSlot(first, series.start.wall);
    for (const r of series.rdates) emitSlot(slotAt(series, r.wall, r.zone, ctx), r.wall);
    // The longest an occurrence can last (plus the ±14 h between wall time and UTC), to start early enough.
    const reach = (series.duration.days + 2) * DAY_MS + series.duration.ms;
    const more = () => count < maxOccurrences;
    if (series.rrules.length) {
      // A fair share of the steps left, so that neither one series nor many can starve the rest.
      const cap = series.rrules.some((r) => SUB_DAILY.has(r.freq)) ? SUB_DAILY_STEPS : SERIES_STEPS;
      const share = Math.floor(Math.max(0, total.steps) / Math.max(1, seriesWithRules--));
      const budget = new Budget(Math.min(cap, share), SERIES_MS, clock, total);
      for (const state of ruleStatesOf(series, ctx)) {
        const rule = options.fastForward === false ? { ...state, fastForward: false, cursor: undefined, exhausted: false } : state;
        if (!(yield* expandRule(rule, series, from - reach, to + DAY_MS, budget, more, emit))) {
          truncated = true;
          cutSeries.add(series.uid);
        }
      }
    }
    for (const o of overrides) {
      const slot = startSlot(o, ctx);
      if (inRange(slot)) placed.push({ slot, idKey: o.recurrenceKey });
    }
    return placed;
  }

  for (const series of parsed.series) {
    yield;
    try {
      const placed = yield* occurrencesOf(series);
      if (placed.length) groups.push({ uid: series.uid, placed });
    } catch {
      // A value the date or zone code cannot handle costs this series, never the feed.
      truncated = true;
      cutSeries.add(series.uid);
    }
  }
  // Overrides whose series is missing (a feed that holds only changed instances).
  const known = new Set<string>();
  for (const [i, s] of parsed.series.entries()) {
    if ((i & 4095) === 4095) yield;
    known.add(s.uid);
  }
  for (const [uid, overrides] of parsed.overrides) {
    yield;
    if (known.has(uid)) continue;
    const placed = overrides.map((o) => ({ slot: startSlot(o, ctx), idKey: o.recurrenceKey })).filter((p) => inRange(p.slot));
    if (placed.length) groups.push({ uid, placed });
  }
  yield;
  const byStart = (a: Placed, b: Placed) => a.slot.startEpoch - b.slot.startEpoch;
  let count = 0;
  for (const g of groups) count += g.placed.length;
  let slots: Placed[] = [];
  if (count > maxOccurrences) {
    // Each series keeps at most a fair share of the cap: a dense one cannot push the others out.
    truncated = true;
    const quota = fairQuota(groups.map((g) => g.placed.length), maxOccurrences);
    yield;
    for (const [i, g] of groups.entries()) {
      if ((i & 1023) === 1023) yield;
      if (g.placed.length > quota) {
        g.placed.sort(byStart);
        g.placed.length = quota;
        cutSeries.add(g.uid);
      }
      for (const p of g.placed) slots.push(p);
    }
  } else {
    for (const g of groups) for (const p of g.placed) slots.push(p);
  }
  slots.sort(byStart);
  // More series than the cap holds: the earliest win.
  if (slots.length > maxOccurrences) slots = slots.slice(0, maxOccurrences);
  yield;
  const items: CalendarEvent[] = [];
  const ids = new Set<string>();
  for (const { slot, idKey } of slots) {
    if ((items.length & 255) === 255) yield;
    // The model writes four-digit years: a start past 9999 is no occurrence, an end past it none.
    if (slot.startEpoch > LAST_EPOCH) continue;
    let e: CalendarEvent;
    try {
      e = toEvent(slot, idKey, options.sourceUrl);
    } catch {
      truncated = true;
      continue;
    }
    if (slot.endEpoch > LAST_EPOCH) delete e.end;
    // Two VEVENTs with the same UID and start (a duplicated entry) would share an id.
    if (ids.has(e.id)) continue;
    ids.add(e.id);
    items.push(e);
  }
  // A step that found the budget empty was not taken.
  const steps = maxSteps - Math.max(0, total.steps);
  return { items, dropped: parsed.dropped, truncated, truncatedSeries: [...cutSeries].slice(0, 100), steps };
}
