import type { AdapterOptions, DataAdapter } from '@sozial-innovativ/core';
import { httpFromOptions, optionalSrc } from '../util/options.js';
import { createJsonAdapter } from './index.js';

/** `type="json"` on `<si-data-source>`: `src` (or inline `data`) and `timeout` from attributes. */
export function jsonAdapterFromOptions(options: AdapterOptions): DataAdapter {
  return createJsonAdapter({ src: optionalSrc(options), data: options.data, ...httpFromOptions(options) });
}
