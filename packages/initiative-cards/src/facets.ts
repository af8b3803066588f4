import { findPlace, type Initiative } from '@sozial-innovativ/core';
import { foldGerman } from './search.js';

import { FACET_KEYS, type FacetKey, type FacetSelection } from './keys.js';

export { FACET_KEYS, type FacetKey, type FacetSelection };

export const emptySelection = (): FacetSelection => ({ topics: [], kinds: [], targetGroups: [], districts: [], towns: [] });

/** The district of an initiative: its own, else the district of its town from core's places. */
export const districtOf = (x: Initiative): string | undefined =>
  x.region?.district || (x.region?.town ? findPlace(x.region.town)?.district : undefined);

const valuesOf: Record<FacetKey, (x: Initiative) => readonly string[]> = {
  topics: (x) => x.topics,
  kinds: (x) => [x.kind],
  targetGroups: (x) => x.targetGroups,
  districts: (x) => {
    const d = districtOf(x);
    return d ? [d] : [];
  },
  towns: (x) => (x.region?.town ? [x.region.town] : []),
};

/**
 * Every facet value of every item as small integers, built once per data load, so counting
 * facets on each keystroke touches numbers, not strings.
 */
export interface FacetIndex {
  /** The values of each facet, sorted as in a German dictionary. */
  values: Record<FacetKey, string[]>;
  /** `items[key][position]`: indices into `values[key]`. */
  items: Record<FacetKey, Uint16Array[]>;
  /** Folded value → index, so `wohnen` in an attribute selects `Wohnen`. */
  lookup: Record<FacetKey, Map<string, number>>;
}

const collator = new Intl.Collator('de');

export function buildFacetIndex(list: readonly Initiative[]): FacetIndex {
  const index = { values: {}, items: {}, lookup: {} } as FacetIndex;
  for (const key of FACET_KEYS) {
    const distinct = new Set<string>();
    for (const x of list) for (const v of valuesOf[key](x)) distinct.add(v);
    const values = [...distinct].sort(collator.compare);
    const exact = new Map(values.map((v, i) => [v, i]));
    index.values[key] = values;
    index.lookup[key] = new Map(values.map((v, i) => [foldGerman(v), i]));
    index.items[key] = list.map((x) => Uint16Array.from(valuesOf[key](x), (v) => exact.get(v)!));
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
  const total = candidates ? candidates.length : (index.items.topics.length);
  for (let c = 0; c < total; c++) {
    const pos = candidates ? candidates[c]! : c;
    let failed = -1;
    let failures = 0;
    for (let k = 0; k < keys.length && failures < 2; k++) {
      const mask = selected[k];
      if (!mask) continue;
      const values = index.items[keys[k]!][pos]!;
      let hit = false;
      for (let j = 0; j < values.length; j++) if (mask[values[j]!]) { hit = true; break; }
      if (!hit) {
        failures++;
        failed = k;
      }
    }
    if (failures === 0) {
      matches.push(pos);
      for (let k = 0; k < keys.length; k++) {
        const values = index.items[keys[k]!][pos]!;
        const count = counts[keys[k]!];
        for (let j = 0; j < values.length; j++) count[values[j]!]!++;
      }
    } else if (failures === 1) {
      const values = index.items[keys[failed]!][pos]!;
      const count = counts[keys[failed]!];
      for (let j = 0; j < values.length; j++) count[values[j]!]!++;
    }
  }
  return { matches, counts };
}
