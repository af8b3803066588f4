import type { SiFilterChangeDetail } from '@sozial-innovativ/core/elements';
import type { CardsFilter } from '../keys.js';

/** The detail of `si-filter-change` from `<si-initiative-cards>`. */
export type CardsFilterChangeDetail = SiFilterChangeDetail<CardsFilter>;

// `si-filter-change` is declared once in core (several widgets fire it); its detail is the union
// of the widgets' filters, so `<si-initiative-cards>` adds its own. Not cancelable.
declare module '@sozial-innovativ/core/elements' {
  interface SiFilters {
    'si-initiative-cards': CardsFilter;
  }
}
