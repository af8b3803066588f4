import { whenIdle, type Initiative, type KnownPlace } from '@sozial-innovativ/core';
import { applyFacets, buildFacetIndex, type FacetIndex } from './facets.js';
import type { CardsFilter, FacetKey } from './keys.js';
import type { InitiativeIndex } from './search.js';
import { indexInBackground, type BackgroundIndex } from './background-index.js';
import { buildOrders, distanceOrder, firstByName, orderSubset, resolveNear, type Orders } from './sort.js';

// Loaded with the view (`cards-view.ts`, an `import()` of `<si-initiative-cards>`): the place list
// stays out of the first load (and out of pages that only show single cards). The search index
// (`search.ts`, MiniSearch) is loaded only when it is first wanted (`background-index.ts`).

export interface QueryResult {
  /** How many initiatives match. */
  readonly total: number;
  /** Positions into `collection.items`, in display order (all `total` of them). */
  readonly positions: number[];
  /**
   * The first `count` positions in display order: a page. Cheaper than `positions` until the
   * whole-list name order is built.
   */
  first(count: number): readonly number[];
  counts: Record<FacetKey, Uint32Array>;
  /**
   * The query has a search term and the search index is not complete yet: the result is that of
   * the other filters alone (in name order). Query again once `searchReady` has resolved.
   */
  pending: boolean;
  /** The place `near` resolved to, if any. */
  place?: KnownPlace;
  /** Distances in km by position, when a place is known. */
  km?: Float64Array;
}

/**
 * The initiatives of one data load, searchable: everything built once per load (search index,
 * facet index, whole-list orders) and the query that runs per keystroke: search → facets with
 * counts → order. No DOM.
 */
export class InitiativeCollection {
  private readonly facets: FacetIndex;
  private readonly orders: Orders;
  private distances?: { key: string; km: Float64Array; order: Uint32Array };

  /**
   * `index`: one built at once (`buildIndex(items)`), or one still being built
   * (`indexInBackground`), whose searches wait until it is complete (`pending` results).
   */
  constructor(
    readonly items: readonly Initiative[],
    private readonly index: InitiativeIndex | BackgroundIndex,
  ) {
    this.facets = buildFacetIndex(items);
    this.orders = buildOrders(items);
  }

  /** With its search index, built in chunks that yield to the page in between. */
  static async createAsync(items: readonly Initiative[]): Promise<InitiativeCollection> {
    const { buildIndexAsync } = await import('./search.js');
    return new InitiativeCollection(items, await buildIndexAsync(items));
  }

  /**
   * Ready for the first page at once (name order, facets); the search index loads and builds in
   * idle time, and a search before it is complete waits for it (see `indexInBackground`).
   */
  static createInBackground(items: readonly Initiative[]): InitiativeCollection {
    const collection = new InitiativeCollection(items, indexInBackground(items));
    // The name order too, before a visitor filters (the first page does without it).
    if (items.length) whenIdle(() => void collection.orders.name, 1000);
    return collection;
  }

  /** Resolves when a search no longer waits for the index (`pending` results). */
  get searchReady(): Promise<void> {
    return 'ready' in this.index ? this.index.ready : Promise.resolve();
  }

  /** The values of each facet, sorted. */
  get facetValues(): Record<FacetKey, string[]> {
    return this.facets.values;
  }

  query(filter: CardsFilter): QueryResult {
    const found = this.index.search(filter.q);
    const hits = found ?? null;
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
    const { items, orders } = this;
    // Relevance is the search's order; without a search (or a place to measure from) it is by name.
    const by = (filter.sort === 'relevance' && hits) || (filter.sort === 'distance' && distance) || filter.sort === 'newest' || filter.sort === 'checked'
      ? filter.sort
      : 'name';
    let all: number[] | undefined = by === 'relevance' ? matches : undefined;
    const ordered = (): number[] => (all ??= orderSubset(by === 'distance' ? distance! : orders[by as 'name' | 'newest' | 'checked'], matches));
    let page: { count: number; positions: readonly number[] } | undefined;
    return {
      total: matches.length,
      get positions() {
        return ordered();
      },
      first(count) {
        if (page?.count !== count) {
          // A page by selection while the name order is not built, unless it is most of the list.
          const pick = by === 'name' && !orders.hasName && count * 4 < matches.length;
          page = { count, positions: pick ? firstByName(items, matches, count) : ordered().slice(0, count) };
        }
        return page.positions;
      },
      counts,
      pending: found === undefined,
      place,
      km,
    };
  }
}
