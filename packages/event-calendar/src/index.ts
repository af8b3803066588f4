// Classes and types only: importing this registers nothing (see define.ts).
export {
  SiEventCalendar, type CalendarView, type EventSelectDetail, type RangeChangeDetail, type FilterChangeDetail,
} from './si-event-calendar.js';
export { type CalendarFilter, type DatePreset, emptyFilter, filterEvents, normalizeFilter, presetRange } from './filter.js';
export { indexEvents, groupByDay, agendaRows, upcomingRows, type DayEvent, type AgendaRow } from './days.js';
export { monthGrid, addMonths } from './month.js';
export { moveDay } from './month-keys.js';
export { readFragment, writeFragment, type UrlState } from './url-state.js';
export type { CalendarMessages } from './messages.js';
