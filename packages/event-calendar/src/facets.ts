import { foldText } from '@sozial-innovativ/core';
import type { DayEvent } from './days.js';

// Filter choices, apart from filter.ts so they load with the filter form (filter-form.ts).

/**
 * German dictionary order (DIN 5007-1: ä as a, ß as ss, case ignored) by folded keys: the same
 * order as `Intl.Collator('de')` for names, without the collator's first-use cost (~5 ms).
 */
function sortGerman(values: Iterable<string>): string[] {
  return [...values]
    .map((value) => [foldText(value), value] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([, value]) => value);
}
const facetCache = new WeakMap<readonly DayEvent[], { topics: string[]; towns: string[] }>();

/** Topics and towns that occur in the data (for the filter choices), sorted the German way. */
export function facets(list: readonly DayEvent[]): { topics: string[]; towns: string[] } {
  const cached = facetCache.get(list);
  if (cached) return cached;
  const topics = new Set<string>();
  const towns = new Set<string>();
  for (const { event } of list) {
    for (const t of event.topics) topics.add(t);
    if (event.location?.town) towns.add(event.location.town);
  }
  const result = { topics: sortGerman(topics), towns: sortGerman(towns) };
  facetCache.set(list, result);
  return result;
}
