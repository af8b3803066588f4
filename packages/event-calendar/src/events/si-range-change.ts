import type { CalendarView } from '../si-event-calendar.js';

/** The detail of `si-range-change`: the days on screen, which are the days asked of the source. */
export interface RangeChangeDetail {
  /** First day shown, `YYYY-MM-DD`. */
  from: string;
  /** Day after the last day shown (exclusive), `YYYY-MM-DD`. */
  to: string;
  /** The view on screen (`list` in narrow containers, whatever `view` says). */
  view: CalendarView;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * The period a calendar shows changed (navigation, view, preset or first render) and is being
     * loaded. Not fired in upcoming mode (`limit`), whose period is "from now". Not cancelable.
     */
    'si-range-change': CustomEvent<RangeChangeDetail>;
  }
}
