import {
  eventBounds, overlapsRange, validateEvents, validateInitiatives, validateOffers, validateQuestionnaire,
  AdapterError, type CalendarEvent, type DataAdapter, type EventQuery, type Initiative, type MatchOffer,
  type Questionnaire, type RequestOptions, type Result,
} from '@sozial-innovativ/core';

/** Data in the documented JSON format; every part is optional and untrusted. */
export interface MemoryData {
  events?: unknown;
  initiatives?: unknown;
  questionnaire?: unknown;
  offers?: unknown;
}

const abortable = async <T>(options: RequestOptions | undefined, value: () => T): Promise<T> => {
  options?.signal?.throwIfAborted();
  return value();
};

/** Applied to every validated item, e.g. to resolve relative URLs against a feed's URL. */
export type ItemTransform = <T extends object>(item: T) => T;

/** Runs `make` on the first call only and returns its result on every call. */
const once = <T>(make: () => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/**
 * Serves data held in memory: for tests, stories, the demo, and inline JSON. Each part is
 * validated on the first call that needs it, and only once: a calendar never pays for
 * initiatives or offers. Events are kept sorted by start so a range query is a binary search
 * plus a scan.
 */
export function createMemoryAdapter(data: MemoryData, kind = 'memory', transform?: ItemTransform): DataAdapter {
  const fetchedAt = Date.now();
  const resolved = <T extends object>(v: { items: T[]; dropped: number }) =>
    transform ? { items: v.items.map(transform), dropped: v.dropped } : v;
  const events = once(() => {
    const { items, dropped } = resolved(validateEvents(data.events));
    const bounded = items
      .map((e) => ({ e, bounds: eventBounds(e) }))
      .sort((a, b) => a.bounds[0] - b.bounds[0]);
    const longest = bounded.reduce((max, x) => Math.max(max, x.bounds[1] - x.bounds[0]), 0);
    return { bounded, longest, dropped };
  });
  const initiatives = once(() => {
    const { items, dropped } = resolved(validateInitiatives(data.initiatives));
    return { items, dropped, byId: new Map(items.map((i) => [i.id, i])) };
  });
  const offers = once(() => resolved(validateOffers(data.offers)));
  const questionnaire = once(() => validateQuestionnaire(data.questionnaire));

  const adapter: DataAdapter = { kind };
  if (data.events !== undefined) {
    adapter.events = (query: EventQuery, options?: RequestOptions) =>
      abortable<Result<CalendarEvent>>(options, () => {
        const from = Date.parse(query.from);
        const to = Date.parse(query.to);
        if (Number.isNaN(from) || Number.isNaN(to)) throw new AdapterError('config', 'Invalid range');
        const { bounded, longest, dropped } = events();
        // Every event that can overlap starts after `from - longest`.
        let lo = 0;
        let hi = bounded.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (bounded[mid]!.bounds[0] < from - longest) lo = mid + 1;
          else hi = mid;
        }
        const items: CalendarEvent[] = [];
        for (let i = lo; i < bounded.length && bounded[i]!.bounds[0] < to; i++) {
          const { e, bounds } = bounded[i]!;
          if (overlapsRange(bounds[0], bounds[1], from, to)) items.push(e);
        }
        return { items, dropped, fetchedAt };
      });
  }
  if (data.initiatives !== undefined) {
    adapter.initiatives = (_query, options) =>
      abortable<Result<Initiative>>(options, () => {
        const { items, dropped } = initiatives();
        return { items, dropped, fetchedAt };
      });
    adapter.initiative = (id, options) => abortable(options, () => initiatives().byId.get(id));
  }
  if (data.offers !== undefined) {
    adapter.offers = (options) =>
      abortable<Result<MatchOffer>>(options, () => ({ ...offers(), fetchedAt }));
  }
  if (data.questionnaire !== undefined) {
    adapter.questionnaire = (options) =>
      abortable<Questionnaire>(options, () => {
        const valid = questionnaire();
        if (!valid) throw new AdapterError('parse', 'The questionnaire does not match the documented format');
        return valid;
      });
  }
  return adapter;
}
