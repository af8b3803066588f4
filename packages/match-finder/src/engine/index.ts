// The DOM-free matching engine (`@sozial-innovativ/match-finder/engine`): runs in Node and browsers.
export {
  applyHint, combine, explainMatch, isAnswered, offerGeo, prepareOffers, preparingOffers, radiusFor, rankOffers, resolveLocation,
  type PreparedOffers, type RankOptions,
} from './engine.js';
export { decodeAnswers, encodeAnswers } from './share.js';
export type * from './types.js';
