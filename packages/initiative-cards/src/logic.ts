// `@sozial-innovativ/initiative-cards/logic`: what `<si-initiative-cards>` does without the DOM,
// for servers, tests and other front ends. Runs in Node.
export { InitiativeCollection, type QueryResult } from './collection.js';
export { buildIndex, buildIndexAsync, type InitiativeIndex } from './search.js';
export { foldGerman } from './terms.js';
export { FACET_KEYS, applyFacets, buildFacetIndex, type FacetKey, type FacetSelection } from './facets.js';
export { SORT_KEYS, resolveNear, type SortKey } from './sort.js';
export { readUrlState, writeUrlState, readLocationState, writeLocationState, fragmentParams, URL_KEYS, type UrlState } from './url-state.js';
export { initiativeToSchemaOrg, itemListJsonLd } from './to-json-ld.js';
export type { CardsFilter } from './keys.js';
