import { SAXON_DISTRICTS, SAXON_PLACES, placeForPostcode, type Initiative, type KnownPlace } from '@sozial-innovativ/core';
import { applyFacets, buildFacetIndex, type FacetIndex } from './facets.js';
import type { FacetKey, FacetSelection, SortKey } from './keys.js';
import { buildIndex, buildIndexAsync, buildIndexInBackground, type InitiativeIndex } from './search.js';
import { buildOrders, distanceOrder, orderSubset, resolveNear, type Orders } from './sort.js';

// This module is loaded with `import()` by the showcase: MiniSearch, the place list and the
// validator stay out of the first load (and out of pages that only show single cards).
export { SAXON_DISTRICTS, SAXON_PLACES, placeForPostcode };

/** What a visitor asked for: the showcase's whole filter state. */
export interface ShowcaseFilter extends FacetSelection {
  q: string;
  /** A town, a district or a five-digit postcode. */
  near: string;
  sort: SortKey;
}

export interface QueryResult {
  /** Positions into `catalog.items`, in display order. */
  positions: number[];
  counts: Record<FacetKey, Uint32Array>;
  /** The place `near` resolved to, if any. */
  place?: KnownPlace;
  /** Distances in km by position, when a place is known. */
  km?: Float64Array;
}

/**
 * Everything built once per data load (search index, facet index, whole-list orders) and the
 * query that runs per keystroke: search → facets with counts → order. No DOM.
 */
export class Catalog {
  private readonly facets: FacetIndex;
  private readonly orders: Orders;
  private distances?: { key: string; km: Float64Array; order: Uint32Array };

  constructor(
    readonly items: readonly Initiative[],
    private readonly index: InitiativeIndex,
  ) {
    this.facets = buildFacetIndex(items);
    this.orders = buildOrders(items);
  }

  static create(items: readonly Initiative[]): Catalog {
    return new Catalog(items, buildIndex(items));
  }

  static async createAsync(items: readonly Initiative[]): Promise<Catalog> {
    return new Catalog(items, await buildIndexAsync(items));
  }

  /**
   * Ready for the first page at once (name order, facets); the search index builds in idle time
   * and a search before it is complete finishes it first (see `buildIndexInBackground`).
   */
  static createInBackground(items: readonly Initiative[]): Catalog {
    return new Catalog(items, buildIndexInBackground(items));
  }

  /** The values of each facet, sorted. */
  get facetValues(): Record<FacetKey, string[]> {
    return this.facets.values;
  }

  query(filter: ShowcaseFilter): QueryResult {
    const hits = this.index.search(filter.q);
    const { matches, counts } = applyFacets(this.facets, hits, filter);
    const place = resolveNear(filter.near);
    let km: Float64Array | undefined;
    let distance: Uint32Array | undefined;
    if (place) {
      if (this.distances?.key !== place.name) {
        this.distances = { key: place.name, ...distanceOrder(this.items, place.geo, this.orders.name) };
      }
      km = this.distances.km;
      distance = this.distances.order;
    }
    let positions: number[];
    if (filter.sort === 'relevance' && hits) positions = matches;
    else if (filter.sort === 'distance' && distance) positions = orderSubset(distance, matches);
    else if (filter.sort === 'newest' || filter.sort === 'checked') positions = orderSubset(this.orders[filter.sort], matches);
    else positions = orderSubset(this.orders.name, matches);
    return { positions, counts, place, km };
  }
}
