// Classes and types only: importing this registers nothing (see define.ts).
export {
  SiEventCalendar, type CalendarView, type EventSelectDetail, type RangeChangeDetail, type FilterChangeDetail,
} from './si-event-calendar.js';
export { type CalendarFilter, type DatePreset, emptyFilter, filterEvents, normalizeFilter, presetRange } from './filter.js';
export { indexEvents, agendaRows, upcomingRows, type DayEvent, type AgendaRow } from './days.js';
export { addMonths } from './month.js';
export { monthGrid, moveDay, groupByDay } from './month-grid.js';
export { readFragment, writeFragment, type UrlState } from './url-state.js';
export type { CalendarMessages } from './messages.js';
