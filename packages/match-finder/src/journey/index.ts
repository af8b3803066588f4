/**
 * Everything after the loading state, one lazily loaded chunk: the journey's state machine and
 * answer parsing, its controller, its screens, the engine behind them and the German messages.
 * `<si-match-finder>` imports it (and, for English or Upper Sorbian, that catalog) together with
 * the questionnaire and offers, and leaves the loading state only when all of it is there: once
 * the start page shows, nothing is requested any more.
 */
export { JourneyController, type JourneyHost, type JourneyOptions } from './controller.js';
export { renderJourney, type JourneyViewProps } from './view.js';
