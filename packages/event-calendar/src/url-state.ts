import { isoDay } from '@sozial-innovativ/core';
import { normalizeFilter, type CalendarFilter } from './filter.js';

/** The part of a calendar's state that a deep link carries. */
export interface UrlState {
  view?: 'list' | 'month';
  /** `YYYY-MM-DD`: the first day of the list or a day of the month shown. */
  date?: string;
  filter?: CalendarFilter;
}

const KEYS = ['view', 'date', 'topics', 'towns', 'format', 'q', 'preset'] as const;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return '';
  }
};

/**
 * Reads this calendar's state from a URL fragment such as
 * `#kalender-view=month&kalender-topics=Wohnen%2CPflege`. Keys carry a prefix so several
 * calendars and the host page's own anchors share one fragment. Invalid values are ignored.
 */
export function readFragment(hash: string, prefix: string): UrlState | undefined {
  const raw: Record<string, string> = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = decode(part.slice(0, eq));
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if ((KEYS as readonly string[]).includes(name)) raw[name] = decode(part.slice(eq + 1));
  }
  if (!Object.keys(raw).length) return undefined;
  const state: UrlState = {};
  if (raw.view === 'list' || raw.view === 'month') state.view = raw.view;
  const date = isoDay(raw.date);
  if (date) state.date = date;
  state.filter = normalizeFilter(raw);
  return state;
}

/**
 * Writes `state` into `hash` under `prefix`, leaving everything else in the fragment (the host
 * page's anchors, other calendars) as it was. Empty values are left out. Returns the new
 * fragment with its `#`, or `''` when nothing is left.
 */
export function writeFragment(hash: string, prefix: string, state: UrlState): string {
  const kept = hash.replace(/^#/, '').split('&').filter((part) => {
    if (!part) return false;
    const eq = part.indexOf('=');
    return eq < 0 || !decode(part.slice(0, eq)).startsWith(prefix);
  });
  const f = state.filter;
  const values: Record<(typeof KEYS)[number], string | undefined> = {
    view: state.view,
    date: state.date,
    topics: f?.topics.join(','),
    towns: f?.towns.join(','),
    format: f?.format,
    q: f?.q,
    preset: f?.preset,
  };
  const ours = KEYS.filter((k) => values[k]).map((k) => `${encodeURIComponent(prefix + k)}=${encodeURIComponent(values[k]!)}`);
  const all = [...kept, ...ours];
  return all.length ? `#${all.join('&')}` : '';
}
