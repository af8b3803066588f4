/**
 * `si-filter-change`: a visitor changed a filter of a widget. Several widgets fire it and
 * `GlobalEventHandlersEventMap` allows one type per name, so each widget package adds its filter
 * type to {@link SiFilters} (declaration merging) and the detail is the union of those:
 *
 * ```ts
 * declare module '@sozial-innovativ/core/elements' {
 *   interface SiFilters { 'si-event-calendar': CalendarFilter }
 * }
 * ```
 * Narrow by `event.target` (its tag name) when handling it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SiFilters {}

/** The detail of `si-filter-change` from the widget whose filter type is `F`. */
export interface SiFilterChangeDetail<F = SiFilters[keyof SiFilters]> {
  filter: F;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A visitor changed a filter of a calendar or initiative cards. Not cancelable. */
    'si-filter-change': CustomEvent<SiFilterChangeDetail>;
  }
}
