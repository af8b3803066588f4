// The element class, its types and its events' details. Importing this registers nothing (see
// define.ts); the DOM-free logic behind the element is `@sozial-innovativ/event-calendar/logic`.
export { SiEventCalendar, type CalendarView } from './si-event-calendar.js';
export type { EventSelectDetail } from './events/si-event-select.js';
export type { RangeChangeDetail } from './events/si-range-change.js';
export type { FilterChangeDetail } from './events/si-filter-change.js';
export type { CalendarFilter, DatePreset } from './filter.js';
export type { CalendarMessages } from './messages.js';
export type { FilteredFeedSource } from './follow.js';
export type { SeriesSource } from './details.js';
