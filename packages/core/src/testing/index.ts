export { adapterContract, type ContractOptions, type SuiteRunner } from './contract.js';
