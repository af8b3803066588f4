/** `si-details-close` carries no detail: the card that fired it is `event.target`. */
export type DetailsCloseDetail = undefined;

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * A card's details dialog was closed (Escape, the close button or `closeDetails()`); focus is
     * already back on the card. Bubbles and is composed. Not cancelable.
     */
    'si-details-close': CustomEvent<DetailsCloseDetail>;
  }
}
