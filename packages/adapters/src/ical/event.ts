// One VEVENT read into the model: its start, end and duration, RDATE, EXDATE and RECURRENCE-ID values
// (with the all-day quirks of Outlook and holiday feeds), a UID when it has none, a template
// validated once; and an occurrence of the series written back as a CalendarEvent.
import ICAL from 'ical.js';
import { DEFAULT_TIME_ZONE, isoInZone, validateItem, CalendarEventSchema, type CalendarEvent } from '@sozial-innovativ/core';
import { resolveAgainst } from './split.js';
import { DAY_MS, addDaysWall, dateString, pad, readWall, utcKey, wallUtc, type Wall } from './wall.js';
import { wallIn, wallToEpoch, zoneOf, zoneOfTzid, zonedWallToEpoch, type FeedZones, type Zone } from './zones.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalDuration = InstanceType<typeof ICAL.Duration>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/** A start value read from the feed: a date (all-day) or a date-time in a zone. */
export interface Stamp {
  wall: Wall;
  isDate: boolean;
  zone: Zone;
}

/** One VEVENT, validated once: occurrences are copies of `template` with their own id/start/end. */
export interface Series {
  uid: string;
  start: Stamp;
  /** For date-time events: exact milliseconds plus nominal days (DURATION P1D keeps the wall time). */
  duration: { days: number; ms: number };
  rrules: IcalRecur[];
  /** `ms`: the length of an instance an RDATE gives as a PERIOD (RFC 5545 §3.8.5.2), else the series'. */
  rdates: Array<Stamp & { ms?: number }>;
  /** Epoch ms (date-times) or `YYYY-MM-DD` (dates) of excluded starts. */
  exdates: Set<number | string>;
  template: Omit<CalendarEvent, 'id' | 'start' | 'end'>;
  /** Display zone (IANA) of this series' occurrences. */
  timeZone: string;
}

export interface Override extends Omit<Series, 'rrules' | 'rdates' | 'exdates'> {
  /** Key of the replaced slot (see {@link slotKey}). */
  recurrenceKey: string;
}

export interface FeedContext extends FeedZones {
  /** X-WR-TIMEZONE or the default: the zone of floating times and all-day events. */
  timeZone: string;
  /** VEVENTs without UID seen so far, by hash of DTSTART and SUMMARY (see {@link synthesizedUid}). */
  synthesizedUids?: Map<string, number>;
  /** The feed's URL: relative URLs in it are read against it. */
  baseUrl?: string;
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

/** A PERIOD's length in ms (`start/end` or `start/duration`); undefined when unreadable or negative. */
function periodLength(period: InstanceType<typeof ICAL.Period>, start: Stamp, prop: IcalProperty, ctx: FeedContext): number | undefined {
  try {
    const end = readStamp(period.getEnd(), prop, ctx);
    const ms = end && !end.isDate ? stampEpoch(end, ctx) - stampEpoch(start, ctx) : NaN;
    return ms >= 0 ? ms : undefined;
  } catch {
    return undefined;
  }
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
export function allDayDate(s: Stamp, ctx: FeedContext): Wall {
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

export function readComponent(comp: IcalComponent, ctx: FeedContext, calendarName: string | undefined):
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
  const rdates: Series['rdates'] = [];
  for (const p of comp.getAllProperties('rdate')) {
    for (const value of timeValues(p)) {
      const period = value instanceof ICAL.Period ? value : undefined;
      const s = readStamp(period ? period.start : value, p, ctx);
      if (!s) continue;
      if (start.isDate) rdates.push({ wall: allDayDate(s, ctx), isDate: true, zone: { kind: 'floating' } });
      // A date on a timed series adds that day at the series' time.
      else if (s.isDate) rdates.push({ wall: { ...s.wall, hour: start.wall.hour, minute: start.wall.minute, second: start.wall.second }, isDate: false, zone: start.zone });
      else rdates.push(period ? { ...s, ms: periodLength(period, s, p, ctx) } : s);
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

/** An occurrence before it becomes a model object: cheap to compute, sort and cut. */
export interface Slot {
  /** Identity of the slot (date or UTC instant), the occurrence id suffix. */
  key: string;
  startEpoch: number;
  endEpoch: number;
  source: Series | Override;
  wall: Wall;
  zone: Zone;
}

export function slotAt(s: Series | Override, wall: Wall, zone: Zone, ctx: FeedContext): Slot {
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

export function toEvent(slot: Slot, idKey: string, sourceUrl: string | undefined): CalendarEvent {
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
