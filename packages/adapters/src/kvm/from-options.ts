import type { AdapterOptions, DataAdapter } from '@sozial-innovativ/core';
import { httpFromOptions, optionalSrc, positiveNumberOption, stringOption } from '../util/options.js';
import { createKvmAdapter, type KvmAdapterOptions } from './index.js';

/** `type="kvm"` on `<si-data-source>`: `src`, `bbox` ("south,west,north,east"), `tags` ("a,b"), `text`, `limit`, `timeout`. */
export function kvmAdapterFromOptions(options: AdapterOptions): DataAdapter {
  const given = <K extends 'bbox' | 'tags'>(key: K) =>
    (typeof options[key] === 'string' || Array.isArray(options[key]) ? (options[key] as KvmAdapterOptions[K]) : undefined);
  return createKvmAdapter({
    src: optionalSrc(options), bbox: given('bbox'), tags: given('tags'), text: stringOption(options, 'text'),
    limit: positiveNumberOption(options, 'limit'), ...httpFromOptions(options),
  });
}
