import type { CalendarEvent } from '@sozial-innovativ/core';

/** The detail of `si-event-select`. */
export interface EventSelectDetail {
  /** The event the visitor opened. */
  event: CalendarEvent;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * A visitor opens an event (an agenda row, a chip in the month grid or a day's list).
     * Cancelable: `preventDefault()` keeps the calendar's details dialog closed, so the host
     * page can show its own page or dialog for `detail.event` instead.
     */
    'si-event-select': CustomEvent<EventSelectDetail>;
  }
}
