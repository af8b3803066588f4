import type { AdapterOptions } from '@sozial-innovativ/core';
import { httpFromOptions, needSrc, positiveNumberOption } from '../util/options.js';
import { createIcalAdapter, type IcalAdapter } from './index.js';

/** `type="ical"` on `<si-data-source>`: `src`, `timeout`, `max-occurrences` from attributes. */
export function icalAdapterFromOptions(options: AdapterOptions): IcalAdapter {
  return createIcalAdapter({ src: needSrc('ical', options), maxOccurrences: positiveNumberOption(options, 'maxOccurrences'), ...httpFromOptions(options) });
}
