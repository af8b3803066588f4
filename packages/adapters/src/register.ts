import { AdapterError, registerAdapterType, type AdapterOptions } from '@sozial-innovativ/core';
import type { KvmAdapterOptions } from './kvm/index.js';
import { objectOption, oneOf, positiveNumberOption } from './util/options.js';

/**
 * Registers the declarative source types (`source-type="…"`, `<si-data-source type="…">`).
 * Each adapter is imported only when a page uses it, so ical.js never loads for a JSON page.
 * Options arrive as strings from attributes (`per-page="50"` → `perPage: "50"`); the factories
 * here turn them into what the adapters take, and refuse what cannot be read with a `config` error.
 */
const needSrc = (type: string, { src }: AdapterOptions): string => {
  if (typeof src !== 'string' || !src.trim()) throw new AdapterError('config', `The ${type} source needs src`);
  return src;
};

const optionalSrc = ({ src }: AdapterOptions): string | undefined => (typeof src === 'string' && src.trim() ? src : undefined);

/** What every HTTP adapter shares: `timeout` (ms) from an attribute, `fetchOptions` from code. */
function http(options: AdapterOptions) {
  const timeout = positiveNumberOption(options, 'timeout');
  const fetchOptions = options.fetchOptions && typeof options.fetchOptions === 'object' ? options.fetchOptions : undefined;
  return { fetchOptions: { ...fetchOptions, ...(timeout ? { timeout } : {}) } };
}

/** Paging options of the REST-based adapters. */
function paging(options: AdapterOptions) {
  return { perPage: positiveNumberOption(options, 'perPage'), maxPages: positiveNumberOption(options, 'maxPages') };
}

registerAdapterType('memory', async ({ data }) => {
  const { createMemoryAdapter } = await import('./memory/index.js');
  if (data === undefined) throw new AdapterError('config', 'The memory source needs inline data');
  return createMemoryAdapter(data as object);
});

registerAdapterType('json', async (options) => {
  const { createJsonAdapter } = await import('./json/index.js');
  return createJsonAdapter({ src: optionalSrc(options), data: options.data, ...http(options) });
});

registerAdapterType('ical', async (options) => {
  const { createIcalAdapter } = await import('./ical/index.js');
  return createIcalAdapter({ src: needSrc('ical', options), maxOccurrences: positiveNumberOption(options, 'maxOccurrences'), ...http(options) });
});

registerAdapterType('rest', async (options) => {
  const rest = await import('./rest/index.js');
  const src = needSrc('rest', options);
  const preset = oneOf(options, 'preset', ['wordpress', 'tribe'] as const);
  const common = { src, ...paging(options), ...http(options) };
  if (preset === 'wordpress') return rest.createWordPressAdapter({ ...common, postType: typeof options.postType === 'string' ? options.postType : undefined });
  if (preset === 'tribe') return rest.createTribeAdapter(common);
  return rest.createRestAdapter({
    ...common,
    // `type` names the adapter on <si-data-source>; what the endpoint lists is `list-type`.
    type: oneOf(options, 'listType', ['events', 'initiatives'] as const),
    itemsPath: typeof options.itemsPath === 'string' && options.itemsPath ? options.itemsPath : undefined,
    fields: objectOption(options, 'fields'),
    params: objectOption(options, 'params'),
    pagination: oneOf(options, 'pagination', ['page', 'offset', 'none'] as const),
    map: typeof options.map === 'function' ? (options.map as (item: unknown) => unknown) : undefined,
  });
});

registerAdapterType('wordpress', async (options) => {
  const { createWordPressAdapter } = await import('./rest/index.js');
  return createWordPressAdapter({
    src: needSrc('wordpress', options), postType: typeof options.postType === 'string' ? options.postType : undefined, ...paging(options), ...http(options),
  });
});

registerAdapterType('tribe', async (options) => {
  const { createTribeAdapter } = await import('./rest/index.js');
  return createTribeAdapter({ src: needSrc('tribe', options), ...paging(options), ...http(options) });
});

registerAdapterType('kvm', async (options) => {
  const { createKvmAdapter } = await import('./kvm/index.js');
  const given = <K extends 'bbox' | 'tags'>(key: K) =>
    (typeof options[key] === 'string' || Array.isArray(options[key]) ? (options[key] as KvmAdapterOptions[K]) : undefined);
  return createKvmAdapter({
    src: optionalSrc(options),
    // "south,west,north,east" and "a,b" (or JSON lists) are parsed by the adapter.
    bbox: given('bbox'),
    tags: given('tags'),
    text: typeof options.text === 'string' ? options.text : undefined,
    limit: positiveNumberOption(options, 'limit'),
    ...http(options),
  });
});
