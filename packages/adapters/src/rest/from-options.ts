import type { AdapterOptions, DataAdapter } from '@sozial-innovativ/core';
import { httpFromOptions, needSrc, objectOption, oneOf, pagingFromOptions, stringOption } from '../util/options.js';
import { createRestAdapter, createTribeAdapter, createWordPressAdapter } from './index.js';

/**
 * `type="rest"` on `<si-data-source>`: `preset` (wordpress, tribe), `per-page`, `max-pages`,
 * `timeout`, and for a generic API `items-path`, `fields` and `params` (JSON), `pagination`,
 * `list-type` (`type` names the adapter there).
 */
export function restAdapterFromOptions(options: AdapterOptions): DataAdapter {
  const preset = oneOf(options, 'preset', ['wordpress', 'tribe'] as const);
  if (preset) return (preset === 'tribe' ? tribeAdapterFromOptions : wordpressAdapterFromOptions)(options);
  return createRestAdapter({
    src: needSrc('rest', options),
    ...pagingFromOptions(options),
    ...httpFromOptions(options),
    type: oneOf(options, 'listType', ['events', 'initiatives'] as const),
    itemsPath: stringOption(options, 'itemsPath'),
    fields: objectOption(options, 'fields'),
    params: objectOption(options, 'params'),
    pagination: oneOf(options, 'pagination', ['page', 'offset', 'none'] as const),
  });
}

/** `type="wordpress"`: `src`, `post-type`, `per-page`, `max-pages`, `timeout`. */
export function wordpressAdapterFromOptions(options: AdapterOptions): DataAdapter {
  return createWordPressAdapter({
    src: needSrc('wordpress', options), postType: stringOption(options, 'postType'), ...pagingFromOptions(options), ...httpFromOptions(options),
  });
}

/** `type="tribe"`: `src`, `per-page`, `max-pages`, `timeout`. */
export function tribeAdapterFromOptions(options: AdapterOptions): DataAdapter {
  return createTribeAdapter({ src: needSrc('tribe', options), ...pagingFromOptions(options), ...httpFromOptions(options) });
}
