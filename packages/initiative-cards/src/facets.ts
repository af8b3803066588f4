import { findPlace, germanOrder, type Initiative } from '@sozial-innovativ/core';
import { foldGerman } from './terms.js';

import { FACET_KEYS, type FacetKey, type FacetSelection } from './keys.js';

export { FACET_KEYS, type FacetKey, type FacetSelection };

export const emptySelection = (): FacetSelection => ({ topics: [], kinds: [], targetGroups: [], districts: [], towns: [] });

/** Districts of towns already looked up: `findPlace` folds every known place per call. */
const townDistricts = new Map<string, string | undefined>();

/** The district of an initiative: its own, else the district of its town from core's places. */
export const districtOf = (x: Initiative): string | undefined => {
  if (x.region?.district) return x.region.district;
  const town = x.region?.town;
  if (!town) return undefined;
  if (!townDistricts.has(town)) townDistricts.set(town, findPlace(town)?.district);
  return townDistricts.get(town);
};

/**
 * Every facet value of every item as small integers, built once per data load, so counting
 * facets on each keystroke touches numbers, not strings. Per facet the values of all items sit
 * in one array (`ids`), item `p`'s from `start[p]` to `start[p + 1]`: two allocations per facet
 * instead of one per item.
 */
export interface FacetIndex {
  /** The values of each facet, sorted as in a German dictionary. */
  values: Record<FacetKey, string[]>;
  /** Where each item's value indices begin in `ids` (length: items + 1). */
  start: Record<FacetKey, Uint32Array>;
  /** Indices into `values[key]`, item after item. */
  ids: Record<FacetKey, Uint16Array>;
  /** Folded value → index, so `wohnen` in an attribute selects `Wohnen`. */
  lookup: Record<FacetKey, Map<string, number>>;
  /** How many items have each value: the counts while nothing is searched or selected. */
  totals: Record<FacetKey, Uint32Array>;
}

/** One facet's values as they are met, numbered in that order. */
class FacetColumn {
  readonly numbers = new Map<string, number>();
  readonly ids: number[] = [];
  readonly start: Uint32Array;

  constructor(items: number) {
    this.start = new Uint32Array(items + 1);
  }

  add(value: string): void {
    let id = this.numbers.get(value);
    if (id === undefined) this.numbers.set(value, (id = this.numbers.size));
    this.ids.push(id);
  }

  /** Ends item `p`'s values. */
  end(p: number): void {
    this.start[p + 1] = this.ids.length;
  }

  /** Sorts the values and renumbers the ids in that order. */
  addTo(index: FacetIndex, key: FacetKey): void {
    const met = [...this.numbers.keys()];
    // As `Intl.Collator('de')` sorts them, without creating one for values core has keys for.
    const sorted = germanOrder(met);
    const rank = new Uint16Array(met.length);
    sorted.forEach((id, r) => (rank[id] = r));
    const values = Array.from(sorted, (id) => met[id]!);
    const ids = new Uint16Array(this.ids.length);
    const totals = new Uint32Array(values.length);
    for (let i = 0; i < ids.length; i++) totals[(ids[i] = rank[this.ids[i]!]!)]!++;
    index.values[key] = values;
    index.lookup[key] = new Map(values.map((v, i) => [foldGerman(v), i]));
    index.start[key] = this.start;
    index.ids[key] = ids;
    index.totals[key] = totals;
  }
}

// One pass over the items for all facets, each value looked up once: on a cold page with 10 000
// items this runs before the first cards show.
export function buildFacetIndex(list: readonly Initiative[]): FacetIndex {
  const index = { values: {}, start: {}, ids: {}, lookup: {}, totals: {} } as FacetIndex;
  const topics = new FacetColumn(list.length);
  const kinds = new FacetColumn(list.length);
  const targetGroups = new FacetColumn(list.length);
  const districts = new FacetColumn(list.length);
  const towns = new FacetColumn(list.length);
  for (let p = 0; p < list.length; p++) {
    const x = list[p]!;
    for (const v of x.topics) topics.add(v);
    kinds.add(x.kind);
    for (const v of x.targetGroups) targetGroups.add(v);
    const district = districtOf(x);
    if (district) districts.add(district);
    const town = x.region?.town;
    if (town) towns.add(town);
    topics.end(p);
    kinds.end(p);
    targetGroups.end(p);
    districts.end(p);
    towns.end(p);
  }
  const columns: Record<FacetKey, FacetColumn> = { topics, kinds, targetGroups, districts, towns };
  for (const key of FACET_KEYS) columns[key].addTo(index, key);
  return index;
}

/** What a selection yields: the matching positions and, per facet, counts parallel to `values`. */
export interface FacetResult {
  /** Positions that match every facet, in the order of the candidates. */
  matches: number[];
  /**
   * `counts[key][i]`: how many candidates have value `i` and match all *other* facets, i.e. how
   * many results the visitor gets by ticking (only) that value as well.
   */
  counts: Record<FacetKey, Uint32Array>;
}

/**
 * Applies the facet selection to `candidates` (search hits, or `null` for all items) and counts
 * every facet value in one pass: an item that fails exactly one facet still counts for that one.
 */
export function applyFacets(index: FacetIndex, candidates: readonly number[] | null, selection: FacetSelection): FacetResult {
  const keys = FACET_KEYS;
  const total = candidates ? candidates.length : index.start.topics.length - 1;
  if (!candidates && keys.every((k) => !selection[k].length)) {
    // Everything matches (the first render): the counts are the totals.
    const matches: number[] = [];
    for (let p = 0; p < total; p++) matches.push(p);
    const counts = {} as Record<FacetKey, Uint32Array>;
    for (const key of keys) counts[key] = index.totals[key].slice();
    return { matches, counts };
  }
  const counts = {} as Record<FacetKey, Uint32Array>;
  const selected: (Uint8Array | null)[] = [];
  for (const key of keys) {
    counts[key] = new Uint32Array(index.values[key].length);
    const chosen = selection[key];
    if (!chosen.length) {
      selected.push(null);
      continue;
    }
    const mask = new Uint8Array(index.values[key].length);
    for (const v of chosen) {
      const i = index.lookup[key].get(foldGerman(v));
      if (i !== undefined) mask[i] = 1;
    }
    selected.push(mask);
  }
  const matches: number[] = [];
  const starts = keys.map((k) => index.start[k]);
  const ids = keys.map((k) => index.ids[k]);
  const countsByKey = keys.map((k) => counts[k]);
  for (let c = 0; c < total; c++) {
    const pos = candidates ? candidates[c]! : c;
    let failed = -1;
    let failures = 0;
    for (let k = 0; k < keys.length && failures < 2; k++) {
      const mask = selected[k];
      if (!mask) continue;
      const values = ids[k]!;
      const end = starts[k]![pos + 1]!;
      let hit = false;
      for (let j = starts[k]![pos]!; j < end; j++) if (mask[values[j]!]) { hit = true; break; }
      if (!hit) {
        failures++;
        failed = k;
      }
    }
    if (failures === 0) {
      matches.push(pos);
      for (let k = 0; k < keys.length; k++) {
        const values = ids[k]!;
        const count = countsByKey[k]!;
        const end = starts[k]![pos + 1]!;
        for (let j = starts[k]![pos]!; j < end; j++) count[values[j]!]!++;
      }
    } else if (failures === 1) {
      const values = ids[failed]!;
      const count = countsByKey[failed]!;
      const end = starts[failed]![pos + 1]!;
      for (let j = starts[failed]![pos]!; j < end; j++) count[values[j]!]!++;
    }
  }
  return { matches, counts };
}
