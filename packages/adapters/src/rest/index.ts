import {
  AdapterError, addDays, eventBounds, fetchJson, isTimeZone, overlapsRange, safeHttpUrl, validateEvents, validateInitiatives, type CalendarEvent,
  type DataAdapter, type EventQuery, type Initiative, type RequestOptions, type Result,
} from '@sozial-innovativ/core';
import {
  arrayOf, htmlToText, httpOptions, mapCapped, normalizeDateTime, num, parseRange, pick, str, withAbsoluteUrls, type HttpOptions,
} from '../util/shared.js';

export type Pagination = 'page' | 'offset' | 'none';

export interface RestAdapterOptions {
  /**
   * URL or URL template. Placeholders: `{from}` `{to}` (ISO), `{fromDate}` `{toDate}`
   * (`YYYY-MM-DD`), `{page}` `{offset}` `{perPage}`, `{text}`. Without placeholders the range and
   * page parameters are appended as query parameters.
   */
  src: string;
  /** What the endpoint lists (default `events`). */
  type?: 'events' | 'initiatives';
  /** Dotted path to the list in the response (`data.items`); default: the response itself or `items`/`events`/`data`. */
  itemsPath?: string;
  /** Model field → dotted path in an item, e.g. `{ title: 'name', start: 'dates.begin' }`. A JSON string is fine. */
  fields?: Record<string, string> | string;
  /** Or map each raw item yourself; return something the model validation accepts. */
  map?: (item: unknown) => unknown;
  pagination?: Pagination;
  /** Query parameter names (defaults: `page`, `offset`, `per_page`, `from`, `to`). */
  params?: Partial<Record<'page' | 'offset' | 'perPage' | 'from' | 'to', string>>;
  perPage?: number | string;
  /** At most this many requests per query (default 10). */
  maxPages?: number | string;
  fetchOptions?: HttpOptions;
  timeout?: unknown;
  kind?: string;
}

export interface RestResult<T> extends Result<T> {
  /** True when `maxPages` stopped the paging before the server's end. */
  truncated?: boolean;
}

/**
 * `<https://x/?page=2>; rel="next", …` → the next URL. A scan with `indexOf` that looks at each
 * character a bounded number of times: the regular expressions it replaces took minutes for a
 * header of repeated `rel=`.
 */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (let i = 0; ;) {
    const open = header.indexOf('<', i);
    const close = open < 0 ? -1 : header.indexOf('>', open + 1);
    if (close < 0) return undefined;
    // The parameters of this link run up to the next `<`.
    const following = header.indexOf('<', close + 1);
    const params = header.slice(close + 1, following < 0 ? undefined : following);
    for (const param of params.split(';')) {
      const eq = param.indexOf('=');
      if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'rel') continue;
      const rel = param.slice(eq + 1).replace(/[",]/g, ' ').toLowerCase().split(/\s+/);
      if (rel.includes('next')) return header.slice(open + 1, close).trim() || undefined;
    }
    if (following < 0) return undefined;
    i = following;
  }
}

function fill(template: string, values: Record<string, string>, params: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    used.add(key);
    return encodeURIComponent(values[key] ?? '');
  });
  const url = new URL(filled, typeof location !== 'undefined' ? location.href : undefined);
  for (const [key, name] of Object.entries(params)) {
    if (!used.has(key) && values[key] !== undefined && name) url.searchParams.set(name, values[key]!);
  }
  return url.href;
}

const asNumber = (x: unknown, fallback: number) => {
  const n = Number(x);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};

function itemsOf(json: unknown, path?: string): unknown[] | undefined {
  if (path) {
    const v = pick(json, path);
    return Array.isArray(v) ? v : undefined;
  }
  if (Array.isArray(json)) return json;
  for (const key of ['items', 'events', 'data', 'results']) {
    const v = pick(json, key);
    if (Array.isArray(v)) return v;
  }
  return undefined;
}

/** Applies a field mapping to a raw item; unmapped fields are taken by their own name. */
export function mapFields(item: unknown, fields: Record<string, string>, type: 'events' | 'initiatives'): unknown {
  if (item === null || typeof item !== 'object') return item;
  const keys = type === 'events'
    ? ['id', 'uid', 'title', 'start', 'end', 'allDay', 'timeZone', 'location', 'onlineUrl', 'topics', 'format', 'status', 'registration', 'organizer', 'url', 'description', 'easyLanguage', 'image', 'source']
    : ['id', 'name', 'kind', 'summary', 'description', 'easyLanguage', 'topics', 'targetGroups', 'region', 'contact', 'links', 'url', 'image', 'founded', 'lastChecked', 'source'];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = pick(item, fields[key] ?? key);
    if (value !== undefined) out[key] = value;
  }
  if (typeof out.id === 'number') out.id = String(out.id);
  if (type === 'events') {
    // Local times without an offset are in the item's own zone when it names one, else in Berlin.
    const zone = typeof out.timeZone === 'string' && isTimeZone(out.timeZone) ? out.timeZone : undefined;
    for (const k of ['start', 'end'] as const) if (out[k] !== undefined) out[k] = normalizeDateTime(out[k], zone) ?? out[k];
  }
  return out;
}

/**
 * A configurable REST adapter: URL template with range and paging parameters, field mapping,
 * paging by page number, offset or `Link: rel="next"`, `X-WP-Total`/`X-WP-TotalPages`. The
 * WordPress and The Events Calendar presets are built on it.
 */
export function createRestAdapter(options: RestAdapterOptions): DataAdapter {
  if (!options.src || !safeHttpUrl(options.src.replace(/\{\w+\}/g, 'x'))) throw new AdapterError('config', 'The rest source needs an http(s) URL');
  const type = options.type ?? 'events';
  const fields = typeof options.fields === 'string' ? parseFields(options.fields) : options.fields ?? {};
  const map = options.map ?? ((item: unknown) => mapFields(item, fields, type));
  const pagination = options.pagination ?? 'page';
  const perPage = asNumber(options.perPage, 50);
  const maxPages = asNumber(options.maxPages, 10);
  const names = { page: 'page', offset: 'offset', perPage: 'per_page', from: 'from', to: 'to', ...options.params };
  const fetchOptions = httpOptions(options);

  async function list(query: Partial<EventQuery>, signal?: AbortSignal): Promise<RestResult<unknown> & { base: string }> {
    signal?.throwIfAborted();
    const raw: unknown[] = [];
    let total: number | undefined;
    let fetchedAt = Date.now();
    let stale: boolean | undefined;
    let truncated = false;
    let url: string | undefined;
    let first: URL | undefined;
    let linked = false;
    for (let page = 1; page <= maxPages; page++) {
      const values: Record<string, string> = { perPage: String(perPage) };
      if (query.from) Object.assign(values, { from: query.from, to: query.to!, fromDate: query.from.slice(0, 10), toDate: query.to!.slice(0, 10) });
      if (query.text) values.text = query.text;
      if (pagination === 'page') values.page = String(page);
      if (pagination === 'offset') values.offset = String((page - 1) * perPage);
      const params: Record<string, string> = pagination === 'none' ? { from: names.from, to: names.to } : { ...names };
      url ??= fill(options.src, values, params);
      first ??= new URL(url);
      const res = await fetchJson(url, { ...fetchOptions, signal });
      fetchedAt = res.fetchedAt;
      stale ||= res.stale || undefined;
      const items = itemsOf(res.json, options.itemsPath);
      if (!items) throw new AdapterError('parse', 'The response holds no list of items');
      // Not push(...items): spreading 200 000 arguments overflows the stack.
      for (const item of items) raw.push(item);
      const headerTotal = num(res.headers.get('X-WP-Total') ?? res.headers.get('X-Total-Count') ?? pick(res.json, 'total'));
      if (Number.isFinite(headerTotal)) total = headerTotal;
      const totalPages = num(res.headers.get('X-WP-TotalPages') ?? pick(res.json, 'total_pages'));
      const next = nextLink(res.headers.get('Link')) ?? str(pick(res.json, 'next_rest_url'));
      if (pagination === 'none' || !items.length) break;
      if (next) {
        linked = true;
        url = safeHttpUrl(next, url);
        // A feed cannot send us to another server (that one learns the visitor's address).
        if (!url || new URL(url).origin !== first.origin) break;
      } else if (linked) {
        // The server pages by links: no next link is the last page.
        break;
      } else {
        url = undefined;
        if (Number.isFinite(totalPages) ? page >= totalPages : total !== undefined ? raw.length >= total : items.length < perPage) break;
      }
      if (page === maxPages) truncated = true;
    }
    return { items: raw, dropped: 0, total, fetchedAt, stale, truncated, base: first!.href };
  }

  const adapter: DataAdapter = { kind: options.kind ?? 'rest' };
  if (type === 'events') {
    adapter.events = async (query: EventQuery, o?: RequestOptions): Promise<RestResult<CalendarEvent>> => {
      const [from, to] = parseRange(query);
      const { base, ...r } = await list(query, o?.signal);
      const { mapped, excess } = mapCapped(r.items, safeMap(map));
      const { items, dropped } = validateEvents(mapped);
      // The server may ignore the range: filter again, as the contract promises.
      const inRange = items.filter((e) => { const [s, end] = eventBounds(e); return overlapsRange(s, end, from, to); });
      return { ...r, items: inRange.map((e) => withAbsoluteUrls(e, base)), dropped: dropped + excess };
    };
  } else {
    let cache: Initiative[] = [];
    adapter.initiatives = async (query, o?: RequestOptions): Promise<RestResult<Initiative>> => {
      const { base, ...r } = await list({ text: query.text }, o?.signal);
      const { mapped, excess } = mapCapped(r.items, safeMap(map));
      const validated = validateInitiatives(mapped);
      const items = validated.items.map((x) => withAbsoluteUrls(x, base));
      cache = items;
      return { ...r, items, dropped: validated.dropped + excess };
    };
    adapter.initiative = async (id, o) => {
      if (!cache.length) await adapter.initiatives!({}, o);
      return cache.find((i) => i.id === id);
    };
  }
  return adapter;
}

const safeMap = (map: (item: unknown) => unknown) => (item: unknown) => {
  try {
    return map(item);
  } catch {
    return undefined;
  }
};

function parseFields(raw: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } catch {
    // fall through
  }
  throw new AdapterError('config', 'fields must be a JSON object of model field → path');
}

/** `https://verein.example` or a full `/wp-json/…` endpoint → the endpoint. */
function endpoint(src: string, path: string): string {
  const url = safeHttpUrl(src);
  if (!url) throw new AdapterError('config', `Not an http(s) URL: ${src.slice(0, 200)}`);
  if (/\/wp-json\//.test(url) || /[?&]rest_route=/.test(url)) return url;
  return url.replace(/\/+$/, '') + path;
}

const embeddedTerms = (post: unknown): string[] =>
  arrayOf(pick(post, '_embedded.wp:term'))
    .flatMap(arrayOf)
    .map((t) => htmlToText(pick(t, 'name')))
    .filter((n): n is string => !!n && n !== 'Allgemein' && n !== 'Uncategorized');

/** WordPress posts (or a custom post type) with `_embed` → initiatives (or events with `fields`). */
export function wordpressItem(post: unknown): unknown {
  const media = pick(post, '_embedded.wp:featuredmedia.0');
  return {
    id: str(pick(post, 'id')),
    name: htmlToText(pick(post, 'title.rendered')),
    summary: htmlToText(pick(post, 'excerpt.rendered'))?.slice(0, 600),
    description: htmlToText(pick(post, 'content.rendered')),
    url: str(pick(post, 'link')),
    topics: embeddedTerms(post),
    image: str(pick(media, 'source_url')) ? { url: str(pick(media, 'source_url')), alt: str(pick(media, 'alt_text')) ?? '' } : undefined,
    lastChecked: str(pick(post, 'modified'))?.slice(0, 10),
  };
}

export interface WordPressOptions extends Omit<RestAdapterOptions, 'src' | 'type' | 'map' | 'pagination'> {
  /** Site base URL (`https://verein.example`) or the full endpoint. */
  src: string;
  /** Post type endpoint (default `posts`; e.g. `initiative` for a custom post type). */
  postType?: string;
}

/** WordPress REST API (`/wp-json/wp/v2/<type>?_embed`), paged by `X-WP-TotalPages`. */
export function createWordPressAdapter(options: WordPressOptions): DataAdapter {
  const postType = (options.postType ?? 'posts').replace(/[^a-z0-9_-]/gi, '');
  const base = endpoint(options.src, `/wp-json/wp/v2/${postType}`);
  const url = new URL(base);
  if (!url.searchParams.has('_embed')) url.searchParams.set('_embed', '1');
  return createRestAdapter({
    ...options, src: url.href, type: 'initiatives', map: wordpressItem, pagination: 'page', perPage: options.perPage ?? 100,
    params: { page: 'page', perPage: 'per_page' }, kind: 'wordpress',
  });
}

/** The Events Calendar (tribe) event → model event. Local times are in the event's `timezone`. */
export function tribeEvent(e: unknown): unknown {
  const allDay = pick(e, 'all_day') === true;
  const tz = str(pick(e, 'timezone')) ?? 'Europe/Berlin';
  const timeZone = tz.length <= 64 && /^[A-Za-z_]+\/[A-Za-z_/-]+$/.test(tz) ? tz : 'Europe/Berlin';
  const utc = (k: string) => {
    const v = str(pick(e, `utc_${k}_date`));
    return v ? normalizeDateTime(`${v.replace(' ', 'T')}Z`) : normalizeDateTime(pick(e, `${k}_date`), timeZone);
  };
  const startDay = str(pick(e, 'start_date'))?.slice(0, 10);
  const endDay = str(pick(e, 'end_date'))?.slice(0, 10);
  const venue = pick(e, 'venue');
  const hasVenue = venue && typeof venue === 'object' && !Array.isArray(venue);
  const lat = num(pick(venue, 'geo_lat'));
  const lon = num(pick(venue, 'geo_lng'));
  const organizer = pick(e, 'organizer.0');
  const image = pick(e, 'image');
  const names = (k: string) => arrayOf(pick(e, k)).map((t) => htmlToText(pick(t, 'name'))).filter(Boolean);
  return {
    id: str(pick(e, 'id')),
    title: htmlToText(pick(e, 'title')),
    start: allDay ? startDay : utc('start'),
    end: allDay ? (endDay ? addDays(endDay, 1) : undefined) : utc('end'),
    allDay,
    timeZone,
    description: htmlToText(pick(e, 'description')),
    url: str(pick(e, 'url')),
    location: hasVenue
      ? {
          name: htmlToText(pick(venue, 'venue')), address: str(pick(venue, 'address')), postalCode: str(pick(venue, 'zip')),
          town: str(pick(venue, 'city')), geo: Number.isFinite(lat) && Number.isFinite(lon) && pick(venue, 'geo_lat') !== undefined ? { lat, lon } : undefined,
        }
      : undefined,
    organizer: organizer ? { name: htmlToText(pick(organizer, 'organizer')), email: str(pick(organizer, 'email')), url: str(pick(organizer, 'website')) } : undefined,
    topics: [...names('categories'), ...names('tags')],
    image: image && typeof image === 'object' && str(pick(image, 'url')) ? { url: str(pick(image, 'url')), alt: str(pick(image, 'alt')) ?? '' } : undefined,
    status: /^(abgesagt|cancell?ed)\b/i.test(htmlToText(pick(e, 'title')) ?? '') ? 'cancelled' : 'scheduled',
  };
}

/** The Events Calendar (`/wp-json/tribe/events/v1/events`), range by `start_date`/`end_date`, paged by `next_rest_url`. */
export function createTribeAdapter(options: Omit<WordPressOptions, 'postType'>): DataAdapter {
  const base = endpoint(options.src, '/wp-json/tribe/events/v1/events');
  return createRestAdapter({
    ...options, src: base, type: 'events', itemsPath: 'events', map: tribeEvent, pagination: 'page', perPage: options.perPage ?? 50,
    params: { page: 'page', perPage: 'per_page', from: 'start_date', to: 'end_date' }, kind: 'tribe',
  });
}
