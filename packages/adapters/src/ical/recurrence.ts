// One RRULE stepped through ical.js: UNTIL and leap days made explicit, BYWEEKNO applied here,
// DTSTART fast-forwarded near the range, and a resumable cursor per rule whose every inner step is
// charged to a budget (guard.ts). How a feed's occurrences are put together is expand.ts.
import ICAL from 'ical.js';
import { daysInMonth } from '@sozial-innovativ/core';
import { Budget, BudgetExhausted, GuardedRecurIterator, ruleProblem } from './guard.js';
import { DAY_MS, addDaysWall, readWall, wallFromUtc, wallUtc, type Wall } from './wall.js';
import { wallIn } from './zones.js';
import { allDayDate, type FeedContext, type Series } from './event.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/**
 * ical.js iterates in wall time without zones, so a UTC `UNTIL` is converted to the series'
 * wall time first; otherwise the last occurrence of a series in Berlin would be lost. A DATE
 * `UNTIL` on a date-time series includes that whole day; a date-time `UNTIL` on an all-day series
 * is the date it has in the organiser's zone (see {@link allDayDate}).
 */
function prepareRule(rule: IcalRecur, series: Series, ctx: FeedContext): IcalRecur {
  const clone = rule.clone();
  const parts = clone.parts as Record<string, unknown[] | undefined>;
  // ical.js rolls 29 Feb over to 1 Mar in other years; RFC 5545 §3.3.10 says such instances do
  // not exist. Spelling out the implied BYMONTH/BYMONTHDAY makes ical.js skip them.
  if (clone.freq === 'YEARLY' && !['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'].some((k) => parts[k]?.length)) {
    parts.BYMONTH = [series.start.wall.month];
    parts.BYMONTHDAY = [series.start.wall.day];
  }
  const until = rule.until;
  if (!until) return clone;
  const utc = until.zone === ICAL.Timezone.utcTimezone || until.zone?.tzid === 'UTC';
  let wall: Wall | undefined = readWall(until);
  if (!wall) return clone;
  // Outlook writes the last day of an all-day series as the organiser's midnight in UTC.
  if (series.start.isDate) wall = allDayDate({ wall, isDate: until.isDate, zone: utc ? { kind: 'utc' } : { kind: 'floating' } }, ctx);
  else if (utc && !until.isDate) wall = wallIn(wallUtc(wall), series.start.zone, ctx.timeZone);
  clone.until = series.start.isDate
    ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, isDate: true })
    : until.isDate
      ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: 23, minute: 59, second: 59, isDate: false })
      : ICAL.Time.fromData({ ...wall, isDate: false });
  return clone;
}

type Freq = IcalRecur['freq'];

/** Length of one step of each frequency, in days or (below a day) seconds. */
const FREQ_SECONDS: Partial<Record<Freq, number>> = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3600 };

/**
 * A resumable expansion of one RRULE: the ical.js iterator and the wall times (read as UTC
 * milliseconds) it has yielded so far. Cursors live as long as the parsed feed, so the next query
 * continues where the last one stopped instead of stepping the series again.
 */
interface Cursor {
  iterator: GuardedRecurIterator;
  /** Yielded wall times, ascending. */
  walls: number[];
  /** Wall time from which `walls` is complete (a fast-forwarded cursor skipped what lies before). */
  completeFrom: number;
  done: boolean;
  /** A budget ran out inside the iterator: it is unusable, `walls` holds what it found before. */
  cut?: boolean;
}

interface WeekNumbers {
  list: number[];
  /** Week start, 0 = Monday. */
  wkst: number;
  /** COUNT of the original rule, counted after the week filter (DTSTART counts as the first). */
  count?: number;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Takes BYWEEKNO (and with it COUNT) out of a YEARLY rule, so ical.js yields every BYDAY day of
 * the year and {@link inWeeks} keeps those of the listed weeks (RFC 5545 §3.3.10: weeks start on
 * WKST, week 1 is the first with at least four days of the year). Without BYDAY the weekday is
 * DTSTART's.
 */
function takeWeekNumbers(rule: IcalRecur, series: Series): WeekNumbers | undefined {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const list = (parts.BYWEEKNO as number[] | undefined)?.filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= 53);
  if (rule.freq !== 'YEARLY' || !list?.length || parts.BYSETPOS?.length) return undefined;
  delete parts.BYWEEKNO;
  if (!parts.BYDAY?.length) {
    const { year, month, day } = series.start.wall;
    parts.BYDAY = [WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]];
  }
  const wkst = Math.max(0, ((rule.wkst || 2) + 5) % 7);
  const count = rule.count || undefined;
  if (count) rule.count = null as unknown as number;
  return { list, wkst, count };
}

/** Monday-based weekday of a UTC day number. */
const weekdayOf = (dayNumber: number) => (((dayNumber + 3) % 7) + 7) % 7;

/** Day number (days since 1970-01-01) on which week 1 of `year` starts. */
function firstWeekStart(year: number, wkst: number): number {
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const shift = (weekdayOf(jan1) - wkst + 7) % 7;
  return shift <= 3 ? jan1 - shift : jan1 + 7 - shift;
}

function inWeeks(wall: Wall, weeks: WeekNumbers): boolean {
  const dayNumber = Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
  const weekStart = dayNumber - ((weekdayOf(dayNumber) - weeks.wkst + 7) % 7);
  const weekYear = new Date((weekStart + 3) * DAY_MS).getUTCFullYear();
  const first = firstWeekStart(weekYear, weeks.wkst);
  const week = (weekStart - first) / 7 + 1;
  const total = (firstWeekStart(weekYear + 1, weeks.wkst) - first) / 7;
  return weeks.list.some((n) => (n > 0 ? n === week : total + n + 1 === week));
}

interface RuleState {
  /** The rule with UNTIL in wall time and implied parts spelled out; undefined when ical.js refuses it. */
  rule: IcalRecur | undefined;
  /** BYMONTH, to drop the impossible dates that ical.js rolls over (31 Feb → 3 Mar). */
  months: number[] | undefined;
  /** BYWEEKNO, applied here: ical.js ignores it unless BYMONTH is given too. */
  weeks?: WeekNumbers;
  /** Whether a cursor may start at a shifted DTSTART (no COUNT, a frequency with whole periods). */
  fastForward: boolean;
  cursor?: Cursor;
  /**
   * A cursor from DTSTART ran out of budget: restarting it would only repeat that, so the rule
   * keeps what it found and later ranges beyond it are reported as cut.
   */
  exhausted?: boolean;
}

const ruleStates = new WeakMap<Series, RuleState[]>();
/** A cursor that has cached this many occurrences starts over near the next range instead. */
const CURSOR_LIMIT = 20_000;
/** A jump ahead of more than this many rule periods restarts a cursor instead of stepping there. */
const REJUMP_PERIODS = 400;

export function ruleStatesOf(series: Series, ctx: FeedContext): RuleState[] {
  let states = ruleStates.get(series);
  if (!states) {
    states = series.rrules.map((raw) => {
      let rule: IcalRecur | undefined;
      try {
        // A rule that matches no date is not stepped at all: the series is its DTSTART.
        rule = ruleProblem(raw) ? undefined : prepareRule(raw, series, ctx);
      } catch {
        rule = undefined;
      }
      const months = (raw.parts as Record<string, number[] | undefined>).BYMONTH;
      const weeks = rule ? takeWeekNumbers(rule, series) : undefined;
      const fastForward = !!rule && !rule.count && !weeks?.count && periodOf(rule) !== undefined;
      return { rule, months, weeks, fastForward };
    });
    ruleStates.set(series, states);
  }
  return states;
}

/** One period of the rule (FREQ × INTERVAL) as an upper bound in ms, for margins and jump decisions. */
function periodOf(rule: IcalRecur): number | undefined {
  const interval = Math.max(1, rule.interval || 1);
  switch (rule.freq) {
    case 'YEARLY': return interval * 366 * DAY_MS;
    case 'MONTHLY': return interval * 31 * DAY_MS;
    case 'WEEKLY': return interval * 7 * DAY_MS;
    case 'DAILY': return interval * DAY_MS;
    default: {
      // Below a day only steps that tile a day keep their grid when DTSTART moves by whole days.
      const unit = FREQ_SECONDS[rule.freq];
      return unit && 86_400 % (unit * interval) === 0 ? unit * interval * 1000 : undefined;
    }
  }
}

/**
 * A DTSTART moved forward by whole periods (FREQ × INTERVAL) to lie before `before`, so that the
 * rule yields exactly the occurrences of the original series from there on. The shift happens in
 * the series' wall time (ical.js iterates wall time; the zone is applied per occurrence), so
 * daylight-saving changes stay correct. Everything ical.js derives from DTSTART is kept: the time
 * of day, the weekday (WEEKLY moves by whole INTERVAL-week blocks, so the weeks counted from
 * DTSTART with WKST stay the same weeks), the day of the month (MONTHLY/YEARLY skip target
 * months without that day, e.g. 31 or 29 Feb) and the month (YEARLY).
 */
export function fastForwardStart(start: Wall, rule: Pick<IcalRecur, 'freq' | 'interval'>, before: number): Wall | undefined {
  const interval = Math.max(1, rule.interval || 1);
  const gap = before - wallUtc(start);
  if (gap <= 0) return undefined;
  const shiftDays = (days: number) => (days > 0 ? addDaysWall(start, days) : undefined);
  switch (rule.freq) {
    case 'DAILY':
      return shiftDays(Math.floor(gap / (interval * DAY_MS)) * interval);
    case 'WEEKLY':
      return shiftDays(Math.floor(gap / (interval * 7 * DAY_MS)) * interval * 7);
    case 'MONTHLY':
    case 'YEARLY': {
      const months = rule.freq === 'YEARLY' ? 12 * interval : interval;
      const target = new Date(before);
      const monthsApart = (target.getUTCFullYear() - start.year) * 12 + target.getUTCMonth() + 1 - start.month;
      // Whole periods that end on or before `before`: one fewer when the day in the target month is later.
      for (let k = Math.floor(monthsApart / months); k > 0; k--) {
        const index = start.year * 12 + start.month - 1 + k * months;
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        if (start.day > daysInMonth(year, month)) continue;
        const shifted = { ...start, year, month };
        if (wallUtc(shifted) <= before) return shifted;
      }
      return undefined;
    }
    default: {
      // SECONDLY/MINUTELY/HOURLY whose step tiles a day: move by whole days.
      return periodOf(rule as IcalRecur) ? shiftDays(Math.floor(gap / DAY_MS)) : undefined;
    }
  }
}

function newCursor(state: RuleState, series: Series, windowStart: number, guard: Budget): Cursor | undefined {
  const rule = state.rule!;
  let start = series.start.wall;
  let completeFrom = -Infinity;
  if (state.fastForward) {
    // Two periods of margin: ical.js may treat the first period after a DTSTART specially
    // (partial first week, first month without the weekday), and none of it may reach the range.
    const period = periodOf(rule)!;
    const shifted = fastForwardStart(start, rule, windowStart - 2 * period - DAY_MS);
    if (shifted) {
      start = shifted;
      completeFrom = wallUtc(shifted) + period + DAY_MS;
    }
  }
  try {
    // The constructor already loops (ical.js looks for the first year or month that matches).
    const dtstart = ICAL.Time.fromData({ ...start, isDate: series.start.isDate });
    guard.beginStep();
    return { iterator: new GuardedRecurIterator({ rule, dtstart, guard }), walls: [], completeFrom, done: false };
  } catch (e) {
    if (e instanceof BudgetExhausted) return { iterator: undefined!, walls: [], completeFrom, done: true, cut: true };
    return undefined;
  }
}

/** First index in ascending `list` whose value is at least `x`. */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `emit` for each occurrence of one rule whose wall time lies in `[windowStart, windowEnd]`,
 * in order, reusing and extending the rule's cursor. Returns false when the budget or `more()`
 * stopped it early. A generator: it yields every few hundred steps so the caller can pause.
 */
export function* expandRule(
  state: RuleState, series: Series, windowStart: number, windowEnd: number, budget: Budget,
  more: () => boolean, emit: (wall: Wall) => void,
): Generator<void, boolean> {
  if (!state.rule) return true;
  /** Emits the cached occurrences in the window: how it stopped. */
  const replay = (walls: number[]): 'window-end' | 'cap' | 'all' => {
    for (let i = lowerBound(walls, windowStart); i < walls.length; i++) {
      const w = walls[i]!;
      if (w > windowEnd) return 'window-end';
      if (!more()) return 'cap';
      emit(wallFromUtc(w));
    }
    return 'all';
  };
  let cursor = state.cursor;
  if (cursor?.cut && state.exhausted) {
    // Replay what the rule found before its budget ran out; anything later is unknown.
    return replay(cursor.walls) === 'window-end';
  }
  if (cursor?.cut) {
    cursor = undefined;
  } else if (cursor && state.fastForward) {
    const last = cursor.walls.at(-1) ?? -Infinity;
    const period = periodOf(state.rule)!;
    if (cursor.completeFrom > windowStart || cursor.walls.length > CURSOR_LIMIT || (!cursor.done && windowStart - last > REJUMP_PERIODS * period)) {
      cursor = undefined;
    }
  } else if (cursor && cursor.walls.length > CURSOR_LIMIT * 5) {
    // A long COUNT series: keep its cache bounded, step it again next time.
    cursor = undefined;
  }
  const cut = (reason: 'steps' | 'time') => {
    cursor!.done = true;
    cursor!.cut = true;
    // Restarting from DTSTART with the same budget would end at the same place.
    if (!state.fastForward && reason === 'steps') state.exhausted = true;
    return false;
  };
  if (!cursor) {
    cursor = newCursor(state, series, windowStart, budget);
    if (!cursor) return true;
    state.cursor = cursor;
    if (cursor.cut) return cut(budget.overTime() ? 'time' : 'steps');
  }
  const { walls } = cursor;
  const replayed = replay(walls);
  if (replayed !== 'all') return replayed === 'window-end';
  cursor.iterator.guard = budget;
  let steps = 0;
  while (!cursor.done) {
    if (!more()) return false;
    // Between two occurrences the cursor is whole: stop here and it continues next time.
    if (budget.exhausted()) return false;
    if ((++steps & 127) === 0) yield;
    let next: IcalTime | null;
    try {
      budget.beginStep();
      next = cursor.iterator.next();
    } catch (e) {
      if (e instanceof BudgetExhausted) return cut(e.reason);
      next = null;
    }
    const wall = next ? readWall(next) : undefined;
    if (!wall) {
      cursor.done = true;
      break;
    }
    // ical.js normalises impossible dates (31 Feb → 3 Mar) instead of skipping them.
    if (state.months?.length && !state.months.includes(wall.month)) continue;
    const w = wallUtc(wall);
    if (state.weeks) {
      if (w !== wallUtc(series.start.wall) && !inWeeks(wall, state.weeks)) continue;
      if (state.weeks.count && walls.length >= state.weeks.count) {
        cursor.done = true;
        break;
      }
    }
    walls.push(w);
    if (w > windowEnd) break;
    if (w >= windowStart) emit(wall);
  }
  return true;
}
