// Tiny constants and types shared by the eager elements and the lazily loaded search/facet code, kept
// apart so importing them does not pull the search index or the place list into the first load.

/** The facets a visitor can filter by. Within one facet values are OR-ed, across facets AND-ed. */
export const FACET_KEYS = ['topics', 'kinds', 'targetGroups', 'districts', 'towns'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type FacetSelection = Record<FacetKey, readonly string[]>;

/**
 * `relevance` is the search order while there is a query, the name order otherwise.
 * `newest` sorts by founding date, `checked` by the date the entry was last checked.
 */
export const SORT_KEYS = ['relevance', 'name', 'newest', 'checked', 'distance'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const isSortKey = (s: unknown): s is SortKey => (SORT_KEYS as readonly unknown[]).includes(s);

/** What a visitor asked `<si-initiative-cards>` for: search, facets, place and sort. */
export interface CardsFilter extends FacetSelection {
  /** Search text. */
  q: string;
  /** A town, a district or a five-digit postcode. */
  near: string;
  sort: SortKey;
}

/** @deprecated The old name of {@link CardsFilter} (the README documented it). */
export type ShowcaseFilter = CardsFilter;
