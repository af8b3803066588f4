import type { Lang } from '@sozial-innovativ/core';
import { LocaleController, type SiElement } from '@sozial-innovativ/core/elements';

/**
 * German, bundled: the texts of the toolbar, the agenda and the states. The month grid, the filter
 * form and the event details carry their own German texts (`messages` in `month-view.ts`,
 * `filter-form.ts`, `details.ts`) and add them with `addMessages()` when they load, so the first
 * script does not carry them. English (`messages.en.ts`, complete, checked by the
 * type) and Upper Sorbian (`messages.hsb.ts`, partial, falls back to German) are loaded by core's
 * `LocaleController` on first use, so a German page never downloads them.
 */
export const de = {
  calendar: 'Veranstaltungskalender',
  upcoming: 'Nächste Veranstaltungen',
  view: 'Ansicht',
  'view.list': 'Liste',
  'view.month': 'Monat',
  prevMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  prevRange: 'Früherer Zeitraum',
  nextRange: 'Späterer Zeitraum',
  today: 'Heute',
  'format.onsite': 'Vor Ort',
  'format.online': 'Online',
  'format.hybrid': 'Hybrid (vor Ort und online)',
  period: 'Zeitraum',
  resetFilters: 'Filter zurücksetzen',
  empty: 'In diesem Zeitraum sind keine Veranstaltungen eingetragen.',
  emptyFiltered: 'Keine Veranstaltungen passen zu den gewählten Filtern.',
  emptyUpcoming: 'Zurzeit sind keine Veranstaltungen geplant.',
  count: (n: number) => (n === 1 ? '1 Veranstaltung' : `${n} Veranstaltungen`),
  showMore: (shown: number, total: number) => `Weitere anzeigen (${shown} von ${total} angezeigt)`,
  allDay: 'ganztägig',
  'status.cancelled': 'Abgesagt',
  'status.postponed': 'Verschoben',
  subscribe: 'Kalender abonnieren',
  print: 'Drucken',
  source: 'Kalender',
};

/** Every text of the calendar: the bundled German and the lazily loaded views' German. */
export type CalendarMessages = typeof de &
  typeof import('./month-view.js').messages &
  typeof import('./filter-form.js').messages &
  typeof import('./details.js').messages &
  typeof import('./series-view.js').messages &
  typeof import('./follow.js').messages;

/**
 * Adds a lazily loaded view's German texts to the catalog, before the view renders (the same
 * object the locale controller reads; English and Upper Sorbian come complete or fall back to it).
 */
export const addMessages = (messages: Partial<CalendarMessages>): void => void Object.assign(de, messages);

/** The calendar's messages for `host`, in the language `language()` returns. */
export const calendarLocale = (host: SiElement, language: () => Lang) =>
  new LocaleController<CalendarMessages>(host, language, de as CalendarMessages, {
    en: () => import('./messages.en.js'),
    hsb: () => import('./messages.hsb.js'),
    ls: () => import('./messages.ls.js'),
  });

export type Translate = LocaleController<CalendarMessages>['t'];
