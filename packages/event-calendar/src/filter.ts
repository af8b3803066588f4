import { EVENT_FORMATS, addDays, addMonths, foldText, monthStart, weekStart, type EventFormat } from '@sozial-innovativ/core';
import type { DayEvent } from './days.js';

export const DATE_PRESETS = ['week', 'month'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** What a visitor (or an editor, through attributes) narrows the calendar to. */
export interface CalendarFilter {
  /** Any of these topics (empty: all). */
  topics: string[];
  /** Any of these towns (empty: all). */
  towns: string[];
  /** `onsite` and `online` include hybrid events; `hybrid` only hybrid ones. */
  format: EventFormat | '';
  /** Free text: every word must occur in title, description, place, topics or organizer. */
  q: string;
  /** This week or this month (relative to today). */
  preset: DatePreset | '';
}

export const emptyFilter = (): CalendarFilter => ({ topics: [], towns: [], format: '', q: '', preset: '' });

/** `"Wohnen, Pflege,"` → `['Wohnen', 'Pflege']`. */
export const parseList = (raw: string | null | undefined): string[] =>
  (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 50);

/** Brings untrusted input (attributes, URL fragment, a host page's object) into shape. */
export function normalizeFilter(input: Partial<Record<keyof CalendarFilter, unknown>> | undefined): CalendarFilter {
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()).slice(0, 50) : parseList(typeof x === 'string' ? x : ''));
  const format = typeof input?.format === 'string' && (EVENT_FORMATS as readonly string[]).includes(input.format) ? (input.format as EventFormat) : '';
  const preset = typeof input?.preset === 'string' && (DATE_PRESETS as readonly string[]).includes(input.preset) ? (input.preset as DatePreset) : '';
  return { topics: list(input?.topics), towns: list(input?.towns), format, q: typeof input?.q === 'string' ? input.q.slice(0, 200) : '', preset };
}

export const isFilterActive = (f: CalendarFilter): boolean =>
  f.topics.length > 0 || f.towns.length > 0 || f.format !== '' || f.q.trim() !== '' || f.preset !== '';

/** Whether two filters from `normalizeFilter` or `emptyFilter` are the same (they list their keys in one order). */
export const sameFilter = (a: CalendarFilter, b: CalendarFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The days `[from, to)` of a preset around `today`: Monday to Sunday, or the calendar month. */
export function presetRange(preset: DatePreset | '', today: string): [string, string] | undefined {
  if (preset === 'week') {
    const from = weekStart(today);
    return [from, addDays(from, 7)];
  }
  if (preset === 'month') return [monthStart(today), addMonths(monthStart(today), 1)];
  return undefined;
}

/** Lower case without diacritics, `ß` as `ss`: "Weisswasser" finds "Weißwasser". */

function searchText(item: DayEvent): string {
  if (item.text === undefined) {
    const e = item.event;
    const l = e.location;
    item.text = foldText([e.title, e.description, e.easyLanguage, l?.name, l?.town, l?.district, l?.address, e.organizer?.name, ...e.topics].filter(Boolean).join(' \n '));
  }
  return item.text;
}

/** Events that pass every part of the filter, in their original order. */
export function filterEvents(list: readonly DayEvent[], f: CalendarFilter, today: string): DayEvent[] {
  if (!isFilterActive(f)) return list as DayEvent[];
  const topics = f.topics.length ? new Set(f.topics.map(foldText)) : undefined;
  const towns = f.towns.length ? new Set(f.towns.map(foldText)) : undefined;
  const words = foldText(f.q).split(/\s+/).filter(Boolean);
  const range = presetRange(f.preset, today);
  return list.filter((item) => {
    const e = item.event;
    if (range && (item.lastDay < range[0] || item.firstDay >= range[1])) return false;
    if (f.format) {
      const format = e.format ?? (e.onlineUrl && !e.location ? 'online' : e.location ? 'onsite' : undefined);
      if (format !== f.format && !(format === 'hybrid' && f.format !== 'hybrid')) return false;
    }
    if (topics && !e.topics.some((t) => topics.has(foldText(t)))) return false;
    if (towns && !(e.location?.town && towns.has(foldText(e.location.town)))) return false;
    if (words.length) {
      const text = searchText(item);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}
