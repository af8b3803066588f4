// Classes and types only (no side effects): register with `@sozial-innovativ/match-finder/define`.
export { SiMatchFinder, type MatchCompleteDetail, type MatchStepDetail } from './si-match-finder.js';
export type * from './engine/types.js';
