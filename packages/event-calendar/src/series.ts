import { addDays, dateFormat, utcNoon, type Lang } from '@sozial-innovativ/core';
import type { AgendaRow, DayEvent } from './days.js';

/**
 * Series shown once (`group-series`): the occurrences of one recurring event (same `uid`) in the
 * agenda collapse to one row, and the pattern of their dates is put into words. DOM-free.
 */

/** An agenda row; a grouped series' row also holds all its rows in range. */
export interface SeriesRow extends AgendaRow {
  series?: readonly AgendaRow[];
}

/** Whether an occurrence is still to come at `now` (a point event counts until it starts). */
const upcoming = (item: DayEvent, now: number) => item.end > now || item.start >= now;

/**
 * Collapses the rows of each series with two or more occurrences to one row, placed where its
 * next occurrence is (its first, when all have passed); other rows stay as they are.
 */
export function groupSeries(rows: readonly AgendaRow[], now: number): SeriesRow[] {
  const byUid = new Map<string, AgendaRow[]>();
  for (const row of rows) {
    const uid = row.item.event.uid;
    const list = byUid.get(uid);
    if (list) list.push(row);
    else byUid.set(uid, [row]);
  }
  const lead = new Map<AgendaRow, AgendaRow[]>();
  for (const list of byUid.values()) {
    if (list.length > 1) lead.set(list.find((r) => upcoming(r.item, now)) ?? list[0]!, list);
  }
  const out: SeriesRow[] = [];
  for (const row of rows) {
    const series = lead.get(row);
    if (series) out.push({ ...row, series });
    else if (!(byUid.get(row.item.event.uid)!.length > 1)) out.push(row);
  }
  return out;
}

/** The pattern of a series' dates, from the occurrences themselves. */
export type SeriesRule =
  | { kind: 'daily' | 'weekly' | 'monthly'; /** `2026-12-08`: weekday or day of month. */ day: string; /** `17:00`, or empty for all-day. */ time: string }
  | { kind: 'dates' };

const timeOf = (item: DayEvent) =>
  item.event.allDay ? '' : dateFormat('de', { hour: '2-digit', minute: '2-digit', timeZone: item.event.timeZone }).format(item.start);
const weekday = (day: string) => new Date(utcNoon(day)).getUTCDay();
const daysBetween = (a: string, b: string) => Math.round((utcNoon(b) - utcNoon(a)) / 86_400_000);

/**
 * Daily (consecutive days), weekly (same weekday), monthly (same day of the month, in different
 * months): always at the same time. Anything else is a number of dates.
 */
export function seriesRule(items: readonly DayEvent[]): SeriesRule {
  const first = items[0];
  if (!first || items.length < 2) return { kind: 'dates' };
  const time = timeOf(first);
  const days = items.map((i) => i.firstDay);
  if (!items.every((i) => timeOf(i) === time)) return { kind: 'dates' };
  const rule = (kind: 'daily' | 'weekly' | 'monthly'): SeriesRule => ({ kind, day: first.firstDay, time });
  if (days.every((d, i) => !i || addDays(days[i - 1]!, 1) === d)) return rule('daily');
  if (days.every((d, i) => !i || (daysBetween(days[i - 1]!, d) > 0 && weekday(d) === weekday(first.firstDay)))) return rule('weekly');
  if (days.every((d, i) => !i || (d.slice(8) === first.firstDay.slice(8) && d.slice(0, 7) > days[i - 1]!.slice(0, 7)))) return rule('monthly');
  return { kind: 'dates' };
}

/** The three ways a series is told: German, English and easy-to-read German (Leichte Sprache). */
export type SeriesVoice = 'de' | 'en' | 'easy';

const TEXTS = {
  de: {
    daily: (_: string, at: string) => `täglich${at}`,
    weekly: (w: string, at: string) => `jeden ${w}${at}`,
    monthly: (d: string, at: string) => `monatlich am ${d}.${at}`,
    at: (time: string) => `, ${time}`,
    dates: (n: number) => `${n} Termine`,
    next: (date: string) => `nächster Termin ${date}`,
    rest: (n: number) => (n === 1 ? '1 weiterer Termin' : `${n} weitere Termine`),
    join: ' · ',
  },
  en: {
    daily: (_: string, at: string) => `daily${at}`,
    weekly: (w: string, at: string) => `every ${w}${at}`,
    monthly: (d: string, at: string) => `monthly on day ${d}${at}`,
    at: (time: string) => `, ${time}`,
    dates: (n: number) => `${n} dates`,
    next: (date: string) => `next date ${date}`,
    rest: (n: number) => (n === 1 ? '1 more date' : `${n} more dates`),
    join: ' · ',
  },
  // Short sentences, no abbreviations, the time with "Uhr".
  easy: {
    daily: (_: string, at: string) => `Jeden Tag${at}.`,
    weekly: (w: string, at: string) => `Jeden ${w}${at}.`,
    monthly: (d: string, at: string) => `Jeden Monat am ${d}.${at ? ` Tag${at}` : ''}${at ? '.' : ''}`,
    at: (time: string) => ` um ${time} Uhr`,
    dates: (n: number) => `Es gibt ${n} Termine.`,
    next: (date: string) => `Der nächste Termin ist am ${date}.`,
    rest: (n: number) => (n === 1 ? 'Danach gibt es noch 1 Termin.' : `Danach gibt es noch ${n} Termine.`),
    join: ' ',
  },
};

/** The language a series is told in: easy-to-read German wins, Upper Sorbian falls back to German. */
export const seriesVoice = (lang: Lang, easyRead: boolean): SeriesVoice => (easyRead ? 'easy' : lang === 'en' ? 'en' : 'de');

/**
 * "jeden Dienstag, 17:00 · nächster Termin 8. Dez. · 11 weitere Termine": the rule, the next
 * occurrence at `now` (the first when all have passed) and how many follow it.
 */
export function seriesText(voice: SeriesVoice, items: readonly DayEvent[], now: number): string {
  const t = TEXTS[voice];
  const lang = voice === 'en' ? 'en' : 'de';
  const rule = seriesRule(items);
  const nextIndex = Math.max(0, items.findIndex((i) => upcoming(i, now)));
  const next = items[nextIndex]!;
  const date = dateFormat(lang, voice === 'easy' ? { day: 'numeric', month: 'long', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcNoon(next.firstDay));
  let head: string;
  if (rule.kind === 'dates') head = t.dates(items.length);
  else {
    const at = rule.time ? t.at(rule.time) : '';
    const day = rule.kind === 'weekly' ? dateFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(utcNoon(rule.day)) : String(Number(rule.day.slice(8)));
    head = t[rule.kind](day, at);
  }
  const rest = items.length - nextIndex - 1;
  return [head, t.next(date), ...(rest > 0 ? [t.rest(rest)] : [])].join(t.join);
}
