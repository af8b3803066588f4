// `@sozial-innovativ/event-calendar/logic`: the calendar's DOM-free logic (day index, agenda,
// month grid and its keyboard model, filters, URL fragment), for tests, servers and other views.
// It runs in Node; the element (`.`) is a thin shell over it.
export { type CalendarFilter, type DatePreset, emptyFilter, filterEvents, normalizeFilter, presetRange } from './filter.js';
export { indexEvents, agendaRows, upcomingRows, type DayEvent, type AgendaRow } from './days.js';
export { addMonths } from '@sozial-innovativ/core';
export { monthGrid, moveDay, groupByDay } from './month-grid.js';
export { readFragment, writeFragment, type UrlState } from './url-state.js';
