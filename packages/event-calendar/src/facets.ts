import type { DayEvent } from './days.js';

// Filter choices, apart from filter.ts so they load with the filter form (filter-form.ts).

const collator = new Intl.Collator('de');
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
  const result = { topics: [...topics].sort(collator.compare), towns: [...towns].sort(collator.compare) };
  facetCache.set(list, result);
  return result;
}
