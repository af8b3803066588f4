import { findPlace, type Initiative } from '@sozial-innovativ/core';
import { foldGerman } from './search.js';

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

/** Calls `add` with each value of facet `key` of `x` (no array per item). */
const eachValue: Record<FacetKey, (x: Initiative, add: (v: string) => void) => void> = {
  topics: (x, add) => x.topics.forEach((v) => add(v)),
  kinds: (x, add) => add(x.kind),
  targetGroups: (x, add) => x.targetGroups.forEach((v) => add(v)),
  districts: (x, add) => {
    const d = districtOf(x);
    if (d) add(d);
  },
  towns: (x, add) => {
    if (x.region?.town) add(x.region.town);
  },
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
}

const collator = new Intl.Collator('de');

export function buildFacetIndex(list: readonly Initiative[]): FacetIndex {
  const index = { values: {}, start: {}, ids: {}, lookup: {} } as FacetIndex;
  for (const key of FACET_KEYS) {
    const flat: string[] = [];
    const add = (v: string) => void flat.push(v);
    const start = new Uint32Array(list.length + 1);
    for (let p = 0; p < list.length; p++) {
      eachValue[key](list[p]!, add);
      start[p + 1] = flat.length;
    }
    const values = [...new Set(flat)].sort(collator.compare);
    const exact = new Map(values.map((v, i) => [v, i]));
    const ids = new Uint16Array(flat.length);
    for (let i = 0; i < flat.length; i++) ids[i] = exact.get(flat[i]!)!;
    index.values[key] = values;
    index.lookup[key] = new Map(values.map((v, i) => [foldGerman(v), i]));
    index.start[key] = start;
    index.ids[key] = ids;
  }
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
  const total = candidates ? candidates.length : index.start.topics.length - 1;
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
