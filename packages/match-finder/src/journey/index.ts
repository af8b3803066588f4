/**
 * The journey's first chunk, loaded with the data: its state machine and answer parsing, its
 * controller, the start page, the steps and the check page, their styles and the German messages.
 * `<si-match-finder>` imports it (and, for English or Upper Sorbian, that catalog) together with
 * the questionnaire and offers, and leaves the loading state only when all of it is there. The
 * ranking engine and the results screens are the later chunk (`results.ts`), which the controller
 * loads in idle time once the start page shows: a static file, never answers.
 */
export { JourneyController, type JourneyHost, type JourneyOptions } from './controller.js';
export { renderJourney, type JourneyViewProps } from './view.js';
