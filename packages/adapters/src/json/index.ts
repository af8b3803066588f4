import {
  AdapterError, fetchJson, safeHttpUrl, type DataAdapter, type RequestOptions,
} from '@sozial-innovativ/core';
import { createMemoryAdapter, type MemoryData } from '../memory/index.js';
import { httpOptions, withAbsoluteUrls, type HttpOptions } from '../util/shared.js';
import { fromSchemaOrg, isSchemaOrg } from './from-schema-org.js';

export { fromSchemaOrg, isSchemaOrg } from './from-schema-org.js';

export interface JsonAdapterOptions {
  /** URL of a JSON file in the documented format or with schema.org JSON-LD. */
  src?: string;
  /** Inline data (already parsed). */
  data?: unknown;
  fetchOptions?: HttpOptions;
  /** Timeout in ms; a string from an attribute is fine. */
  timeout?: unknown;
}

/**
 * Turns untrusted JSON into the documented format: `{ events, initiatives, questionnaire,
 * offers }` as is, schema.org JSON-LD (one node, an array, `@graph`, `ItemList`) mapped. Only own
 * keys are read, so `__proto__` and `constructor` keys do nothing.
 */
export function normalizeJson(json: unknown): MemoryData {
  if (isSchemaOrg(json)) return fromSchemaOrg(json);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new AdapterError('parse', 'The JSON data is neither the documented format nor schema.org JSON-LD');
  }
  const data: MemoryData = {};
  for (const key of ['events', 'initiatives', 'questionnaire', 'offers'] as const) {
    if (Object.prototype.hasOwnProperty.call(json, key)) data[key] = (json as Record<string, unknown>)[key];
  }
  if (!Object.keys(data).length) {
    throw new AdapterError('parse', 'The JSON data has none of "events", "initiatives", "questionnaire", "offers"');
  }
  return data;
}

/**
 * A static JSON file or inline data in the documented format (see `schema/sozial-innovativ.schema.json`)
 * or schema.org JSON-LD. A URL is fetched again only when the fetch cache is older than its
 * `maxAge`; the validated data is kept per response text.
 */
export function createJsonAdapter(options: JsonAdapterOptions): DataAdapter {
  if (options.data !== undefined) {
    const adapter = createMemoryAdapter(normalizeJson(options.data), 'json');
    return adapter;
  }
  const url = options.src ? safeHttpUrl(options.src) : undefined;
  if (!url) throw new AdapterError('config', options.src ? `Not an http(s) URL: ${options.src.slice(0, 200)}` : 'The json source needs src or data');
  const fetchOptions = httpOptions(options);
  let last: { text: string; adapter: DataAdapter; fetchedAt: number; stale: boolean } | undefined;
  const load = async (signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const res = await fetchJson(url, { ...fetchOptions, signal });
    if (last?.text !== res.text) {
      // Relative URLs in the file point next to it, not next to the page that shows it.
      const adapter = createMemoryAdapter(normalizeJson(res.json), 'json', (item) => withAbsoluteUrls(item, url));
      last = { text: res.text, adapter, fetchedAt: res.fetchedAt, stale: res.stale };
    }
    last.fetchedAt = res.fetchedAt;
    last.stale = res.stale;
    return last;
  };
  const missing = (what: string) => new AdapterError('unsupported', `The JSON data has no ${what}`);
  const withMeta = <T extends { fetchedAt: number; stale?: boolean }>(r: T, l: { fetchedAt: number; stale: boolean }): T =>
    ({ ...r, fetchedAt: l.fetchedAt, stale: l.stale || undefined });
  return {
    kind: 'json',
    async events(query, o?: RequestOptions) {
      const l = await load(o?.signal);
      if (!l.adapter.events) return withMeta({ items: [], dropped: 0, fetchedAt: 0 }, l);
      return withMeta(await l.adapter.events(query, o), l);
    },
    async initiatives(query, o?: RequestOptions) {
      const l = await load(o?.signal);
      if (!l.adapter.initiatives) return withMeta({ items: [], dropped: 0, fetchedAt: 0 }, l);
      return withMeta(await l.adapter.initiatives(query, o), l);
    },
    async initiative(id, o?: RequestOptions) {
      const l = await load(o?.signal);
      return l.adapter.initiative?.(id, o);
    },
    async offers(o?: RequestOptions) {
      const l = await load(o?.signal);
      if (!l.adapter.offers) return withMeta({ items: [], dropped: 0, fetchedAt: 0 }, l);
      return withMeta(await l.adapter.offers(o), l);
    },
    async questionnaire(o?: RequestOptions) {
      const l = await load(o?.signal);
      if (!l.adapter.questionnaire) throw missing('questionnaire');
      return l.adapter.questionnaire(o);
    },
  };
}
