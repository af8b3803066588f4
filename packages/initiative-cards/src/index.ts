// Classes and types only; `./define` registers the tags.
export { SiInitiativeCard, type InitiativeSelectDetail } from './si-initiative-card.js';
export { SiInitiativeCards, type FilterChangeDetail } from './si-initiative-cards.js';
export { Catalog, type ShowcaseFilter, type QueryResult } from './catalog.js';
export { foldGerman, buildIndex, buildIndexAsync, type InitiativeIndex } from './search.js';
export { FACET_KEYS, applyFacets, buildFacetIndex, type FacetKey, type FacetSelection } from './facets.js';
export { SORT_KEYS, resolveNear, type SortKey } from './sort.js';
export { readUrlState, writeUrlState, readLocationState, writeLocationState, fragmentParams, URL_KEYS } from './url-state.js';
export { initiativeToSchemaOrg, itemListJsonLd } from './schema-org.js';
export type { Messages } from './messages.js';

import { de } from './messages.js';
import en from './messages.en.js';
import hsb from './messages.hsb.js';
/** Every interface text (the elements load English and Upper Sorbian only when needed). */
export const messages = { de, en, hsb };
