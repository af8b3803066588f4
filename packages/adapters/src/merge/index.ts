import {
  AdapterError, eventBounds, isAbortError, type AdapterOptions, type CalendarEvent, type DataAdapter, type EventQuery,
  type RequestOptions, type Result, type SourceFailure,
} from '@sozial-innovativ/core';

/** One of the sources of a merged calendar and the name its events are shown with. */
export interface MergeSource {
  adapter: DataAdapter;
  /** Shown with each of the source's events and in the notice when the source fails, e.g. `Impact Hub`. */
  label: string;
}

/** Settles when `promise` does, or rejects with the signal's reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  let stop!: () => void;
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', (stop = () => reject(signal.reason)), { once: true }));
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', stop));
}

/**
 * Several organisers' calendars as one source. Every source is asked at once; their events come
 * back merged by start time, each with `source.name` set to its source's label (so the calendar
 * can name it in text), and an event that several sources list (the same `uid` and start) only
 * once, from the first source that has it. A failing source leaves the others standing: the
 * result then says which one failed (`sources.failures`), and widgets show a notice. Only when
 * every source fails does the call fail, with the first source's error.
 *
 * `seriesIcs(uid)` (the "whole series" download) asks the sources in order, as the merge keeps an
 * event from the first source that has it.
 */
export function createMergedAdapter(sources: readonly MergeSource[]): DataAdapter & { seriesIcs(uid: string): string | undefined } {
  const list = sources.map((s) => ({ ...s }));
  return {
    kind: 'merge',
    seriesIcs(uid: string): string | undefined {
      for (const { adapter } of list) {
        const ics = (adapter as { seriesIcs?: (uid: string) => string | undefined }).seriesIcs?.(uid);
        if (ics) return ics;
      }
      return undefined;
    },
    async events(query: EventQuery, options?: RequestOptions): Promise<Result<CalendarEvent>> {
      const signal = options?.signal;
      const settled = await untilAborted(
        Promise.allSettled(list.map(({ adapter }) =>
          adapter.events ? adapter.events(query, options) : Promise.reject(new AdapterError('unsupported', `The ${adapter.kind} source has no events.`)))),
        signal,
      );
      // A source that saw the abort rejects with it: the whole request was cancelled, not one source.
      signal?.throwIfAborted();
      const failures: SourceFailure[] = [];
      const results: [Result<CalendarEvent>, string][] = [];
      settled.forEach((s, i) => (s.status === 'fulfilled' ? results.push([s.value, list[i]!.label]) : failures.push({ label: list[i]!.label, error: s.reason })));
      if (list.length && !results.length) throw failures.find((f) => !isAbortError(f.error))?.error ?? failures[0]!.error;

      const seen = new Set<string>();
      const ids = new Set<string>();
      const merged: { e: CalendarEvent; start: number }[] = [];
      for (const [result, label] of results) {
        for (const item of result.items) {
          const start = eventBounds(item)[0];
          const key = `${item.uid ?? item.id}\n${start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          // A fresh object: the source's own (maybe cached) items stay as they were.
          const e: CalendarEvent = label ? { ...item, source: { ...item.source, name: label } } : { ...item };
          // Two organisers may both number their events 1, 2, 3: the calendar needs one id per event.
          while (ids.has(e.id)) e.id += `~${label || '2'}`;
          ids.add(e.id);
          merged.push({ e, start });
        }
      }
      merged.sort((a, b) => a.start - b.start);
      const fetched = results.map(([r]) => r.fetchedAt);
      const out: Result<CalendarEvent> = {
        items: merged.map((m) => m.e),
        dropped: results.reduce((n, [r]) => n + r.dropped, 0),
        fetchedAt: fetched.length ? Math.min(...fetched) : Date.now(),
        sources: { total: list.length, failed: failures.length, failures },
      };
      if (results.some(([r]) => r.stale)) out.stale = true;
      return out;
    },
  };
}

/**
 * The declarative `merge` type (`<si-data-source type="merge">`): its `sources` are the adapters
 * of the nested `<si-data-source>` elements, which the outer element passes in.
 */
export function mergedAdapterFromOptions({ sources }: AdapterOptions): DataAdapter {
  if (!Array.isArray(sources) || !sources.length) {
    throw new AdapterError('config', 'The merge source needs its sources as nested <si-data-source> elements');
  }
  return createMergedAdapter(sources as MergeSource[]);
}
