import type { Initiative } from '@sozial-innovativ/core';

/** The detail of `si-initiative-select`. */
export interface InitiativeSelectDetail {
  /** The initiative whose card was activated. */
  initiative: Initiative;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * A visitor activated a card: its link (to the website) or its button (opens the details),
     * from `<si-initiative-card>` alone or inside `<si-initiative-cards>`. Bubbles and is composed.
     * Cancelable: `preventDefault()` stops the link or the dialog, so the page can show its own.
     */
    'si-initiative-select': CustomEvent<InitiativeSelectDetail>;
  }
}
