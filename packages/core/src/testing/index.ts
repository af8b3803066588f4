export { adapterContract, type ContractOptions, type SuiteRunner } from './contract.js';
export { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS, UNSAFE_URL, findInjections } from './xss.js';
export { stalledAdapter, failingAdapter, staleAdapter, flakyAdapter, spyAdapter, gatedAdapter, unavailable, type AdapterCall } from './fakes.js';
export { leichteSpracheProblems, catalogTexts, catalogProblems, sentences, MAX_WORDS } from '../i18n/leichte-sprache.js';
