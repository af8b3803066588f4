import {
  AdapterError, fetchJson, isoInZone, safeHttpUrl, validateEvents, validateInitiatives, type CalendarEvent, type DataAdapter,
  type Initiative, type InitiativeQuery, type RequestOptions, type Result,
} from '@sozial-innovativ/core';
import {
  arrayOf, httpOptions, mapCapped, num, parseRange, pick, str, stringListOption, withAbsoluteUrls, type HttpOptions,
} from '../util/shared.js';

export const KVM_API = 'https://api.ofdb.io/v0';
/** Saxony, `[south, west, north, east]`. */
export const SAXONY_BBOX: [number, number, number, number] = [50.17, 11.87, 51.69, 15.04];
const SOURCE_NAME = 'Karte von morgen';
/** Entries of Karte von morgen / OpenFairDB are published under CC0 unless they say otherwise. */
const DEFAULT_LICENCE = 'CC0-1.0';

export interface KvmAdapterOptions {
  /** API base (default https://api.ofdb.io/v0). */
  src?: string;
  /** `[south, west, north, east]` or `"s,w,n,e"` (default: Saxony). */
  bbox?: [number, number, number, number] | string;
  /** Only entries/events with all these tags; `"a,b"` from an attribute. */
  tags?: string[] | string;
  /** Free-text search. */
  text?: string;
  /** Most results per request (default 200, at most 500). */
  limit?: number | string;
  fetchOptions?: HttpOptions;
  timeout?: unknown;
}

function parseBbox(raw: KvmAdapterOptions['bbox']): [number, number, number, number] {
  if (raw === undefined || raw === '') return SAXONY_BBOX;
  const parts = (typeof raw === 'string' ? raw.split(',') : raw).map(Number);
  const [s, w, n, e] = parts;
  if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x)) || s! > n! || w! > e! || Math.abs(s!) > 90 || Math.abs(n!) > 90) {
    throw new AdapterError('config', 'bbox must be "south,west,north,east"');
  }
  return [s!, w!, n!, e!];
}

// encodeURIComponent throws on a lone surrogate; OpenFairDB ids are hex, so others get no link.
const kvmLink = (kind: 'entry' | 'event', id: string | undefined) =>
  id && /^[\w-]{1,200}$/.test(id) ? `https://kartevonmorgen.org/#/?${kind}=${id}` : undefined;
/** Unix seconds as an ISO time in Berlin, for what a Date can hold (±100 million days). */
const unixTime = (s: number) => (Math.abs(s) <= 8.64e12 ? isoInZone(s * 1000, 'Europe/Berlin') : undefined);

/** An OpenFairDB entry → Initiative, with the source and licence kept. */
export function kvmEntry(e: unknown): unknown {
  const id = str(pick(e, 'id'));
  const lat = num(pick(e, 'lat'));
  const lon = num(pick(e, 'lng'));
  const homepage = str(pick(e, 'homepage'));
  const categories = arrayOf(pick(e, 'categories'));
  return {
    id,
    name: str(pick(e, 'title')),
    // 2cad… is the OpenFairDB category "Unternehmen"; the others are initiatives.
    kind: categories.includes('2cad5d1a6af347898d1302fa2aa1c5d4') ? 'social-enterprise' : 'initiative',
    description: str(pick(e, 'description')),
    topics: arrayOf(pick(e, 'tags')).filter((t) => typeof t === 'string'),
    region: {
      address: str(pick(e, 'street')), postalCode: str(pick(e, 'zip')), town: str(pick(e, 'city')), district: str(pick(e, 'state')),
      geo: Number.isFinite(lat) && Number.isFinite(lon) && pick(e, 'lat') !== undefined ? { lat, lon } : undefined,
    },
    contact: { name: str(pick(e, 'contact_name')), email: str(pick(e, 'email')), phone: str(pick(e, 'telephone')), url: homepage },
    url: homepage ?? kvmLink('entry', id),
    image: str(pick(e, 'image_url')) ? { url: str(pick(e, 'image_url')), alt: '' } : undefined,
    founded: str(pick(e, 'founded_on')),
    source: { name: SOURCE_NAME, url: kvmLink('entry', id), licence: str(pick(e, 'license')) ?? DEFAULT_LICENCE },
  };
}

/** An OpenFairDB event (start/end in Unix seconds) → CalendarEvent. */
export function kvmEvent(e: unknown): unknown {
  const id = str(pick(e, 'id'));
  const start = num(pick(e, 'start'));
  const end = num(pick(e, 'end'));
  const lat = num(pick(e, 'lat'));
  const lon = num(pick(e, 'lng'));
  const organizer = str(pick(e, 'organizer'));
  return {
    id,
    title: str(pick(e, 'title')),
    start: unixTime(start),
    end: end >= start ? unixTime(end) : undefined,
    description: str(pick(e, 'description')),
    topics: arrayOf(pick(e, 'tags')).filter((t) => typeof t === 'string'),
    location: {
      address: str(pick(e, 'street')), postalCode: str(pick(e, 'zip')), town: str(pick(e, 'city')),
      geo: Number.isFinite(lat) && Number.isFinite(lon) && pick(e, 'lat') !== undefined ? { lat, lon } : undefined,
    },
    organizer: organizer || str(pick(e, 'email')) ? { name: organizer, email: str(pick(e, 'email')), phone: str(pick(e, 'telephone')) } : undefined,
    url: str(pick(e, 'homepage')),
    registration: str(pick(e, 'registration')) === 'email' || str(pick(e, 'registration')) === 'telephone' || str(pick(e, 'registration')) === 'homepage' ? { state: 'open' } : undefined,
    image: str(pick(e, 'image_url')) ? { url: str(pick(e, 'image_url')), alt: '' } : undefined,
    source: { name: SOURCE_NAME, url: kvmLink('event', id), licence: str(pick(e, 'license')) ?? DEFAULT_LICENCE },
  };
}

/**
 * Karte von morgen / OpenFairDB: `/search` by bbox, text and tags, then `/entries/<ids>` for the
 * details (in batches), and `/events` by bbox and time.
 */
export function createKvmAdapter(options: KvmAdapterOptions = {}): DataAdapter {
  const base = safeHttpUrl(options.src || KVM_API)?.replace(/\/+$/, '');
  if (!base) throw new AdapterError('config', 'The kvm source needs an http(s) API URL');
  const bbox = parseBbox(options.bbox);
  const tags = stringListOption(options.tags) ?? [];
  const limit = Math.min(500, Math.max(1, Number(options.limit) || 200));
  const fetchOptions = httpOptions(options);
  const bboxParam = (b: [number, number, number, number]) => `${b[0]},${b[1]},${b[2]},${b[3]}`;
  let last: Initiative[] = [];

  const initiatives = async (query: InitiativeQuery, o?: RequestOptions): Promise<Result<Initiative>> => {
    const signal = o?.signal;
    signal?.throwIfAborted();
    const url = new URL(`${base}/search`);
    url.searchParams.set('bbox', bboxParam(query.bbox ?? bbox));
    const text = [options.text, query.text].filter(Boolean).join(' ');
    if (text) url.searchParams.set('text', text);
    const allTags = [...tags, ...(query.topics ?? [])];
    if (allTags.length) url.searchParams.set('tags', allTags.join(','));
    url.searchParams.set('limit', String(limit));
    const search = await fetchJson(url.href, { ...fetchOptions, signal });
    const visible = pick(search.json, 'visible');
    if (!Array.isArray(visible)) throw new AdapterError('parse', 'Karte von morgen returned no result list');
    // A server that ignores `limit` must not make us fetch thousands of batches.
    const ids = visible.map((v) => str(pick(v, 'id'))).filter((id): id is string => !!id && /^[\w-]+$/.test(id)).slice(0, limit);
    const raw: unknown[] = [];
    let fetchedAt = search.fetchedAt;
    for (let i = 0; i < ids.length; i += 50) {
      const batch = await fetchJson(`${base}/entries/${ids.slice(i, i + 50).join(',')}`, { ...fetchOptions, signal });
      if (!Array.isArray(batch.json)) throw new AdapterError('parse', 'Karte von morgen returned no entries');
      // A server may answer a batch with far more than 50 entries: no push(...batch), which
      // overflows the stack past about 125 000 arguments.
      for (const entry of batch.json) raw.push(entry);
      fetchedAt = batch.fetchedAt;
    }
    const { mapped, excess } = mapCapped(raw, kvmEntry);
    const validated = validateInitiatives(mapped);
    const items = validated.items.map((x) => withAbsoluteUrls(x, `${base}/entries/`));
    const dropped = validated.dropped + excess;
    last = items;
    return { items, dropped: dropped + (visible.length - ids.length), fetchedAt, stale: search.stale || undefined };
  };

  return {
    kind: 'kvm',
    initiatives,
    async initiative(id, o) {
      const known = last.find((i) => i.id === id);
      if (known) return known;
      o?.signal?.throwIfAborted();
      if (!/^[\w-]+$/.test(id)) return undefined;
      try {
        const res = await fetchJson(`${base}/entries/${id}`, { ...fetchOptions, signal: o?.signal });
        const found = validateInitiatives(Array.isArray(res.json) ? res.json.slice(0, 50).map(kvmEntry) : []).items[0];
        return found && withAbsoluteUrls(found, res.url);
      } catch (e) {
        if (e instanceof AdapterError && e.status === 404) return undefined;
        throw e;
      }
    },
    async events(query, o?: RequestOptions): Promise<Result<CalendarEvent>> {
      const [from, to] = parseRange(query);
      o?.signal?.throwIfAborted();
      const url = new URL(`${base}/events`);
      url.searchParams.set('bbox', bboxParam(bbox));
      url.searchParams.set('start_min', String(Math.floor(from / 1000)));
      url.searchParams.set('start_max', String(Math.ceil(to / 1000)));
      for (const tag of tags) url.searchParams.append('tag', tag);
      if (query.text) url.searchParams.set('text', query.text);
      url.searchParams.set('limit', String(limit));
      const res = await fetchJson(url.href, { ...fetchOptions, signal: o?.signal });
      if (!Array.isArray(res.json)) throw new AdapterError('parse', 'Karte von morgen returned no event list');
      const { mapped, excess } = mapCapped(res.json, kvmEvent);
      const validated = validateEvents(mapped);
      const { items } = validated;
      const dropped = validated.dropped + excess;
      const inRange = items.filter((e) => {
        const s = Date.parse(e.start);
        const end = e.end ? Date.parse(e.end) : s;
        return s < to && (end > from || (end === s && s >= from));
      }).map((e) => withAbsoluteUrls(e, res.url));
      return { items: inRange, dropped, fetchedAt: res.fetchedAt, stale: res.stale || undefined };
    },
  };
}
