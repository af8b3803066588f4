// Classes, types and event details only; `./define` registers the tags, and the DOM-free logic
// (search, facets, sort, URL state, the collection, JSON-LD) is `./logic`.
export { SiInitiativeCard, type DetailsCloseDetail, type InitiativeSelectDetail } from './si-initiative-card.js';
export { SiInitiativeCards, type CardsFilterChangeDetail } from './si-initiative-cards.js';
export type { CardsFilter, FacetKey, FacetSelection, ShowcaseFilter, SortKey } from './keys.js';
export type { Messages } from './messages.js';

import { de } from './messages.js';
import en from './messages.en.js';
import hsb from './messages.hsb.js';
/** Every interface text (the elements load English and Upper Sorbian only when needed). */
export const messages = { de, en, hsb };
