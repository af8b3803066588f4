import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { SourceController } from '@sozial-innovativ/core/elements';
import { AdapterError, addMonths, supports, toEpoch, type CalendarEvent, type DataAdapter, type Result } from '@sozial-innovativ/core';
import { indexEvents, upcomingRows, type DayEvent } from './days.js';
import { filterEvents, type CalendarFilter } from './filter.js';

/** The events of some days, indexed once for the views. */
export interface Loaded {
  /** `from to` as asked of the adapter. */
  key: string;
  result: Result<CalendarEvent>;
  index: DayEvent[];
}

/** The days `[from, to)`, `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** What the calendar shows next: the days on screen, and the days a visitor is likely to go to. */
export interface RangeRequest extends DayRange {
  /** Loaded ahead (the months beside a grid). */
  ahead: readonly DayRange[];
  /** Upcoming mode: the next `limit` events from now that pass `filter` (0: off). */
  limit: number;
  filter: CalendarFilter;
  today: string;
}

/** Loads kept for instant navigation (the month on screen, its neighbours, a list). */
const CACHED = 6;
/** Upcoming mode looks this far ahead, widening until it has enough events. */
const UPCOMING_MONTHS = [3, 6, 12, 24];

const isoInstant = (day: string) => new Date(toEpoch(day)).toISOString();

/**
 * Loads the calendar's days through `@lit/task`: the range on screen, the ranges beside it ahead
 * of time, and in upcoming mode ever longer ranges until enough events are found. Recent loads are
 * kept, so going back to a month shows it at once while it is asked again.
 */
export class RangeLoader {
  /** What to show: the requested days once loaded or cached, until then the previous ones. */
  value?: Loaded;
  private request!: RangeRequest;
  /** Loads by range (`from to`, oldest first). */
  private readonly cache = new Map<string, Loaded>();
  private cacheAdapter?: DataAdapter;

  /** Its `status` and `error` are the calendar's; `run()` retries. */
  readonly task: Task;

  /** `source`: the calendar's data source (an adapter, or why there is none). */
  constructor(
    host: ReactiveControllerHost,
    private readonly source: Pick<SourceController, 'adapter' | 'unconfigured'>,
  ) {
    this.task = new Task(host, {
      args: () => {
        const { from, to, limit, filter } = this.request;
        return [this.source.adapter, limit ? '' : from, limit ? '' : to, limit, limit ? JSON.stringify(filter) : ''] as const;
      },
      task: async ([adapter, from, to, limit], { signal }) => {
        const request = this.request;
        if (!adapter) {
          if (this.source.unconfigured) throw new AdapterError('config', 'No data source: set src, adapter or wrap the calendar in <si-data-source>.');
          return initialState;
        }
        if (!supports(adapter, 'events')) throw new AdapterError('unsupported', `The ${adapter.kind} source has no events.`);
        if (!limit) {
          // The neighbours are asked first, so "‹", "›" and Page Up/Down find them indexed, then the
          // range on screen: it is always asked (last), which refreshes a cached copy.
          for (const next of request.ahead) {
            if (!this.cache.has(`${next.from} ${next.to}`)) this.load(adapter, next.from, next.to, true).catch(() => {});
          }
          const loaded = await this.load(adapter, from, to);
          signal.throwIfAborted();
          return (this.value = loaded);
        }
        let data: Loaded;
        for (const months of UPCOMING_MONTHS) {
          data = await this.load(adapter, new Date().toISOString(), addMonths(request.today, months));
          signal.throwIfAborted();
          if (months === 24 || upcomingRows(filterEvents(data.index, request.filter, request.today), Date.now(), limit).length >= limit) break;
        }
        return (this.value = data!);
      },
    });
  }

  /**
   * Asks for `request` (the task compares and runs in this update) and returns what can show
   * now: a cached copy of the requested days at once, else the last load.
   */
  want(request: RangeRequest): Loaded | undefined {
    this.request = request;
    if (this.source.adapter !== this.cacheAdapter) {
      this.cache.clear();
      this.cacheAdapter = this.source.adapter;
    }
    const hit = request.limit ? undefined : this.cache.get(`${request.from} ${request.to}`);
    if (hit) this.value = hit;
    return this.value;
  }

  /** Waiting for the requested days, with nothing current to show meanwhile. */
  get loading(): boolean {
    const { from, to, limit } = this.request;
    const { status } = this.task;
    // Upcoming mode's "now" moves on: never current.
    return (!!limit || this.value?.key !== `${from} ${to}`) && (status === TaskStatus.INITIAL || status === TaskStatus.PENDING);
  }

  /**
   * Asks the adapter for the days `[from, to)` and indexes them, reusing the cached index when
   * the items are the same objects (a memory source). A load ahead indexes after the next paint,
   * off the path of what is on screen. No abort signal: a finished load is kept anyway.
   */
  private load(adapter: DataAdapter, from: string, to: string, ahead?: boolean): Promise<Loaded> {
    const key = `${from} ${to}`;
    return adapter.events!({ from: isoInstant(from), to: isoInstant(to) }).then(async (result) => {
      const old = this.cache.get(key)?.result.items;
      const same = old?.length === result.items.length && old.every((e, i) => e === result.items[i]);
      if (!same && ahead) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const loaded = { key, result, index: same ? this.cache.get(key)!.index : indexEvents(result.items) };
      // Upcoming mode's ranges start now: never asked again, not kept.
      if (adapter === this.cacheAdapter && from.length === 10) {
        this.cache.set(key, loaded);
        if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
      }
      return loaded;
    });
  }
}
