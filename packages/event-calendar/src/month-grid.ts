import { addDays, addMonths, monthStart, weekStart } from '@sozial-innovativ/core';
import type { DayEvent } from './days.js';

// The month grid's logic (the 42 days, events by day, keyboard model), loaded with the grid.

/**
 * The 42 days (six Monday-first weeks) a month grid shows for the month of `day`. Always six
 * rows, so the grid keeps its height and the keyboard model stays the same from month to month.
 */
export function monthGrid(day: string): string[] {
  const first = weekStart(monthStart(day));
  const days: string[] = new Array(42);
  for (let i = 0; i < 42; i++) days[i] = addDays(first, i);
  return days;
}

/** Longest span spread over day cells; a longer event shows on its first days only. */
const MAX_SPREAD_DAYS = 62;

/**
 * Events by calendar day for the days `[fromDay, toDay)`. A multi-day event appears on every day
 * it covers (up to {@link MAX_SPREAD_DAYS}). Each day's list keeps start order.
 */
export function groupByDay(list: readonly DayEvent[], fromDay: string, toDay: string): Map<string, DayEvent[]> {
  const days = new Map<string, DayEvent[]>();
  for (const item of list) {
    if (item.lastDay < fromDay || item.firstDay >= toDay) continue;
    let day = item.firstDay < fromDay ? fromDay : item.firstDay;
    for (let n = 0; n < MAX_SPREAD_DAYS && day <= item.lastDay && day < toDay; n++) {
      let bucket = days.get(day);
      if (!bucket) days.set(day, (bucket = []));
      bucket.push(item);
      if (day === item.lastDay) break;
      day = addDays(day, 1);
    }
  }
  return days;
}

export interface KeyModifiers {
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The WAI-ARIA APG grid / date-picker keyboard model: the day that `key` moves focus to from
 * `day`, or `undefined` when the key is not part of the model.
 * Arrows: a day or a week; Home/End: first/last day of the week; Ctrl+Home/End: first/last
 * day of the month; PageUp/PageDown: a month; Shift+PageUp/PageDown: a year.
 */
export function moveDay(day: string, key: string, mods: KeyModifiers = {}): string | undefined {
  const ctrl = mods.ctrlKey || mods.metaKey;
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return ctrl ? monthStart(day) : weekStart(day);
    case 'End':
      return ctrl ? addDays(addMonths(monthStart(day), 1), -1) : addDays(weekStart(day), 6);
    case 'PageUp':
      return addMonths(day, mods.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(day, mods.shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}
