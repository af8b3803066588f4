// The DOM-free matching engine (`@sozial-innovativ/match-finder/engine`): runs in Node and browsers.
export { isAnswered, radiusFor, resolveLocation } from './answer.js';
export {
  applyHint, combine, explainMatch, offerGeo, prepareOffers, preparingOffers, rankOffers,
  type PreparedOffers, type RankOptions,
} from './engine.js';
export { decodeAnswers, encodeAnswers } from './share.js';
export type * from './types.js';
