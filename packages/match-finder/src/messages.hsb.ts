import { plural } from '@sozial-innovativ/core';
import type { MatchMessages } from './messages.js';

/** Upper Sorbian: a partial preview; missing keys fall back to German. */
const hsb: Partial<MatchMessages> = {
  privacy: 'Waše wotmołwy wostanu we wašim wobhladowaku. Ničo so njesćele a ničo so njeskładuje.',
  start: 'Na prašenja wotmołwić',
  step: (i, n) => `Krok ${i} z ${n}`,
  next: 'Dale',
  back: 'Wróćo',
  yes: 'Haj',
  no: 'Ně',
  errorTitle: 'Je problem',
  check: 'Wotmołwy přepruwować',
  change: 'Změnić',
  showResults: 'Wuslědki pokazać',
  startOver: 'Znowa započeć',
  results: (n) => plural('hsb', n, { one: '{n} hodźacy so poskitk', two: '{n} hodźacej so poskitkaj', few: '{n} hodźace so poskitki', other: '{n} hodźacych so poskitkow' }),
};

export default hsb;
