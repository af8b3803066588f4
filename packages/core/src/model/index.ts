export * from './constants.js';
export * from './common.js';
export * from './event.js';
export * from './initiative.js';
export * from './match.js';
