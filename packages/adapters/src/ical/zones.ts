// Which zone anchors a feed's date-times: TZID → IANA name (Windows and Outlook names, prefixed ids,
// X-LIC-LOCATION), the feed's own VTIMEZONE only as the fallback, UTC or floating; and wall time ↔
// instant in each. The zone arithmetic itself is core's time module.
import ICAL from 'ical.js';
import { isTimeZone, timeZoneOffset, wallTimeToEpoch } from '@sozial-innovativ/core';
import { readWall, wallFromUtc, wallUtc, type Wall } from './wall.js';

type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** How a DATE-TIME value is anchored: UTC, a VTIMEZONE of the feed, an IANA zone, or floating. */
export type Zone =
  | { kind: 'utc' }
  | { kind: 'vtimezone'; tz: IcalTimezone }
  | { kind: 'iana'; name: string }
  | { kind: 'floating' };

/** What a feed declares about zones. */
export interface FeedZones {
  /** The feed's readable VTIMEZONEs by TZID. */
  vtimezones: Map<string, IcalTimezone>;
}

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

/** Wall time in an IANA zone → epoch ms, by core's RFC 5545 rule (gap: offset before it; fold: first). */
export const zonedWallToEpoch = (w: Wall, timeZone: string): number => wallTimeToEpoch(wallUtc(w), timeZone);

export function wallToEpoch(w: Wall, zone: Zone, defaultZone: string): number {
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

/** Wall time of an instant in a zone. */
export function wallIn(epochMs: number, zone: Zone, defaultZone: string): Wall {
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

export function zoneOf(t: IcalTime, prop: IcalProperty, ctx: FeedZones): Zone {
  if (t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC') return { kind: 'utc' };
  const tzid = prop.getParameter('tzid') as string | undefined;
  return tzid ? zoneOfTzid(tzid, ctx) : { kind: 'floating' };
}

/**
 * A known zone follows the IANA rules, as Google, Apple and Thunderbird do: generators write
 * VTIMEZONEs that begin in 2018 or cover one year only. The feed's definition is the fallback
 * for names only it explains (`Customized Time Zone`, `Meine Zone`); its X-LIC-LOCATION first.
 */
export function zoneOfTzid(tzid: string, ctx: FeedZones): Zone {
  const vtz = ctx.vtimezones.get(tzid);
  const iana = ianaFromTzid(tzid) ?? ianaFromTzid(String(vtz?.component?.getFirstPropertyValue('x-lic-location') ?? ''));
  if (iana) return iana === 'UTC' ? { kind: 'utc' } : { kind: 'iana', name: iana };
  return vtz ? { kind: 'vtimezone', tz: vtz } : { kind: 'floating' };
}
