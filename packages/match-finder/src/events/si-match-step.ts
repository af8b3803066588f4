/** The detail of `si-match-step`: which step is shown, never an answer. */
export interface MatchStepDetail {
  /** 1-based step number. */
  step: number;
  /** The number of steps (questions). */
  total: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * `<si-match-finder>` shows a step of its questionnaire (on the way forward, back, or to change
     * an answer). It reports progress only: not cancelable, there is nothing for the page to veto.
     */
    'si-match-step': CustomEvent<MatchStepDetail>;
  }
}
