import { plural } from '@sozial-innovativ/core';
import type { CalendarMessages } from './messages.js';

/** Upper Sorbian: a preview, the rest falls back to German (renderNotices says so). */
const hsb: Partial<CalendarMessages> = {
  calendar: 'Protyka zarjadowanjow',
  upcoming: 'Přichodne zarjadowanja',
  view: 'Napohlad',
  'view.list': 'Lisćina',
  'view.month': 'Měsac',
  prevMonth: 'Předchadny měsac',
  nextMonth: 'Přichodny měsac',
  today: 'Dźensa',
  topic: 'Tema',
  town: 'Městno',
  search: 'Pytać',
  filterToggle: 'Filtry',
  // "aktiwne: 2" needs no plural form.
  activeFilters: (n: number) => `aktiwne: ${n}`,
  count: (n: number) => plural('hsb', n, { one: '{n} zarjadowanje', two: '{n} zarjadowani', few: '{n} zarjadowanja', other: '{n} zarjadowanjow' }),
  allDay: 'cyły dźeń',
  close: 'Začinić',
  print: 'Ćišćeć',
  'status.cancelled': 'Wotprajene',
  'format.onsite': 'Na městnje',
  'format.online': 'Online',
};

export default hsb;
