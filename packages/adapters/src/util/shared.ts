import { AdapterError, ISO_DATE, LIMITS, isoInZone, safeUrl, wallTimeToEpoch, type FetchOptions } from '@sozial-innovativ/core';

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

/**
 * A number from untrusted data: numbers and numeric strings only. `Number()` would read `null`
 * and `''` as 0, and on an array nested 10 000 deep it recurses until the stack overflows.
 */
export const num = (x: unknown): number => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN);

export const str = (x: unknown): string | undefined =>
  typeof x === 'string' && x.trim() !== '' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : undefined;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', laquo: '«', raquo: '»',
  bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', sbquo: '‚', euro: '€', shy: '',
};

const BLOCK_END = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG_NAME = /\/?([a-z][a-z0-9-]{0,40})/iy;
// Bounded: the longest entity we decode is 6 letters, the longest code point 7 digits.
const ENTITY = /&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,8});/gi;

/**
 * Tags out, line breaks for `<br>` and block ends. A scan with `indexOf`, not a regular
 * expression: `/<[^>]*>/g` on 100 000 `<` without a `>` takes seconds (each `<` rescans the rest).
 */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  // Once a search finds no closing tag, no later one can: remember it, or `<script>` × n is quadratic.
  const unclosed = new Set<string>();
  while (i < html.length) {
    const open = html.indexOf('<', i);
    const close = open < 0 ? -1 : html.indexOf('>', open + 1);
    if (close < 0) return out + html.slice(i);
    out += html.slice(i, open);
    i = close + 1;
    TAG_NAME.lastIndex = open + 1;
    const m = TAG_NAME.exec(html);
    if (!m || m.index + m[0].length > close) continue;
    const name = m[1]!.toLowerCase();
    const ending = m[0][0] === '/';
    if (name === 'br' || (ending && BLOCK_END.has(name))) out += '\n';
    else if (!ending && (name === 'script' || name === 'style') && !unclosed.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      const after = found ? html.indexOf('>', found.index) : -1;
      if (after < 0) unclosed.add(name);
      else i = after + 1;
    }
  }
  return out;
}

/**
 * Text from the HTML that WordPress returns (`title.rendered`): tags removed, entities decoded,
 * each run of white space one space or one line break. Adapters never touch the DOM (they run in
 * Node), and widgets bind the result as text anyway. Linear in the input, which is cut first.
 */
export function htmlToText(html: unknown): string | undefined {
  if (typeof html !== 'string') return undefined;
  const text = stripTags(html.slice(0, 200_000))
    .replace(ENTITY, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
      }
      // Own keys only: `&valueOf;` is no entity.
      return Object.hasOwn(ENTITIES, e) ? ENTITIES[e]! : m;
    })
    // One match per run (`/\s*\n\s*/` instead retries at every space of a long run: quadratic).
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
  return text || undefined;
}

/** Arrays from untrusted data: anything else is an empty list, never a crash on `.map`. */
export const arrayOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

const URL_FIELDS = ['image', 'registration', 'organizer', 'contact', 'source'] as const;
const absolute = (raw: string, base: string): string | undefined => {
  // With a scheme it is absolute, and safeUrl() judges it where it is rendered.
  if (/^[a-z][a-z\d+.-]*:/i.test(raw)) return raw;
  const url = safeUrl(raw, base);
  return url && url.length <= LIMITS.url ? url : undefined;
};

/**
 * A validated item with relative URLs (`/event/1`, `img/a.jpg`) resolved against the feed's URL:
 * a widget would otherwise resolve them against the host page, which links somewhere else.
 * A URL that cannot be resolved safely is left out (an image without one, entirely).
 */
export function withAbsoluteUrls<T extends object>(item: T, base: string): T {
  const out = { ...item } as Record<string, unknown>;
  for (const key of ['url', 'onlineUrl']) {
    if (typeof out[key] !== 'string') continue;
    const url = absolute(out[key], base);
    if (url) out[key] = url;
    else delete out[key];
  }
  for (const key of URL_FIELDS) {
    const part = out[key] as Record<string, unknown> | undefined;
    if (typeof part?.url !== 'string') continue;
    const url = absolute(part.url, base);
    if (url) out[key] = { ...part, url };
    else if (key === 'image') delete out[key];
    else {
      const rest = { ...part };
      delete rest.url;
      out[key] = rest;
    }
  }
  if (Array.isArray(out.links)) {
    out.links = (out.links as { url: string }[]).flatMap((l) => {
      const url = absolute(l.url, base);
      return url ? [{ ...l, url }] : [];
    });
  }
  return out as T;
}

/**
 * Maps at most `LIMITS.items` raw items: validation would drop the rest anyway, and mapping
 * 100 000 items first would only block the page longer. The excess is counted as dropped.
 */
export function mapCapped<T>(raw: unknown[], map: (item: unknown) => T): { mapped: T[]; excess: number } {
  const excess = Math.max(0, raw.length - LIMITS.items);
  return { mapped: (excess ? raw.slice(0, LIMITS.items) : raw).map(map), excess };
}

/**
 * A date or date-time as the model wants it: dates stay dates, date-times without an offset
 * (`2025-10-21 17:00:00`, schema.org's local form) are read in `timeZone`.
 */
export function normalizeDateTime(raw: unknown, timeZone = 'Europe/Berlin'): string | undefined {
  // The longest form is 35 characters (`2025-10-21T17:00:00.123456789+02:00`) plus some space.
  if (typeof raw !== 'string' || raw.length > 64) return undefined;
  const s = raw.trim().replace(' ', 'T');
  if (ISO_DATE.test(s)) return s;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', zone] = m;
  if (zone) {
    const z = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${sec}${z}`;
  }
  const epoch = wallTimeToEpoch(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec), timeZone);
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
