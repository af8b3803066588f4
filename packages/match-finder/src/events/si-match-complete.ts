/** The detail of `si-match-complete`: the ranked result, never the answers behind it. */
export interface MatchCompleteDetail {
  /** The ranked offer ids, best first. */
  offerIds: string[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * `<si-match-finder>` shows its results (also again after a suggestion changed them). It
     * reports only: not cancelable, the results are shown whatever the page does.
     */
    'si-match-complete': CustomEvent<MatchCompleteDetail>;
  }
}
