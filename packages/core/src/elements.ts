// The Lit side of core: the base element, context, shared states and styles, <si-data-source>.
export * from './define.js';
export * from './context.js';
export * from './states.js';
export * from './si-element.js';
export { baseStyles } from './styles/tokens.js';
export { SourceController, type SourceHost } from './controllers/source-controller.js';
export { failingAdapter, guessSourceType } from './controllers/source-options.js';
export { SiDataSource } from './elements/si-data-source.js';
export { serializeJsonLd, writeJsonLd, JSON_LD_POLICY } from './json-ld.js';
export { LocaleController } from './controllers/locale-controller.js';
export { DialogController, type DialogHost, type DialogOptions } from './controllers/dialog-controller.js';
export type { SiFilterChangeDetail, SiFilters } from './events/si-filter-change.js';
export type { SiEventName, SiEventDetail } from './events/emit.js';
