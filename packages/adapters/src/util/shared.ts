import { AdapterError, ISO_DATE, LIMITS, timeZoneOffset as intlOffset, type FetchOptions } from '@sozial-innovativ/core';

/** Options every HTTP adapter accepts, so tests (and slow intranets) can tune timeouts and retries. */
export type HttpOptions = Omit<FetchOptions, 'signal'>;

/** Reads `fetchOptions` plus the string `timeout` an attribute passes. */
export function httpOptions(options: { fetchOptions?: HttpOptions; timeout?: unknown }): HttpOptions {
  const timeout = Number(options.timeout);
  return { ...options.fetchOptions, ...(Number.isFinite(timeout) && timeout > 0 ? { timeout } : {}) };
}

const own = (o: unknown, key: string): unknown =>
  o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/** `a.b.0.c` of untrusted data, reading own properties only (never `__proto__` or `constructor`). */
export function pick(o: unknown, path: string): unknown {
  let cur = o;
  for (const key of path.split('.')) {
    if (cur === undefined || cur === null) return undefined;
    cur = own(cur, key);
  }
  return cur;
}

export const str = (x: unknown): string | undefined =>
  typeof x === 'string' && x.trim() !== '' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : undefined;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', laquo: '«', raquo: '»',
  bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', sbquo: '‚', euro: '€', shy: '',
};

/**
 * Text from the HTML that WordPress returns (`title.rendered`): tags removed, entities decoded.
 * Adapters never touch the DOM (they run in Node), and widgets bind the result as text anyway.
 */
export function htmlToText(html: unknown): string | undefined {
  if (typeof html !== 'string') return undefined;
  const text = html
    .slice(0, 200_000)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return text || undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Intl offsets cost a formatToParts call each; a feed of 50 000 items asks for the same few
// quarter hours again and again (zone changes happen on quarter hours).
const offsets = new Map<string, number>();
function timeZoneOffset(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / 900_000);
  const key = `${timeZone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = intlOffset(quarter * 900_000, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

/** Epoch ms of wall-clock time in `timeZone` (as core's `zonedTimeToEpoch`, with cached offsets). */
function zonedTimeToEpoch(y: number, m: number, d: number, h: number, min: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - timeZoneOffset(guess, timeZone);
  return guess - timeZoneOffset(first, timeZone);
}

/**
 * Maps at most `LIMITS.items` raw items: validation would drop the rest anyway, and mapping
 * 100 000 items first would only block the page longer. The excess is counted as dropped.
 */
export function mapCapped<T>(raw: unknown[], map: (item: unknown) => T): { mapped: T[]; excess: number } {
  const excess = Math.max(0, raw.length - LIMITS.items);
  return { mapped: (excess ? raw.slice(0, LIMITS.items) : raw).map(map), excess };
}

/** An ISO string with offset for an instant, in `timeZone`'s local time. */
export function isoInZone(epochMs: number, timeZone: string): string {
  const offset = timeZoneOffset(epochMs, timeZone);
  const local = new Date(epochMs + offset).toISOString().slice(0, 19);
  const abs = Math.abs(offset) / 60_000;
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A date or date-time as the model wants it: dates stay dates, date-times without an offset
 * (`2025-10-21 17:00:00`, schema.org's local form) are read in `timeZone`.
 */
export function normalizeDateTime(raw: unknown, timeZone = 'Europe/Berlin'): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(' ', 'T');
  if (ISO_DATE.test(s)) return s;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', zone] = m;
  if (zone) {
    const z = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${sec}${z}`;
  }
  const epoch = zonedTimeToEpoch(+y!, +mo!, +d!, +h!, +mi!, timeZone) + Number(sec) * 1000;
  return Number.isNaN(epoch) ? undefined : isoInZone(epoch, timeZone);
}

export const parseRange = (query: { from: string; to: string }): [number, number] => {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new AdapterError('config', 'Invalid range');
  return [from, to];
};

/** Options from attributes arrive as strings: `"a,b"` or `'["a","b"]'` → `['a', 'b']`. */
export function stringListOption(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  if (raw.trim().startsWith('[')) {
    try {
      return stringListOption(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `true`, `"true"`, `""` (a present boolean attribute) → true. */
export const boolOption = (raw: unknown): boolean | undefined =>
  raw === undefined ? undefined : raw === true || raw === '' || raw === 'true' || raw === '1';
