/**
 * The reference side of the differential test: an expansion of an iCalendar feed that shares no
 * code with the adapter (`../parse.ts`, `../event.ts`, `../recurrence.ts` …) and does not use ical.js.
 *
 * - Recurrence arithmetic (RRULE, RDATE, EXDATE, COUNT/UNTIL, BYSETPOS, WKST, wall times across
 *   DST changes) is done by rrule-rust 2.0.2: the Rust `rrule` crate with chrono-tz (IANA data
 *   compiled in), shipped as a prebuilt Node-API binary inside npm packages
 *   (`@rrule-rust/lib-<platform>`, no install script, no network). It is a pinned devDependency,
 *   so `npm ci` installs it. (3.x would give instants directly, but the registry here lacks its
 *   binaries for other platforms, which breaks `npm ci`.)
 * - rrule-rust 2 yields wall times in the series' zone. Turning a wall time into an instant is
 *   done here with Intl's zone data and RFC 5545 §3.3.5 (a repeated time is the first one; the
 *   engine already moves a time in a gap forward, which is the offset before the gap).
 * - Reading the feed (unfolding, properties, parameters, VEVENT/VTIMEZONE) and the feed policies
 *   that RFC 5545 leaves to the reader are a small line reader here. The policies are the ones
 *   the adapter documents (issue #12): IANA rules win over a feed's VTIMEZONE for IANA and Windows
 *   names, a VTIMEZONE is the fallback for other names, floating times and all-day events live in
 *   X-WR-TIMEZONE (else Europe/Berlin), `DTSTART:20190101` is a date, an empty `RRULE:` is no
 *   rule, a UTC UNTIL on an all-day series is the date in the feed's zone, RECURRENCE-ID is
 *   matched by instant (by date on all-day series), an event the engine refuses is dropped.
 */
import { RRuleSet, type DateTime } from 'rrule-rust';

const DAY_MS = 86_400_000;
const DEFAULT_ZONE = 'Europe/Berlin';

/** One occurrence as the comparison sees it. */
export interface ReferenceOccurrence {
  /** The feed's UID, or undefined for a VEVENT without one. */
  uid: string | undefined;
  /** `YYYY-MM-DD` for all-day, else the start instant as `YYYY-MM-DDTHH:MM:SSZ`. */
  start: string;
  cancelled: boolean;
}

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

interface Component {
  name: string;
  props: Prop[];
  children: Component[];
}

/** RFC 5545 §3.1 content lines: unfolded, `NAME;PARAM=a;PARAM="b:c":value`. */
function readLine(line: string): Prop | undefined {
  let i = 0;
  let inQuotes = false;
  let colon = -1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const head = line.slice(0, colon);
  const parts = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const params: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: (parts[0] ?? '').toUpperCase(), params, value: line.slice(colon + 1) };
}

function readComponents(text: string): Component {
  const root: Component = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const raw of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    if (!raw.trim()) continue;
    const prop = readLine(raw);
    if (!prop) continue;
    const top = stack.at(-1)!;
    if (prop.name === 'BEGIN') {
      const child: Component = { name: prop.value.trim().toUpperCase(), props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (prop.name === 'END') {
      if (stack.length > 1) stack.pop();
    } else {
      top.props.push(prop);
    }
  }
  return root;
}

const first = (c: Component, name: string) => c.props.find((p) => p.name === name);
const all = (c: Component, name: string) => c.props.filter((p) => p.name === name);

/** A wall-clock time, as `Date.UTC` milliseconds of its fields. */
type Wall = number;

interface Value {
  isDate: boolean;
  wall: Wall;
  utc: boolean;
}

function readValue(raw: string): Value | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  return {
    isDate: h === undefined,
    wall: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)),
    utc: z === 'Z',
  };
}

const dateOf = (wall: Wall) => new Date(wall).toISOString().slice(0, 10);
const compact = (wall: Wall, isDate: boolean) => {
  const iso = new Date(wall).toISOString();
  const date = iso.slice(0, 10).replace(/-/g, '');
  return isDate ? date : `${date}T${iso.slice(11, 19).replace(/:/g, '')}`;
};
/** An engine result as a wall time. */
const wallOf = (dt: DateTime): Wall => Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second);
const instantKey = (epoch: number) => new Date(epoch).toISOString().replace(/\.\d{3}Z$/, 'Z');

const validZones = new Map<string, boolean>();
function isIana(name: string): boolean {
  let ok = validZones.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = name.includes('/');
    } catch {
      ok = false;
    }
    validZones.set(name, ok);
  }
  return ok;
}

// Only the Windows names the corpus uses: this reader must not borrow the adapter's table.
const WINDOWS: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Eastern Standard Time': 'America/New_York',
};

/** Wall time of an instant in an IANA zone (Intl, not the adapter's helpers). */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallInZone(epoch: number, zone: string): Wall {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(epoch).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/**
 * Wall time in an IANA zone → instant (RFC 5545 §3.3.5): a time that occurs twice is the first,
 * a time in a gap is read with the offset before the gap. Offsets come from Intl; zone changes
 * are days apart, so the offsets a day before and after are the only candidates.
 */
function zonedEpoch(wall: Wall, zone: string): number {
  const offsetAt = (epoch: number) => wallInZone(epoch, zone) - epoch;
  const before = offsetAt(wall - DAY_MS);
  const fits = [before, offsetAt(wall + DAY_MS)].map((o) => wall - o).filter((e) => wallInZone(e, zone) === wall);
  return fits.length ? Math.min(...fits) : wall - before;
}

/** A feed VTIMEZONE under a non-IANA name, read from its observances (onsets expanded by the engine). */
class FeedZone {
  /** Onset instants with the offset that starts there, ascending. */
  private readonly onsets: Array<{ epoch: number; offset: number }> = [];
  private readonly initial: number;
  private readonly offsets: number[];

  constructor(vtimezone: Component) {
    const offset = (raw: string | undefined) => {
      const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(raw?.trim() ?? '');
      if (!m) return 0;
      return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
    };
    const observances = vtimezone.children.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT');
    for (const o of observances) {
      const from = offset(first(o, 'TZOFFSETFROM')?.value);
      const to = offset(first(o, 'TZOFFSETTO')?.value);
      const start = readValue(first(o, 'DTSTART')?.value ?? '');
      if (!start) continue;
      const walls = [start.wall];
      const rule = first(o, 'RRULE')?.value.trim();
      if (rule) {
        // Onsets are wall times in the offset before them; expanded as if UTC, read back below.
        const set = RRuleSet.parse(`DTSTART:${compact(start.wall, false)}Z\nRRULE:${rule.replace(/;?UNTIL=[^;]*/, '')}`);
        walls.length = 0;
        for (const dt of set) {
          const w = wallOf(dt);
          if (w > Date.UTC(2060, 0, 1)) break;
          walls.push(w);
        }
      }
      for (const p of all(o, 'RDATE')) for (const v of p.value.split(',')) {
        const r = readValue(v);
        if (r) walls.push(r.wall);
      }
      for (const w of walls) this.onsets.push({ epoch: w - from, offset: to });
    }
    this.onsets.sort((a, b) => a.epoch - b.epoch);
    const earliest = observances.map((o) => ({ o, s: readValue(first(o, 'DTSTART')?.value ?? '') }))
      .filter((x) => x.s).sort((a, b) => a.s!.wall - b.s!.wall)[0];
    this.initial = offset(earliest ? first(earliest.o, 'TZOFFSETFROM')?.value : undefined);
    this.offsets = [...new Set([this.initial, ...this.onsets.map((o) => o.offset)])];
  }

  offsetAt(epoch: number): number {
    let offset = this.initial;
    for (const o of this.onsets) {
      if (o.epoch > epoch) break;
      offset = o.offset;
    }
    return offset;
  }

  toEpoch(wall: Wall): number {
    const fits = this.offsets.map((o) => wall - o).filter((e) => this.offsetAt(e) === wall - e);
    // A gap: the offset before it (RFC 5545 §3.3.5).
    return fits.length ? Math.min(...fits) : wall - this.offsetAt(wall - DAY_MS);
  }

  toWall(epoch: number): Wall {
    return epoch + this.offsetAt(epoch);
  }
}

/** How the date-times of one property are anchored. */
type Zone = { kind: 'utc' } | { kind: 'iana'; name: string } | { kind: 'feed'; zone: FeedZone };

interface Feed {
  zone: string;
  vtimezones: Map<string, FeedZone>;
}

function zoneOf(prop: Prop, value: Value, feed: Feed): Zone {
  if (value.utc) return { kind: 'utc' };
  const tzid = prop.params.TZID?.trim();
  if (!tzid) return { kind: 'iana', name: feed.zone };
  if (/^(UTC|GMT|Etc\/UTC|Z)$/i.test(tzid)) return { kind: 'utc' };
  if (WINDOWS[tzid]) return { kind: 'iana', name: WINDOWS[tzid] };
  if (isIana(tzid)) return { kind: 'iana', name: tzid };
  const tail = tzid.split('/').slice(-2).join('/');
  if (isIana(tail)) return { kind: 'iana', name: tail };
  const custom = feed.vtimezones.get(tzid);
  if (custom) return { kind: 'feed', zone: custom };
  return { kind: 'iana', name: feed.zone };
}

function toEpoch(wall: Wall, zone: Zone): number {
  if (zone.kind === 'utc') return wall;
  if (zone.kind === 'iana') return zonedEpoch(wall, zone.name);
  return zone.zone.toEpoch(wall);
}

function toWall(epoch: number, zone: Zone): Wall {
  if (zone.kind === 'utc') return epoch;
  if (zone.kind === 'iana') return wallInZone(epoch, zone.name);
  return zone.zone.toWall(epoch);
}

/** A date-time property as an instant, or a date property as its date. */
interface Moment {
  isDate: boolean;
  /** The date (for dates) or the instant. */
  date: string;
  epoch: number;
  wall: Wall;
  zone: Zone;
}

function momentOf(prop: Prop | undefined, raw: string | undefined, feed: Feed): Moment | undefined {
  if (!prop) return undefined;
  const v = readValue(raw ?? prop.value);
  if (!v) return undefined;
  if (v.isDate || prop.params.VALUE?.toUpperCase() === 'DATE') {
    return { isDate: true, date: dateOf(v.wall), epoch: zonedEpoch(v.wall, feed.zone), wall: v.wall, zone: { kind: 'iana', name: feed.zone } };
  }
  const zone = zoneOf(prop, v, feed);
  const epoch = toEpoch(v.wall, zone);
  return { isDate: false, date: dateOf(v.wall), epoch, wall: v.wall, zone };
}

const listValues = (p: Prop) => p.value.split(',').map((v) => v.split('/')[0]!).filter(Boolean);

interface Duration {
  days: number;
  ms: number;
}

function durationOf(event: Component, start: Moment, feed: Feed): Duration {
  const end = momentOf(first(event, 'DTEND'), undefined, feed);
  if (end) {
    if (start.isDate) return { days: Math.max(1, Math.round((end.wall - start.wall) / DAY_MS)), ms: 0 };
    return { days: 0, ms: Math.max(0, end.epoch - start.epoch) };
  }
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(first(event, 'DURATION')?.value.trim() ?? '');
  if (m && m[1] !== '-') {
    const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0);
    const ms = ((Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0)) * 1000;
    return start.isDate ? { days: Math.max(1, days + Math.ceil(ms / DAY_MS)), ms: 0 } : { days, ms };
  }
  return start.isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
}

/** How the engine sees a series: DTSTART written as it needs, and the way back to instants. */
interface EngineFrame {
  dtstart: string;
  /** An UNTIL (instant or date) as the engine should read it. */
  write(m: Moment): string;
  /** An engine result → the occurrence's wall time (series zone) and instant. */
  read(dt: DateTime): { wall: Wall; epoch: number };
}

const NOON = 12 * 3_600_000;

/**
 * `atNoon`: rrule-rust 2 refuses a DTSTART in a DST gap or repeated hour ("Invalid datetime"),
 * which RFC 5545 §3.3.5 defines. For rules whose time of day is DTSTART's (no BYHOUR, BYMINUTE,
 * BYSECOND, at least DAILY) the engine then expands the same days at noon and the time of day
 * is put back here.
 */
function frameOf(start: Moment, feed: Feed, atNoon = false): EngineFrame {
  if (start.isDate) {
    // rrule-rust 2 has no DATE values: an all-day series recurs like midnight UTC, which has no DST.
    return {
      dtstart: `DTSTART:${compact(start.wall, false)}Z`,
      write: (m) => `${compact(Date.parse(m.date), false)}Z`,
      read: (dt) => ({ wall: wallOf(dt), epoch: zonedEpoch(wallOf(dt), feed.zone) }),
    };
  }
  const zone = start.zone;
  if (zone.kind === 'feed') {
    // The engine knows only IANA zones: expand in wall time (written as UTC), apply the feed's zone after.
    return {
      dtstart: `DTSTART:${compact(start.wall, false)}Z`,
      write: (m) => `${compact(zone.zone.toWall(m.epoch), false)}Z`,
      read: (dt) => ({ wall: wallOf(dt), epoch: zone.zone.toEpoch(wallOf(dt)) }),
    };
  }
  const timeOfDay = start.wall - Date.parse(start.date);
  const shift = atNoon ? NOON - timeOfDay : 0;
  const dtstartWall = start.wall + shift;
  return {
    dtstart: zone.kind === 'utc' ? `DTSTART:${compact(dtstartWall, false)}Z` : `DTSTART;TZID=${zone.name}:${compact(dtstartWall, false)}`,
    write: (m) => `${compact(m.epoch + shift, false)}Z`,
    read: (dt) => {
      const wall = atNoon ? Date.parse(dateOf(wallOf(dt))) + timeOfDay : wallOf(dt);
      return { wall, epoch: toEpoch(wall, zone) };
    },
  };
}

/**
 * RRULE as the engine needs it. RFC 5545 §3.3.10 wants UNTIL in DTSTART's value type; feeds write
 * other forms, read as the adapter documents: a date-time UNTIL on an all-day series is the date
 * in the feed's zone (Outlook), a DATE UNTIL on a date-time series includes that whole day, a
 * floating UNTIL on a zoned series is wall time in that zone.
 */
function engineRule(rule: string, start: Moment, frame: EngineFrame, feed: Feed): string {
  return rule.split(';').map((part) => {
    const [k, v = ''] = part.split('=');
    if (k?.toUpperCase() !== 'UNTIL') return part;
    const u = readValue(v);
    if (!u) return part;
    let until: Moment;
    if (start.isDate) {
      const date = dateOf(u.isDate || !u.utc ? u.wall : wallInZone(u.wall, feed.zone));
      until = { isDate: true, date, epoch: 0, wall: Date.parse(date), zone: start.zone };
    } else if (u.isDate) {
      const endOfDay = u.wall + DAY_MS - 1000;
      until = { isDate: false, date: '', epoch: toEpoch(endOfDay, start.zone), wall: endOfDay, zone: start.zone };
    } else {
      until = { isDate: false, date: '', epoch: u.utc ? u.wall : toEpoch(u.wall, start.zone), wall: u.wall, zone: start.zone };
    }
    return `UNTIL=${frame.write(until)}`;
  }).join(';');
}

/** Rules whose instances all have DTSTART's time of day. */
const keepsTimeOfDay = (rules: string[]) =>
  rules.every((r) => !/(^|;)BY(HOUR|MINUTE|SECOND)=/i.test(r) && !/FREQ=(HOURLY|MINUTELY|SECONDLY)/i.test(r));

interface Series {
  uid: string | undefined;
  start: Moment;
  duration: Duration;
  cancelled: boolean;
  /** DTSTART and RRULE; RDATE and EXDATE are applied here (RFC 5545 §3.8.5.1–2: set union and difference). */
  set: RRuleSet;
  frame: EngineFrame;
  rdates: Moment[];
  /** Instant keys (date-time series) or dates (all-day series, and date EXDATEs on date-time series). */
  exdates: Set<string>;
}

interface Override {
  uid: string;
  /** The replaced instance: its date (all-day series) and its instant (date-time series). */
  date: string;
  instant: string;
  start: Moment;
  duration: Duration;
  cancelled: boolean;
}

function endOf(start: Moment, wall: Wall, epoch: number, d: Duration, feed: Feed): number {
  if (start.isDate) return zonedEpoch(wall + d.days * DAY_MS, feed.zone);
  return d.days ? toEpoch(wall + d.days * DAY_MS, start.zone) + d.ms : epoch + d.ms;
}

const overlaps = (start: number, end: number, from: number, to: number) => start < to && (end > from || (end === start && start >= from));

/** Parsed once per feed text: the series, the overrides, the count of events dropped. */
export interface ReferenceFeed {
  series: Series[];
  overrides: Override[];
  dropped: number;
  feed: Feed;
  /** UIDs written in the feed (others in the adapter's output are synthesized). */
  uids: Set<string>;
}

function engineSet(lines: string[]): RRuleSet | undefined {
  try {
    const set = RRuleSet.parse(lines.join('\n'));
    // The engine validates rule values (BYHOUR=25) when it first iterates.
    set.all(1);
    return set;
  } catch {
    return undefined;
  }
}

export function readReferenceFeed(text: string): ReferenceFeed {
  const root = readComponents(text);
  const cal = root.children.find((c) => c.name === 'VCALENDAR') ?? root;
  const wr = first(cal, 'X-WR-TIMEZONE')?.value.trim();
  const feed: Feed = { zone: wr && isIana(wr) ? wr : DEFAULT_ZONE, vtimezones: new Map() };
  for (const vtz of cal.children.filter((c) => c.name === 'VTIMEZONE')) {
    const tzid = first(vtz, 'TZID')?.value.trim();
    if (tzid) feed.vtimezones.set(tzid, new FeedZone(vtz));
  }
  const out: ReferenceFeed = { series: [], overrides: [], dropped: 0, feed, uids: new Set() };
  for (const event of cal.children.filter((c) => c.name === 'VEVENT')) {
    const uid = first(event, 'UID')?.value.trim() || undefined;
    if (uid) out.uids.add(uid);
    const start = momentOf(first(event, 'DTSTART'), undefined, feed);
    if (!start) {
      out.dropped++;
      continue;
    }
    const duration = durationOf(event, start, feed);
    const cancelled = first(event, 'STATUS')?.value.trim().toUpperCase() === 'CANCELLED';
    const rid = first(event, 'RECURRENCE-ID');
    if (rid && uid) {
      const m = momentOf(rid, undefined, feed);
      if (!m) {
        out.dropped++;
        continue;
      }
      // Matched by instant; on an all-day series by the date (that of a UTC value in the feed's zone).
      const date = m.isDate ? m.date : dateOf(m.zone.kind === 'utc' ? wallInZone(m.epoch, feed.zone) : m.wall);
      out.overrides.push({ uid, date, instant: instantKey(m.epoch), start, duration, cancelled });
      continue;
    }
    // An empty `RRULE:` is no rule; a series without a rule still yields its DTSTART.
    const rules = all(event, 'RRULE').map((p) => p.value.trim()).filter(Boolean);
    const lines = (frame: EngineFrame) => [
      frame.dtstart,
      ...(rules.length ? rules.map((r) => `RRULE:${engineRule(r, start, frame, feed)}`) : ['RRULE:FREQ=DAILY;COUNT=1']),
    ];
    let frame = frameOf(start, feed);
    let set = engineSet(lines(frame));
    if (!set && !start.isDate && keepsTimeOfDay(rules)) {
      frame = frameOf(start, feed, true);
      set = engineSet(lines(frame));
    }
    if (!set) {
      out.dropped++;
      continue;
    }
    const moments = (name: string) => all(event, name).flatMap((p) => listValues(p).map((v) => momentOf(p, v, feed))).filter((m): m is Moment => !!m);
    const exdates = new Set(moments('EXDATE').map((m) => (start.isDate || m.isDate ? m.date : instantKey(m.epoch))));
    const rdates = moments('RDATE').map((m): Moment => (start.isDate
      ? { ...m, isDate: true, epoch: zonedEpoch(Date.parse(m.date), feed.zone), wall: Date.parse(m.date) }
      : { ...m, wall: toWall(m.epoch, start.zone) }));
    out.series.push({ uid, start, duration, cancelled, set, frame, rdates, exdates });
  }
  return out;
}

/** The instances of a series that start before `to`: DTSTART and RRULE from the engine, then RDATE, minus EXDATE. */
function instancesOf(series: Series, to: number, budget: { steps: number }): Moment[] {
  const list: Moment[] = [];
  for (const dt of series.set) {
    if (--budget.steps < 0) throw new Error('reference expansion exceeded its step budget');
    const { wall, epoch } = series.frame.read(dt);
    if (epoch >= to) break;
    list.push({ isDate: series.start.isDate, date: dateOf(wall), epoch, wall, zone: series.start.zone });
  }
  list.push(...series.rdates.filter((m) => m.epoch < to));
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = keyOf(m);
    if (seen.has(key) || series.exdates.has(key) || series.exdates.has(m.date)) return false;
    seen.add(key);
    return true;
  });
}

const keyOf = (m: Moment) => (m.isDate ? m.date : instantKey(m.epoch));

/**
 * The reference occurrences of a feed overlapping `[from, to)`: the series' instances minus those
 * an override replaces, plus the overrides (also those whose series is missing or dropped).
 */
export function expandReference(ref: ReferenceFeed, from: number, to: number): ReferenceOccurrence[] {
  const out: ReferenceOccurrence[] = [];
  const budget = { steps: 2_000_000 };
  for (const series of ref.series) {
    const overrides = ref.overrides.filter((o) => series.uid !== undefined && o.uid === series.uid);
    for (const m of instancesOf(series, to, budget)) {
      if (overrides.some((o) => (series.start.isDate ? o.date === m.date : o.instant === instantKey(m.epoch)))) continue;
      const end = endOf(series.start, m.wall, m.epoch, series.duration, ref.feed);
      if (overlaps(m.epoch, end, from, to)) out.push({ uid: series.uid, start: keyOf(m), cancelled: series.cancelled });
    }
  }
  for (const o of ref.overrides) {
    const end = endOf(o.start, o.start.wall, o.start.epoch, o.duration, ref.feed);
    if (overlaps(o.start.epoch, end, from, to)) out.push({ uid: o.uid, start: keyOf(o.start), cancelled: o.cancelled });
  }
  return out;
}
