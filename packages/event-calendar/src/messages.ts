import type { Lang } from '@sozial-innovativ/core';
import { LocaleController, type SiElement } from '@sozial-innovativ/core/elements';

/**
 * German: the complete catalog, bundled. English (`messages.en.ts`, complete, checked by the
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
  filters: 'Veranstaltungen filtern',
  topic: 'Thema',
  allTopics: 'Alle Themen',
  town: 'Ort',
  allTowns: 'Alle Orte',
  format: 'Format',
  allFormats: 'Alle Formate',
  'format.onsite': 'Vor Ort',
  'format.online': 'Online',
  'format.hybrid': 'Hybrid (vor Ort und online)',
  period: 'Zeitraum',
  anyTime: 'Alle Termine',
  'preset.week': 'Diese Woche',
  'preset.month': 'Dieser Monat',
  search: 'Suche',
  resetFilters: 'Filter zurücksetzen',
  empty: 'In diesem Zeitraum sind keine Veranstaltungen eingetragen.',
  emptyFiltered: 'Keine Veranstaltungen passen zu den gewählten Filtern.',
  emptyUpcoming: 'Zurzeit sind keine Veranstaltungen geplant.',
  count: (n: number) => (n === 1 ? '1 Veranstaltung' : `${n} Veranstaltungen`),
  noEvents: 'keine Veranstaltungen',
  more: (n: number) => `+${n} weitere`,
  showMore: (shown: number, total: number) => `Weitere anzeigen (${shown} von ${total} angezeigt)`,
  gridHelp: 'Pfeiltasten wechseln den Tag, Bild auf und Bild ab den Monat, mit Umschalttaste das Jahr. Eingabetaste öffnet die Veranstaltungen des Tages.',
  dayDialog: (day: string) => `Veranstaltungen am ${day}`,
  allDay: 'ganztägig',
  'status.cancelled': 'Abgesagt',
  'status.postponed': 'Verschoben',
  when: 'Wann',
  where: 'Wo',
  accessibility: 'Barrierefreiheit',
  registration: 'Anmeldung',
  'reg.open': 'Anmeldung möglich',
  'reg.waitlist': 'Nur noch Warteliste',
  'reg.closed': 'Anmeldung geschlossen',
  'reg.not-required': 'Keine Anmeldung nötig',
  register: 'Zur Anmeldung',
  deadline: (date: string) => `Anmeldeschluss: ${date}`,
  organizer: 'Veranstalter',
  easyLanguage: 'In Leichter Sprache',
  description: 'Beschreibung',
  moreInfo: 'Mehr erfahren',
  joinOnline: 'Online teilnehmen',
  addToCalendar: 'In meinen Kalender (.ics)',
  subscribe: 'Kalender abonnieren',
  close: 'Schließen',
  timeZone: (tz: string) => `Zeitzone: ${tz}`,
};

export type CalendarMessages = typeof de;

/** The calendar's messages for `host`, in the language `language()` returns. */
export const calendarLocale = (host: SiElement, language: () => Lang) =>
  new LocaleController<CalendarMessages>(host, language, de, {
    en: () => import('./messages.en.js'),
    hsb: () => import('./messages.hsb.js'),
  });

export type Translate = LocaleController<CalendarMessages>['t'];
