import type { SiFilterChangeDetail } from '@sozial-innovativ/core/elements';
import type { CalendarFilter } from '../filter.js';

/**
 * The detail of `si-filter-change` when a calendar fires it: the whole filter after the
 * visitor's change (a copy). The event itself is declared once in core for every widget.
 */
export type FilterChangeDetail = SiFilterChangeDetail<CalendarFilter>;

// The calendar's share of `si-filter-change`'s detail (see core's events/si-filter-change.ts).
declare module '@sozial-innovativ/core/elements' {
  interface SiFilters {
    'si-event-calendar': CalendarFilter;
  }
}
