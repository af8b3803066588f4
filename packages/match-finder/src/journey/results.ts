/**
 * The journey's later chunk: what only the answers need, never the start page or a step's
 * question. The ranking engine (preparing the offers, ranking, explanations, suggestions), the
 * results screen, the comparison, getting in touch and sharing. The journey controller imports
 * it once, in idle time after its first screen has rendered, or at once when something needs it
 * sooner (an answer, "show results", a shared link); it carries no data and sends none.
 */
export { applyHint, preparingOffers, rankOffers } from '../engine/engine.js';
export { renderResults } from './results-view.js';
export { renderCompare } from './compare-view.js';
export { matchFinderResultsStyles } from '../si-match-finder.results.styles.js';
