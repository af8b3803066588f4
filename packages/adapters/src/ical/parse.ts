import ICAL from 'ical.js';
import {
  AdapterError, DEFAULT_TIME_ZONE, LIMITS, overlapsRange, timeZoneOffset as intlOffset, validateItem, CalendarEventSchema,
  type CalendarEvent,
} from '@sozial-innovativ/core';

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
  | { kind: 'vtimezone'; tz: IcalTimezone; iana?: string }
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
}

export interface ExpandOptions {
  /** At most this many occurrences per call (default 10 000). */
  maxOccurrences?: number;
  /** At most this many recurrence-rule steps per call, over all series (default 500 000). */
  maxSteps?: number;
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
}

export const MAX_OCCURRENCES = 10_000;
const MAX_STEPS = 500_000;
const DAY_MS = 86_400_000;

const intlZones = new Map<string, boolean>();
function isIanaZone(name: string): boolean {
  let ok = intlZones.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    intlZones.set(name, ok);
  }
  return ok;
}

// Outlook and Exchange write Windows zone names; these are the ones seen around Saxony.
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Prague',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
};

/** An IANA name for a TZID: `Europe/Berlin`, `/mozilla.org/20050126_1/Europe/Berlin`, Windows names. */
export function ianaFromTzid(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (WINDOWS_ZONES[trimmed]) return WINDOWS_ZONES[trimmed];
  if (isIanaZone(trimmed) && trimmed.includes('/')) return trimmed;
  if (trimmed === 'UTC' || trimmed === 'GMT' || trimmed === 'Etc/UTC') return 'UTC';
  // Prefixed ids (Lightning's `/mozilla.org/…/Europe/Berlin`): try the last two or three segments.
  const parts = trimmed.split('/').filter(Boolean);
  for (const n of [3, 2]) {
    if (parts.length >= n) {
      const candidate = parts.slice(-n).join('/');
      if (isIanaZone(candidate) && candidate.includes('/')) return candidate;
    }
  }
  return undefined;
}

// Intl offsets are slow (formatToParts); a series asks for the same quarter hours again and again.
const offsetCache = new Map<string, number>();
function timeZoneOffset(epochMs: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(epochMs / 900_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 100_000) offsetCache.clear();
    offset = intlOffset(Math.floor(epochMs / 900_000) * 900_000, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

const wallUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/**
 * Wall time in an IANA zone → epoch ms, following RFC 5545 §3.3.5: a time that falls into a
 * daylight-saving gap is read with the offset before the gap; a time that occurs twice means the
 * first occurrence.
 */
export function zonedWallToEpoch(w: Wall, timeZone: string): number {
  const guess = wallUtc(w);
  const before = timeZoneOffset(guess - DAY_MS / 2, timeZone);
  const after = timeZoneOffset(guess + DAY_MS / 2, timeZone);
  const candidates = [guess - before, guess - after].filter((c) => c + timeZoneOffset(c, timeZone) === Math.floor(guess / 1000) * 1000);
  if (candidates.length) return Math.min(...candidates) + (guess % 1000);
  return guess - before;
}

function wallToEpoch(w: Wall, zone: Zone, defaultZone: string): number {
  switch (zone.kind) {
    case 'utc':
      return wallUtc(w);
    case 'iana':
      return zonedWallToEpoch(w, zone.name);
    case 'vtimezone': {
      const t = ICAL.Time.fromData({ ...w, isDate: false });
      return wallUtc(w) - zone.tz.utcOffset(t) * 1000;
    }
    default:
      return zonedWallToEpoch(w, defaultZone);
  }
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

/** `2025-10-21T17:00:00+02:00`: the instant in the display zone's local time with its offset. */
function isoWithOffset(epochMs: number, timeZone: string): string {
  const offset = timeZoneOffset(epochMs, timeZone);
  const local = new Date(epochMs + offset).toISOString().slice(0, 19);
  if (offset === 0 && timeZone === 'UTC') return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
}

function zoneOf(t: IcalTime, prop: IcalProperty, ctx: FeedContext): Zone {
  if (t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC') return { kind: 'utc' };
  const tzid = prop.getParameter('tzid') as string | undefined;
  if (!tzid) return { kind: 'floating' };
  const iana = ianaFromTzid(tzid);
  const vtz = ctx.vtimezones.get(tzid);
  if (vtz) return { kind: 'vtimezone', tz: vtz, iana };
  if (iana) return iana === 'UTC' ? { kind: 'utc' } : { kind: 'iana', name: iana };
  return { kind: 'floating' };
}

function readStamp(value: unknown, prop: IcalProperty, ctx: FeedContext): Stamp | undefined {
  if (!(value instanceof ICAL.Time)) return undefined;
  const wall = readWall(value);
  if (!wall) return undefined;
  return { wall, isDate: value.isDate, zone: value.isDate ? { kind: 'floating' } : zoneOf(value, prop, ctx) };
}

function firstStamp(comp: IcalComponent, name: string, ctx: FeedContext): Stamp | undefined {
  const prop = comp.getFirstProperty(name);
  return prop ? readStamp(prop.getFirstValue(), prop, ctx) : undefined;
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

function templateOf(comp: IcalComponent, uid: string, timeZone: string, calendarName: string | undefined): Record<string, unknown> {
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
    url: text(comp, 'url'),
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
  return s.isDate ? dateString(s.wall) : isoWithOffset(stampEpoch(s, ctx), timeZone);
}

function displayZone(s: Stamp, ctx: FeedContext): string {
  if (s.isDate) return ctx.timeZone;
  if (s.zone.kind === 'iana') return s.zone.name;
  if (s.zone.kind === 'vtimezone' && s.zone.iana && s.zone.iana !== 'UTC') return s.zone.iana;
  return ctx.timeZone;
}

function readComponent(comp: IcalComponent, ctx: FeedContext, calendarName: string | undefined):
  { series: Series; recurrenceKey?: string } | undefined {
  const uid = text(comp, 'uid');
  const start = firstStamp(comp, 'dtstart', ctx);
  if (!uid || !start) return undefined;
  const timeZone = displayZone(start, ctx);
  const duration = durationOf(comp, start, ctx) ?? (start.isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 });
  const raw = templateOf(comp, uid, timeZone, calendarName);
  const first = modelStart(start, ctx, timeZone);
  const checked = validateItem(CalendarEventSchema, { ...raw, id: `${uid}@${first}`, start: first });
  if (!checked) return undefined;
  const { id: _id, start: _start, end: _end, ...template } = checked;
  const rrules = comp.getAllProperties('rrule').map((p) => p.getFirstValue()).filter((r): r is IcalRecur => r instanceof ICAL.Recur);
  const rdates: Stamp[] = [];
  for (const p of comp.getAllProperties('rdate')) {
    for (const value of p.getValues()) {
      const t = value instanceof ICAL.Period ? value.start : value;
      const s = readStamp(t, p, ctx);
      if (s) rdates.push(s.isDate === start.isDate ? s : { ...s, isDate: start.isDate, zone: start.isDate ? s.zone : start.zone });
    }
  }
  const exdates = new Set<number | string>();
  for (const p of comp.getAllProperties('exdate')) {
    for (const value of p.getValues()) {
      const s = readStamp(value, p, ctx);
      if (!s) continue;
      // A date EXDATE on a date-time series removes that day's occurrence (as most clients do).
      exdates.add(s.isDate || start.isDate ? dateString(s.wall) : stampEpoch(s, ctx));
    }
  }
  const series: Series = { uid, start, duration, rrules, rdates, exdates, template, timeZone };
  const ridProp = comp.getFirstProperty('recurrence-id');
  if (ridProp) {
    const rid = readStamp(ridProp.getFirstValue(), ridProp, ctx);
    if (!rid) return undefined;
    return { series, recurrenceKey: slotKey(rid, ctx) };
  }
  return { series };
}

const textCache = new Map<string, ParsedCalendar>();
const contexts = new WeakMap<ParsedCalendar, FeedContext>();
const TEXT_CACHE_LIMIT = 4;

/**
 * Parses an iCalendar text once: VTIMEZONEs, series, overrides. Throws a `parse`
 * {@link AdapterError} for text that is not iCalendar; single VEVENTs that cannot be read are
 * counted in `dropped`. Results are cached per text, so repeated range queries cost no parsing.
 */
export function parseIcs(text: string): ParsedCalendar {
  const cached = textCache.get(text);
  if (cached) return cached;
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000).replace(/^\ufeff/, ''))) {
    throw new AdapterError('parse', 'The calendar feed is not iCalendar data (no BEGIN:VCALENDAR)');
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (e) {
    throw new AdapterError('parse', `The calendar feed could not be read: ${(e as Error)?.message ?? e}`.slice(0, 300), undefined, { cause: e });
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[];
  const parsed: ParsedCalendar = { timeZone: DEFAULT_TIME_ZONE, series: [], overrides: new Map(), dropped: 0 };
  let vevents = 0;
  for (const root of roots) {
    const cal = new ICAL.Component(root as ConstructorParameters<typeof ICAL.Component>[0]);
    if (cal.name !== 'vcalendar') continue;
    const wrTz = ianaFromTzid(cal.getFirstPropertyValue('x-wr-timezone') as string | undefined);
    if (wrTz && parsed.timeZone === DEFAULT_TIME_ZONE) parsed.timeZone = wrTz;
    const name = cal.getFirstPropertyValue('x-wr-calname');
    if (typeof name === 'string' && name.trim() && !parsed.name) parsed.name = name.trim().slice(0, 300);
    const vtimezones = new Map<string, IcalTimezone>();
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      try {
        const tzid = vtz.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string') vtimezones.set(tzid, new ICAL.Timezone({ component: vtz, tzid }));
      } catch {
        // A broken VTIMEZONE: its TZID falls back to the IANA zone of the same name.
      }
    }
    const ctx: FeedContext = { vtimezones, timeZone: parsed.timeZone };
    for (const comp of cal.getAllSubcomponents('vevent')) {
      if (++vevents > LIMITS.items) {
        parsed.dropped++;
        continue;
      }
      let read: ReturnType<typeof readComponent>;
      try {
        read = readComponent(comp, ctx, parsed.name);
      } catch {
        read = undefined;
      }
      if (!read) {
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
  }
  textCache.set(text, parsed);
  if (textCache.size > TEXT_CACHE_LIMIT) textCache.delete(textCache.keys().next().value!);
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
    start: s.start.isDate ? dateString(slot.wall) : isoWithOffset(slot.startEpoch, s.timeZone),
    end: s.start.isDate
      ? dateString(addDaysWall(slot.wall, s.duration.days || 1))
      : slot.endEpoch > slot.startEpoch ? isoWithOffset(slot.endEpoch, s.timeZone) : undefined,
    allDay: s.start.isDate,
  } as CalendarEvent;
  if (sourceUrl) e.source = { ...e.source, url: sourceUrl };
  return e;
}

/** Wall time of an instant in a zone. */
function wallIn(epochMs: number, zone: Zone, defaultZone: string): Wall {
  if (zone.kind === 'vtimezone') {
    const d = new Date(epochMs);
    const t = ICAL.Time.fromData({
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false,
    }, ICAL.Timezone.utcTimezone).convertToZone(zone.tz);
    return readWall(t)!;
  }
  const name = zone.kind === 'iana' ? zone.name : zone.kind === 'utc' ? 'UTC' : defaultZone;
  const d = new Date(epochMs + timeZoneOffset(epochMs, name));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/**
 * ical.js iterates in wall time without zones, so a UTC `UNTIL` is converted to the series'
 * wall time first; otherwise the last occurrence of a series in Berlin would be lost. A DATE
 * `UNTIL` on a date-time series includes that whole day.
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
  if (utc && !until.isDate) wall = wallIn(wallUtc(wall), series.start.isDate ? { kind: 'floating' } : series.start.zone, ctx.timeZone);
  clone.until = series.start.isDate
    ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, isDate: true })
    : until.isDate
      ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: 23, minute: 59, second: 59, isDate: false })
      : ICAL.Time.fromData({ ...wall, isDate: false });
  return clone;
}

type IcalRecurIterator = ReturnType<IcalRecur['iterator']>;
type Freq = IcalRecur['freq'];

/** Length of one step of each frequency, in days or (below a day) seconds. */
const FREQ_SECONDS: Partial<Record<Freq, number>> = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3600 };

/**
 * A resumable expansion of one RRULE: the ical.js iterator and the wall times (read as UTC
 * milliseconds) it has yielded so far. Cursors live as long as the parsed feed, so the next query
 * continues where the last one stopped instead of stepping the series again.
 */
interface Cursor {
  iterator: IcalRecurIterator;
  /** Yielded wall times, ascending. */
  walls: number[];
  /** Wall time from which `walls` is complete (a fast-forwarded cursor skipped what lies before). */
  completeFrom: number;
  done: boolean;
}

interface RuleState {
  /** The rule with UNTIL in wall time and implied parts spelled out; undefined when ical.js refuses it. */
  rule: IcalRecur | undefined;
  /** BYMONTH, to drop the impossible dates that ical.js rolls over (31 Feb → 3 Mar). */
  months: number[] | undefined;
  /** Whether a cursor may start at a shifted DTSTART (no COUNT, a frequency with whole periods). */
  fastForward: boolean;
  cursor?: Cursor;
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
        rule = prepareRule(raw, series, ctx);
      } catch {
        rule = undefined;
      }
      const months = (raw.parts as Record<string, number[] | undefined>).BYMONTH;
      const fastForward = !!rule && !rule.count && periodOf(rule) !== undefined;
      return { rule, months, fastForward };
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

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

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

function newCursor(state: RuleState, series: Series, windowStart: number): Cursor | undefined {
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
    return { iterator: rule.iterator(ICAL.Time.fromData({ ...start, isDate: series.start.isDate })), walls: [], completeFrom, done: false };
  } catch {
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

interface Budget {
  steps: number;
}

/**
 * Calls `emit` for each occurrence of one rule whose wall time lies in `[windowStart, windowEnd]`,
 * in order, reusing and extending the rule's cursor. Returns false when the step budget or
 * `more()` stopped it early.
 */
function expandRule(
  state: RuleState, series: Series, windowStart: number, windowEnd: number, budget: Budget,
  more: () => boolean, emit: (wall: Wall) => void,
): boolean {
  if (!state.rule) return true;
  let cursor = state.cursor;
  if (cursor && state.fastForward) {
    const last = cursor.walls.at(-1) ?? -Infinity;
    const period = periodOf(state.rule)!;
    if (cursor.completeFrom > windowStart || cursor.walls.length > CURSOR_LIMIT || (!cursor.done && windowStart - last > REJUMP_PERIODS * period)) {
      cursor = undefined;
    }
  } else if (cursor && cursor.walls.length > CURSOR_LIMIT * 5) {
    // A long COUNT series: keep its cache bounded, step it again next time.
    cursor = undefined;
  }
  if (!cursor) {
    cursor = newCursor(state, series, windowStart);
    if (!cursor) return true;
    state.cursor = cursor;
  }
  const { walls } = cursor;
  for (let i = lowerBound(walls, windowStart); i < walls.length; i++) {
    const w = walls[i]!;
    if (w > windowEnd) return true;
    if (!more()) return false;
    emit(wallFromUtc(w));
  }
  while (!cursor.done) {
    if (!more()) return false;
    if (--budget.steps < 0) return false;
    let next: IcalTime | null;
    try {
      next = cursor.iterator.next();
    } catch {
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
 * EXDATE, RECURRENCE-ID overrides (a cancelled override stays, with status `cancelled`). Capped
 * by `maxOccurrences` and a step budget, so no feed can freeze the page.
 *
 * Rules without COUNT start near the range at a DTSTART moved by whole periods (see
 * {@link fastForwardStart}); rules with COUNT are stepped from DTSTART once per feed text and the
 * cursor is kept. Each rule's cursor is reused by later queries, so paging month by month costs
 * only the new month. Set `fastForward: false` for the plain expansion from DTSTART.
 */
export function expandIcs(parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions = {}): Expansion {
  const ctx = contexts.get(parsed) ?? { vtimezones: new Map(), timeZone: parsed.timeZone };
  const maxOccurrences = options.maxOccurrences ?? MAX_OCCURRENCES;
  const budget: Budget = { steps: options.maxSteps ?? MAX_STEPS };
  let truncated = false;
  const slots: Array<{ slot: Slot; idKey: string }> = [];
  const inRange = (slot: Slot) => overlapsRange(slot.startEpoch, slot.endEpoch, from, to);
  const noOverrides: Override[] = [];

  for (const series of parsed.series) {
    const overrides = parsed.overrides.get(series.uid) ?? noOverrides;
    const first = startSlot(series, ctx);
    if (!series.rrules.length && !series.rdates.length && !overrides.length) {
      // A single event: most of a large feed.
      if (inRange(first) && !series.exdates.has(series.start.isDate ? first.key : first.startEpoch) && !series.exdates.has(dateString(first.wall))) {
        slots.push({ slot: first, idKey: first.key });
      }
      continue;
    }
    const replaced = new Set(overrides.map((o) => o.recurrenceKey));
    const seen = new Set<string>();
    // Each series yields in order, so its first `maxOccurrences` in range are all the cut can keep.
    let count = 0;
    const emitSlot = (slot: Slot, wall: Wall) => {
      if (seen.has(slot.key) || replaced.has(slot.key) || !inRange(slot)) return;
      if (series.exdates.has(series.start.isDate ? slot.key : slot.startEpoch) || series.exdates.has(dateString(wall))) return;
      seen.add(slot.key);
      slots.push({ slot, idKey: slot.key });
      count++;
    };
    const emit = (wall: Wall) => emitSlot(slotAt(series, wall, series.start.zone, ctx), wall);
    emitSlot(first, series.start.wall);
    for (const r of series.rdates) emitSlot(slotAt(series, r.wall, r.zone, ctx), r.wall);
    // The longest an occurrence can last (plus the ±14 h between wall time and UTC), to start early enough.
    const reach = (series.duration.days + 2) * DAY_MS + series.duration.ms;
    const more = () => {
      if (count < maxOccurrences) return true;
      truncated = true;
      return false;
    };
    for (const state of ruleStatesOf(series, ctx)) {
      const rule = options.fastForward === false ? { ...state, fastForward: false, cursor: undefined } : state;
      if (!expandRule(rule, series, from - reach, to + DAY_MS, budget, more, emit)) truncated = true;
    }
    for (const o of overrides) {
      const slot = startSlot(o, ctx);
      if (inRange(slot)) slots.push({ slot, idKey: o.recurrenceKey });
    }
  }
  // Overrides whose series is missing (a feed that holds only changed instances).
  const known = new Set(parsed.series.map((s) => s.uid));
  for (const [uid, overrides] of parsed.overrides) {
    if (known.has(uid)) continue;
    for (const o of overrides) {
      const slot = startSlot(o, ctx);
      if (inRange(slot)) slots.push({ slot, idKey: o.recurrenceKey });
    }
  }
  slots.sort((a, b) => a.slot.startEpoch - b.slot.startEpoch);
  if (slots.length > maxOccurrences) {
    slots.length = maxOccurrences;
    truncated = true;
  }
  const items: CalendarEvent[] = [];
  const ids = new Set<string>();
  for (const { slot, idKey } of slots) {
    const e = toEvent(slot, idKey, options.sourceUrl);
    // Two VEVENTs with the same UID and start (a duplicated entry) would share an id.
    if (ids.has(e.id)) continue;
    ids.add(e.id);
    items.push(e);
  }
  return { items, dropped: parsed.dropped, truncated };
}
