// The DOM-free core: model, adapter contract, fetch, URLs, time, i18n. Runs in Node and browsers.
export * from './model/index.js';
export * from './adapter.js';
export * from './safe-url.js';
export * from './fetch.js';
export * from './time/index.js';
export * from './i18n/index.js';
export { germanDateFormat } from './i18n/german-dates.js';
export { germanLongDate } from './i18n/german-long-date.js';
export * from './version.js';
export * from './idle.js';
export * from './geo/saxony.js';
export { germanCompare, germanOrder, germanOrderKey } from './i18n/german-order.js';
