// Classes and types only (no side effects): register with `@sozial-innovativ/match-finder/define`.
// The matching engine is the `./engine` subpath; the journey's modules are internal.
export { SiMatchFinder } from './si-match-finder.js';
export type { MatchStepDetail } from './events/si-match-step.js';
export type { MatchCompleteDetail } from './events/si-match-complete.js';
export type * from './engine/types.js';
