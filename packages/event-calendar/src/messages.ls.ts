import type { CalendarMessages } from './messages.js';

/**
 * Leichte Sprache: the calendar's texts for German pages with `easy-read`, loaded only then.
 * Short sentences, one statement each, no abbreviations, numbers as digits (checked by
 * `messages.ls.node.test.ts`). Partial: every missing key falls back to standard German.
 */
const ls: Partial<CalendarMessages> = {
  calendar: 'Kalender mit Veranstaltungen',
  upcoming: 'Die nächsten Veranstaltungen',
  view: 'So sehen Sie die Veranstaltungen',
  'view.list': 'Als Liste',
  'view.month': 'Als Monat',
  prevMonth: 'Monat davor',
  nextMonth: 'Monat danach',
  prevRange: 'Zeit davor',
  nextRange: 'Zeit danach',
  'format.onsite': 'Sie gehen hin',
  'format.online': 'Im Internet',
  'format.hybrid': 'Sie gehen hin oder machen im Internet mit',
  period: 'Zeit',
  resetFilters: 'Auswahl löschen',
  empty: 'In dieser Zeit gibt es keine Veranstaltungen.',
  emptyFiltered: 'Keine Veranstaltung passt zu Ihrer Auswahl.',
  emptyUpcoming: 'Im Moment gibt es keine Veranstaltungen.',
  showMore: (shown: number, total: number) => `Mehr zeigen. Sie sehen ${shown} von ${total}.`,
  allDay: 'den ganzen Tag',
  'status.cancelled': 'Fällt aus',
  'status.postponed': 'Findet später statt',
  subscribe: 'Kalender auf Ihr Gerät holen',
  // Month grid (month-view.ts).
  noEvents: 'keine Veranstaltung',
  more: (n: number) => `noch ${n}`,
  gridHelp:
    'Mit den Pfeil-Tasten wechseln Sie den Tag. Mit Bild auf und Bild ab wechseln Sie den Monat. Mit der Umschalt-Taste wechseln Sie das Jahr. Mit der Eingabe-Taste sehen Sie die Veranstaltungen an diesem Tag.',
  noEventsOn: (day: string) => `Am ${day} gibt es keine Veranstaltungen.`,
  // Filters (filter-form.ts).
  filters: 'Veranstaltungen auswählen',
  format: 'Art',
  allFormats: 'Alle Arten',
  anyTime: 'Jeder Tag',
  search: 'Suchen',
  filterToggle: 'Auswahl',
  activeFilters: (n: number) => `${n} gewählt`,
  // Event details (details.ts).
  accessibility: 'Barriere-frei',
  registration: 'Anmelden',
  'reg.open': 'Sie können sich anmelden.',
  'reg.waitlist': 'Alle Plätze sind voll. Sie können auf die Warte-Liste.',
  'reg.closed': 'Sie können sich nicht mehr anmelden.',
  'reg.not-required': 'Sie müssen sich nicht anmelden.',
  register: 'Hier anmelden',
  deadline: (date: string) => `Sie können sich bis ${date} anmelden.`,
  organizer: 'Wer lädt ein',
  description: 'Was passiert',
  moreInfo: 'Mehr lesen',
  joinOnline: 'Im Internet mitmachen',
  icsHelp: 'Mit dieser Datei kommt der Termin in Ihren Kalender. Das geht am Handy und am Computer.',
};
export default ls;
