// A parsed feed's occurrences in a range: DTSTART, RDATE and each RRULE (recurrence.ts) minus EXDATE,
// RECURRENCE-ID overrides in place, under the occurrence cap and the step and time budgets with a
// fair share per series; run in one go or in slices that yield to the page (guard.ts).
import { overlapsRange, type CalendarEvent } from '@sozial-innovativ/core';
import { Budget, Clock, SUB_DAILY, fairQuota, runAsync, runSync } from './guard.js';
import { DAY_MS, dateString, type Wall } from './wall.js';
import { slotAt, toEvent, type FeedContext, type Override, type Series, type Slot } from './event.js';
import { expandRule, ruleStatesOf } from './recurrence.js';
import { feedContexts, type ParsedCalendar } from './parse.js';

export interface ExpandOptions {
  /** At most this many occurrences per call (default 10 000); one series gets at most a fair share. */
  maxOccurrences?: number;
  /**
   * At most this many inner steps of the recurrence engine per call, over all series (default
   * 1 000 000). Each series gets a fair share of what is left, at most {@link SERIES_STEPS}
   * (sub-daily rules: {@link SUB_DAILY_STEPS}).
   */
  maxSteps?: number;
  /** At most this much compute time per call, in ms (default 5 000); each series at most {@link SERIES_MS}. */
  maxMillis?: number;
  /** Fills `source.url` of every occurrence. */
  sourceUrl?: string;
  /**
   * Start rules without COUNT near the range and reuse cursors across calls (default true).
   * `false` steps every rule from DTSTART, as a reference for tests.
   */
  fastForward?: boolean;
}

export interface Expansion {
  items: CalendarEvent[];
  dropped: number;
  /** True when a cap cut the result short. */
  truncated: boolean;
  /** UIDs of the series that a budget or the fair share cut short (at most 100). */
  truncatedSeries: string[];
  /** Inner recurrence-engine steps this call took (at most `maxSteps`). */
  steps: number;
}

export const MAX_OCCURRENCES = 10_000;
const MAX_STEPS = 1_000_000;
/** Inner recurrence steps one series may take per call (about 1 µs each). */
export const SERIES_STEPS = 100_000;
/** The same for SECONDLY, MINUTELY, HOURLY: a few of their steps already fill the occurrence cap. */
export const SUB_DAILY_STEPS = 15_000;
/** Compute time one series may take per call, and all of them together. */
export const SERIES_MS = 1_000;
const MAX_MILLIS = 5_000;
/** The last instant the model can write (`9999-12-31`). */
const LAST_EPOCH = Date.UTC(9999, 11, 30);

const startSlots = new WeakMap<Series | Override, Slot>();
/** The slot at DTSTART, computed once per series. */
function startSlot(s: Series | Override, ctx: FeedContext): Slot {
  let slot = startSlots.get(s);
  if (!slot) {
    slot = slotAt(s, s.start.wall, s.start.zone, ctx);
    startSlots.set(s, slot);
  }
  return slot;
}

/**
 * The occurrences of a parsed feed that overlap `[from, to)`, sorted by start: RRULE, RDATE,
 * EXDATE, RECURRENCE-ID overrides (a cancelled override stays, with status `cancelled`). Bounded
 * by `maxOccurrences` and by step and time budgets, so no feed can freeze the page: each series
 * gets a fair share of both, and a series cut short is named in `truncatedSeries`.
 *
 * Rules without COUNT start near the range at a DTSTART moved by whole periods (see
 * `fastForwardStart` in recurrence.ts); rules with COUNT are stepped from DTSTART once per feed
 * text and the cursor is kept. Each rule's cursor is reused by later queries, so paging month by
 * month costs only the new month. Set `fastForward: false` for the plain expansion from DTSTART.
 */
export function expandIcs(parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions = {}): Expansion {
  const clock = new Clock();
  return runSync(expandCore(parsed, from, to, options, clock));
}

const expansionLocks = new WeakMap<ParsedCalendar, Promise<unknown>>();

/**
 * {@link expandIcs} in time slices, yielding to the event loop between them (what the adapter
 * uses). Expansions of one feed run one after another: they share the rules' cursors.
 */
export function expandIcsAsync(
  parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions & { signal?: AbortSignal } = {},
): Promise<Expansion> {
  const previous = expansionLocks.get(parsed) ?? Promise.resolve();
  const run = previous.then(() => {
    options.signal?.throwIfAborted();
    const clock = new Clock();
    return runAsync(expandCore(parsed, from, to, options, clock), clock, options.signal);
  });
  expansionLocks.set(parsed, run.catch(() => undefined));
  return run;
}

interface Placed {
  slot: Slot;
  idKey: string;
}

function* expandCore(parsed: ParsedCalendar, from: number, to: number, options: ExpandOptions, clock: Clock): Generator<void, Expansion> {
  const ctx = feedContexts.get(parsed) ?? { vtimezones: new Map(), timeZone: parsed.timeZone };
  const maxOccurrences = Math.max(1, options.maxOccurrences ?? MAX_OCCURRENCES);
  const maxSteps = Math.max(0, options.maxSteps ?? MAX_STEPS);
  const total = new Budget(maxSteps, options.maxMillis ?? MAX_MILLIS, clock);
  let truncated = false;
  const cutSeries = new Set<string>();
  /** Occurrences by series (a single event is a group of one), for the fair share of the cap. */
  const groups: Array<{ uid: string; placed: Placed[] }> = [];
  const inRange = (slot: Slot) => overlapsRange(slot.startEpoch, slot.endEpoch, from, to);
  const noOverrides: Override[] = [];
  let seriesWithRules = parsed.series.reduce((n, s) => n + (s.rrules.length ? 1 : 0), 0);

  function* occurrencesOf(series: Series): Generator<void, Placed[]> {
    const overrides = parsed.overrides.get(series.uid) ?? noOverrides;
    const first = startSlot(series, ctx);
    if (!series.rrules.length && !series.rdates.length && !overrides.length) {
      // A single event: most of a large feed.
      const excluded = series.exdates.has(series.start.isDate ? first.key : first.startEpoch) || series.exdates.has(dateString(first.wall));
      return inRange(first) && !excluded ? [{ slot: first, idKey: first.key }] : [];
    }
    const placed: Placed[] = [];
    const replaced = new Set(overrides.map((o) => o.recurrenceKey));
    const seen = new Set<string>();
    // Each series yields in order, so its first `maxOccurrences` in range are all the cut can keep.
    let count = 0;
    const emitSlot = (slot: Slot, wall: Wall) => {
      if (seen.has(slot.key) || replaced.has(slot.key) || !inRange(slot)) return;
      if (series.exdates.has(series.start.isDate ? slot.key : slot.startEpoch) || series.exdates.has(dateString(wall))) return;
      seen.add(slot.key);
      placed.push({ slot, idKey: slot.key });
      count++;
    };
    const emit = (wall: Wall) => emitSlot(slotAt(series, wall, series.start.zone, ctx), wall);
    emitSlot(first, series.start.wall);
    for (const r of series.rdates) {
      const slot = slotAt(series, r.wall, r.zone, ctx);
      if (r.ms !== undefined) slot.endEpoch = slot.startEpoch + r.ms;
      emitSlot(slot, r.wall);
    }
    // The longest an occurrence can last (plus the ±14 h between wall time and UTC), to start early enough.
    const reach = (series.duration.days + 2) * DAY_MS + series.duration.ms;
    const more = () => count < maxOccurrences;
    if (series.rrules.length) {
      // A fair share of the steps left, so that neither one series nor many can starve the rest.
      const cap = series.rrules.some((r) => SUB_DAILY.has(r.freq)) ? SUB_DAILY_STEPS : SERIES_STEPS;
      const share = Math.floor(Math.max(0, total.steps) / Math.max(1, seriesWithRules--));
      const budget = new Budget(Math.min(cap, share), SERIES_MS, clock, total);
      for (const state of ruleStatesOf(series, ctx)) {
        const rule = options.fastForward === false ? { ...state, fastForward: false, cursor: undefined, exhausted: false } : state;
        if (!(yield* expandRule(rule, series, from - reach, to + DAY_MS, budget, more, emit))) {
          truncated = true;
          cutSeries.add(series.uid);
        }
      }
    }
    for (const o of overrides) {
      const slot = startSlot(o, ctx);
      if (inRange(slot)) placed.push({ slot, idKey: o.recurrenceKey });
    }
    return placed;
  }

  for (const series of parsed.series) {
    yield;
    try {
      const placed = yield* occurrencesOf(series);
      if (placed.length) groups.push({ uid: series.uid, placed });
    } catch {
      // A value the date or zone code cannot handle costs this series, never the feed.
      truncated = true;
      cutSeries.add(series.uid);
    }
  }
  // Overrides whose series is missing (a feed that holds only changed instances).
  const known = new Set<string>();
  for (const [i, s] of parsed.series.entries()) {
    if ((i & 4095) === 4095) yield;
    known.add(s.uid);
  }
  for (const [uid, overrides] of parsed.overrides) {
    yield;
    if (known.has(uid)) continue;
    const placed = overrides.map((o) => ({ slot: startSlot(o, ctx), idKey: o.recurrenceKey })).filter((p) => inRange(p.slot));
    if (placed.length) groups.push({ uid, placed });
  }
  yield;
  const byStart = (a: Placed, b: Placed) => a.slot.startEpoch - b.slot.startEpoch;
  let count = 0;
  for (const g of groups) count += g.placed.length;
  let slots: Placed[] = [];
  if (count > maxOccurrences) {
    // Each series keeps at most a fair share of the cap: a dense one cannot push the others out.
    truncated = true;
    const quota = fairQuota(groups.map((g) => g.placed.length), maxOccurrences);
    yield;
    for (const [i, g] of groups.entries()) {
      if ((i & 1023) === 1023) yield;
      if (g.placed.length > quota) {
        g.placed.sort(byStart);
        g.placed.length = quota;
        cutSeries.add(g.uid);
      }
      for (const p of g.placed) slots.push(p);
    }
  } else {
    for (const g of groups) for (const p of g.placed) slots.push(p);
  }
  slots.sort(byStart);
  // More series than the cap holds: the earliest win.
  if (slots.length > maxOccurrences) slots = slots.slice(0, maxOccurrences);
  yield;
  const items: CalendarEvent[] = [];
  const ids = new Set<string>();
  for (const { slot, idKey } of slots) {
    if ((items.length & 255) === 255) yield;
    // The model writes four-digit years: a start past 9999 is no occurrence, an end past it none.
    if (slot.startEpoch > LAST_EPOCH) continue;
    let e: CalendarEvent;
    try {
      e = toEvent(slot, idKey, options.sourceUrl);
    } catch {
      truncated = true;
      continue;
    }
    if (slot.endEpoch > LAST_EPOCH) delete e.end;
    // Two VEVENTs with the same UID and start (a duplicated entry) would share an id.
    if (ids.has(e.id)) continue;
    ids.add(e.id);
    items.push(e);
  }
  // A step that found the budget empty was not taken.
  const steps = maxSteps - Math.max(0, total.steps);
  return { items, dropped: parsed.dropped, truncated, truncatedSeries: [...cutSeries].slice(0, 100), steps };
}
