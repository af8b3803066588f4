/**
 * Events that more than one widget fires. `GlobalEventHandlersEventMap` allows one type per
 * name, so shared names are declared here once; each widget exports its precise detail type.
 */
export interface SiFilterChangeDetail<F = Readonly<Record<string, unknown>>> {
  filter: F;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A visitor changed a filter of a calendar or showcase. */
    'si-filter-change': CustomEvent<SiFilterChangeDetail>;
  }
}
